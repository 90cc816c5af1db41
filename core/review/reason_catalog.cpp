#include "review/reason_catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace tucai::review {

bool preferChinese() { return QLocale().language() == QLocale::Chinese; }

QString Reason::display() const { return preferChinese() || en.isEmpty() ? zh : en; }

bool Reason::matches(const QString &typedIn) const
{
    const QString typed = typedIn.trimmed().toLower();
    if (typed.isEmpty())
        return true;
    if (zh.contains(typed) || en.toLower().contains(typed) || code.contains(typed))
        return true;
    const QStringList syllables = pinyin.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString initials;
    for (const QString &s : syllables)
        initials += s.left(1);
    return syllables.join(QString()).contains(typed) || initials.contains(typed);
}

const ReasonCatalog &ReasonCatalog::instance()
{
    static const ReasonCatalog catalog;
    return catalog;
}

ReasonCatalog::ReasonCatalog()
{
    QFile f(QStringLiteral(":/tucai/reasons.json"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QJsonArray arr = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("reasons")).toArray();
    for (const QJsonValue &v : arr) {
        const QJsonObject o = v.toObject();
        Reason r;
        r.code = o.value(QStringLiteral("code")).toString();
        r.zh = o.value(QStringLiteral("zh")).toString();
        r.en = o.value(QStringLiteral("en")).toString();
        r.pinyin = o.value(QStringLiteral("py")).toString();
        for (const QJsonValue &rule : o.value(QStringLiteral("rules")).toArray())
            r.rules.append(rule.toString());
        if (!r.code.isEmpty())
            m_reasons.append(r);
    }
}

const Reason *ReasonCatalog::find(const QString &code) const
{
    for (const Reason &r : m_reasons)
        if (r.code == code)
            return &r;
    return nullptr;
}

QString ReasonCatalog::displayCodes(const QString &commaSeparated) const
{
    QStringList out;
    for (const QString &code : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const Reason *r = find(code.trimmed());
        out.append(r ? r->display() : code.trimmed());
    }
    return out.join(preferChinese() ? QStringLiteral("、") : QStringLiteral(", "));
}

QStringList ReasonCatalog::codesForRules(const QStringList &rules) const
{
    QStringList out;
    for (const Reason &r : m_reasons)
        for (const QString &rule : rules)
            if (r.rules.contains(rule) && !out.contains(r.code))
                out.append(r.code);
    return out;
}

} // namespace tucai::review
