#include "check_profile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

// Resources of a static library are only linked when referenced; this reference pulls them in.
static void initCoreResources()
{
    static const bool done = [] { Q_INIT_RESOURCE(core_resources); return true; }();
    Q_UNUSED(done);
}

namespace tucai::checks {
namespace {

// The order rules appear in reports (the profile is an object, so its key order is not kept).
const char *const kRuleOrder[] = {
    "file.format", "file.size", "image.dimensions", "face.count",
    "geometry.head_top", "geometry.eye_line", "geometry.face_width", "geometry.centred",
    "pose.roll", "pose.yaw", "pose.pitch", "shoulders.level", "eyes.open", "mouth.closed",
    "background.colour", "background.uniform", "background.edge",
    "lighting.face_even", "lighting.highlights", "lighting.exposure", "eyes.red",
    "glasses.reflection", "glasses.tinted", "ears.visible", "hair.over_face", "head.covering", "jewellery",
    "clothing.contrast", "clothing.blue",
    "image.sharpness", "image.noise", "image.colour_cast", "image.recapture", "image.retouched",
};

QJsonObject readDefaultObject()
{
    initCoreResources();
    QFile f(QStringLiteral(":/tucai/profiles/default.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Deep merge: objects merge key by key, anything else is replaced.
QJsonObject merged(QJsonObject base, const QJsonObject &over)
{
    for (auto it = over.begin(); it != over.end(); ++it) {
        if (it->isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), merged(base.value(it.key()).toObject(), it->toObject()));
        else
            base.insert(it.key(), *it);
    }
    return base;
}

} // namespace

CheckProfile CheckProfile::fromObject(const QJsonObject &o, QString *error)
{
    CheckProfile p;
    p.m_json = o;
    p.m_id = o.value(QStringLiteral("id")).toString();
    p.m_version = o.value(QStringLiteral("version")).toVariant().toString();
    p.m_rules = o.value(QStringLiteral("rules")).toObject();
    const QJsonArray rgb = o.value(QStringLiteral("background")).toObject().value(QStringLiteral("rgb")).toArray();
    if (rgb.size() == 3)
        p.m_background = QColor(rgb[0].toInt(), rgb[1].toInt(), rgb[2].toInt());
    const QJsonObject limits = o.value(QStringLiteral("limits")).toObject();
    p.m_maxFileBytes = qint64(limits.value(QStringLiteral("maxFileKB")).toDouble(20480) * 1024);
    p.m_maxPixels = qint64(limits.value(QStringLiteral("maxPixels")).toDouble(40e6));
    p.m_maxSide = limits.value(QStringLiteral("maxSide")).toInt(16384);
    for (const char *id : kRuleOrder)
        if (p.m_rules.contains(QLatin1String(id)))
            p.m_order.append(QLatin1String(id));
    if (p.m_rules.isEmpty() && error)
        *error = QStringLiteral("profile has no rules");
    return p;
}

CheckProfile CheckProfile::loadDefault()
{
    static const CheckProfile def = fromObject(readDefaultObject(), nullptr);
    return def;
}

CheckProfile CheckProfile::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("profile is not a JSON object: %1").arg(pe.errorString());
        return {};
    }
    return fromObject(merged(readDefaultObject(), doc.object()), error);
}

CheckProfile CheckProfile::fromFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read profile %1: %2").arg(path, f.errorString());
        return {};
    }
    return fromJson(f.readAll(), error);
}

bool CheckProfile::enabled(const QString &rule) const
{
    const QJsonObject r = m_rules.value(rule).toObject();
    return !r.isEmpty() && r.value(QStringLiteral("enabled")).toBool(true);
}

Severity CheckProfile::severity(const QString &rule) const
{
    return severityFromString(m_rules.value(rule).toObject().value(QStringLiteral("severity")).toString());
}

double CheckProfile::param(const QString &rule, const QString &key, double fallback) const
{
    return m_rules.value(rule).toObject().value(key).toDouble(fallback);
}

QString CheckProfile::text(const QString &rule, const QString &key) const
{
    return m_rules.value(rule).toObject().value(key).toString();
}

const QList<RuleInfo> &ruleCatalog()
{
    static const QList<RuleInfo> list = [] {
        const CheckProfile p = CheckProfile::loadDefault();
        QList<RuleInfo> out;
        for (const char *id : kRuleOrder) {
            const QString s = QLatin1String(id);
            out.append({s, p.text(s, QStringLiteral("title")), p.text(s, QStringLiteral("titleZh"))});
        }
        return out;
    }();
    return list;
}

} // namespace tucai::checks
