#pragma once
// A versioned set of thresholds, colours, severities and enabled flags for the check rules.
// The default profile is JSON in resources (:/tucai/profiles/default.json); a school's profile file
// overrides it key by key, so a profile only needs to name what it changes.

#include "check_report.h"

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace tucai::checks {

struct RuleInfo
{
    QString id;
    QString title;     // English
    QString titleZh;   // Chinese
};

class CheckProfile final
{
public:
    CheckProfile() = default;

    static CheckProfile loadDefault();
    static CheckProfile fromFile(const QString &path, QString *error = nullptr);
    // Parses `json` and lays it over the default profile.
    static CheckProfile fromJson(const QByteArray &json, QString *error = nullptr);

    bool isValid() const { return !m_rules.isEmpty(); }
    QString id() const { return m_id; }
    QString version() const { return m_version; }
    QColor background() const { return m_background; }
    qint64 maxFileBytes() const { return m_maxFileBytes; }
    qint64 maxPixels() const { return m_maxPixels; }
    int maxSide() const { return m_maxSide; }

    QStringList ruleIds() const { return m_order; }
    bool enabled(const QString &rule) const;
    Severity severity(const QString &rule) const;
    double param(const QString &rule, const QString &key, double fallback) const;
    QString text(const QString &rule, const QString &key) const;   // title, titleZh, message, messageZh

    QJsonObject toJson() const { return m_json; }

private:
    static CheckProfile fromObject(const QJsonObject &o, QString *error);

    QJsonObject m_json;
    QJsonObject m_rules;
    QStringList m_order;
    QString m_id;
    QString m_version;
    QColor m_background = QColor(100, 197, 255);
    qint64 m_maxFileBytes = 20 * 1024 * 1024;
    qint64 m_maxPixels = 40'000'000;
    int m_maxSide = 16384;
};

// Every rule the engine knows, in report order, with titles for filters.
const QList<RuleInfo> &ruleCatalog();

} // namespace tucai::checks
