#include "check_report.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>

namespace tucai::checks {
namespace {

QJsonArray pt(QPointF p) { return QJsonArray{p.x(), p.y()}; }
QJsonArray rc(const QRectF &r) { return QJsonArray{r.x(), r.y(), r.width(), r.height()}; }

QPointF toPt(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return a.size() >= 2 ? QPointF(a[0].toDouble(), a[1].toDouble()) : QPointF();
}

QRectF toRc(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return a.size() >= 4 ? QRectF(a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble()) : QRectF();
}

QJsonValue nullIfEmpty(const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); }

QJsonObject shapeToJson(const Shape &s)
{
    switch (s.type) {
    case Shape::Type::Box:
        return {{QStringLiteral("type"), QStringLiteral("box")}, {QStringLiteral("rect"), rc(s.rect)}};
    case Shape::Type::Line:
        return {{QStringLiteral("type"), QStringLiteral("line")}, {QStringLiteral("p1"), pt(s.p1)}, {QStringLiteral("p2"), pt(s.p2)}};
    case Shape::Type::Point:
        return {{QStringLiteral("type"), QStringLiteral("point")}, {QStringLiteral("p"), pt(s.p1)}};
    case Shape::Type::Polygon: {
        QJsonArray pts;
        for (QPointF p : s.points)
            pts.append(pt(p));
        return {{QStringLiteral("type"), QStringLiteral("polygon")}, {QStringLiteral("points"), pts}};
    }
    case Shape::Type::Mask:
        return {{QStringLiteral("type"), QStringLiteral("mask")}, {QStringLiteral("png"), QString::fromLatin1(s.png.toBase64())}};
    }
    return {};
}

Shape shapeFromJson(const QJsonObject &o)
{
    const QString t = o.value(QStringLiteral("type")).toString();
    Shape s;
    if (t == QLatin1String("line")) {
        s = Shape::line(toPt(o.value(QStringLiteral("p1"))), toPt(o.value(QStringLiteral("p2"))));
    } else if (t == QLatin1String("point")) {
        s = Shape::point(toPt(o.value(QStringLiteral("p"))));
    } else if (t == QLatin1String("polygon")) {
        QList<QPointF> pts;
        for (const QJsonValue &v : o.value(QStringLiteral("points")).toArray())
            pts.append(toPt(v));
        s = Shape::polygon(pts);
    } else if (t == QLatin1String("mask")) {
        s = Shape::mask(QByteArray::fromBase64(o.value(QStringLiteral("png")).toString().toLatin1()));
    } else {
        s = Shape::box(toRc(o.value(QStringLiteral("rect"))));
    }
    return s;
}

} // namespace

QString toString(RuleStatus s)
{
    switch (s) {
    case RuleStatus::Pass: return QStringLiteral("pass");
    case RuleStatus::Fail: return QStringLiteral("fail");
    case RuleStatus::Uncertain: return QStringLiteral("uncertain");
    case RuleStatus::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

QString toString(Severity s)
{
    return s == Severity::Warning ? QStringLiteral("warning") : QStringLiteral("error");
}

RuleStatus ruleStatusFromString(const QString &s, bool *ok)
{
    if (ok)
        *ok = true;
    if (s == QLatin1String("pass"))
        return RuleStatus::Pass;
    if (s == QLatin1String("fail"))
        return RuleStatus::Fail;
    if (s == QLatin1String("uncertain"))
        return RuleStatus::Uncertain;
    if (ok)
        *ok = s == QLatin1String("skipped");
    return RuleStatus::Skipped;
}

Severity severityFromString(const QString &s, bool *ok)
{
    if (ok)
        *ok = s == QLatin1String("error") || s == QLatin1String("warning");
    return s == QLatin1String("warning") ? Severity::Warning : Severity::Error;
}

const RuleResult *CheckReport::result(const QString &rule) const
{
    for (const RuleResult &r : results)
        if (r.rule == rule)
            return &r;
    return nullptr;
}

QList<RuleResult> CheckReport::violations() const
{
    QList<RuleResult> out;
    for (const RuleResult &r : results)
        if (r.status == RuleStatus::Fail)
            out.append(r);
    return out;
}

QStringList CheckReport::uncertainRules() const
{
    QStringList out;
    for (const RuleResult &r : results)
        if (r.status == RuleStatus::Uncertain)
            out.append(r.rule);
    return out;
}

void CheckReport::finish()
{
    passed = decoded;
    for (const RuleResult &r : results)
        if (r.status == RuleStatus::Fail && r.severity == Severity::Error)
            passed = false;
}

QJsonObject CheckReport::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("engine"), engine);
    o.insert(QStringLiteral("profile"), profile);
    o.insert(QStringLiteral("profileVersion"), profileVersion);
    o.insert(QStringLiteral("decoded"), decoded);
    o.insert(QStringLiteral("error"), nullIfEmpty(error));
    o.insert(QStringLiteral("errorCode"), nullIfEmpty(errorCode));
    o.insert(QStringLiteral("width"), width);
    o.insert(QStringLiteral("height"), height);
    o.insert(QStringLiteral("passed"), passed);
    o.insert(QStringLiteral("ms"), std::round(ms * 10) / 10);
    o.insert(QStringLiteral("detector"), nullIfEmpty(detector));
    if (face.found) {
        QJsonArray lm;
        for (QPointF p : face.landmarks)
            lm.append(pt(p));
        QJsonObject fo{{QStringLiteral("box"), rc(face.box)},
                       {QStringLiteral("leftEye"), pt(face.leftEye)},
                       {QStringLiteral("rightEye"), pt(face.rightEye)},
                       {QStringLiteral("mouth"), pt(face.mouth)},
                       {QStringLiteral("landmarks"), lm}};
        if (!face.poseAxes.isEmpty()) {
            QJsonArray axes;
            for (QPointF p : face.poseAxes)
                axes.append(pt(p));
            const auto deg = [](double v) { return std::round(v * 10) / 10; };
            fo.insert(QStringLiteral("pose"), QJsonObject{{QStringLiteral("yaw"), deg(face.yaw)},
                                                          {QStringLiteral("pitch"), deg(face.pitch)},
                                                          {QStringLiteral("roll"), deg(face.roll)},
                                                          {QStringLiteral("axes"), axes}});
        } else {
            fo.insert(QStringLiteral("pose"), QJsonValue(QJsonValue::Null));
        }
        if (!face.glasses.isEmpty())
            fo.insert(QStringLiteral("glasses"), QJsonObject{{QStringLiteral("state"), face.glasses},
                                                             {QStringLiteral("bridge"), std::round(face.glassesBridge * 1000) / 1000},
                                                             {QStringLiteral("rims"), std::round(face.glassesRims * 1000) / 1000}});
        else
            fo.insert(QStringLiteral("glasses"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("face"), fo);
    } else {
        o.insert(QStringLiteral("face"), QJsonValue(QJsonValue::Null));
    }
    QJsonArray rs;
    for (const RuleResult &r : results) {
        QJsonArray geo;
        for (const Shape &s : r.geometry)
            geo.append(shapeToJson(s));
        QJsonObject j{{QStringLiteral("rule"), r.rule},
                      {QStringLiteral("status"), toString(r.status)},
                      {QStringLiteral("severity"), toString(r.severity)},
                      {QStringLiteral("value"), r.value && std::isfinite(*r.value) ? QJsonValue(std::round(*r.value * 1000) / 1000) : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("threshold"), r.threshold},
                      {QStringLiteral("message"), r.message},
                      {QStringLiteral("messageZh"), r.messageZh},
                      {QStringLiteral("why"), r.why},
                      {QStringLiteral("geometry"), geo}};
        rs.append(j);
    }
    o.insert(QStringLiteral("results"), rs);
    return o;
}

CheckReport CheckReport::fromJson(const QJsonObject &o, bool *ok)
{
    CheckReport r;
    const bool valid = o.contains(QStringLiteral("engine")) && o.value(QStringLiteral("results")).isArray();
    r.engine = o.value(QStringLiteral("engine")).toString();
    r.profile = o.value(QStringLiteral("profile")).toString();
    r.profileVersion = o.value(QStringLiteral("profileVersion")).toString();
    r.decoded = o.value(QStringLiteral("decoded")).toBool();
    r.error = o.value(QStringLiteral("error")).toString();
    r.errorCode = o.value(QStringLiteral("errorCode")).toString();
    r.width = o.value(QStringLiteral("width")).toInt();
    r.height = o.value(QStringLiteral("height")).toInt();
    r.passed = o.value(QStringLiteral("passed")).toBool();
    r.ms = o.value(QStringLiteral("ms")).toDouble();
    r.detector = o.value(QStringLiteral("detector")).toString();
    const QJsonObject f = o.value(QStringLiteral("face")).toObject();
    if (!f.isEmpty()) {
        r.face.found = true;
        r.face.box = toRc(f.value(QStringLiteral("box")));
        r.face.leftEye = toPt(f.value(QStringLiteral("leftEye")));
        r.face.rightEye = toPt(f.value(QStringLiteral("rightEye")));
        r.face.mouth = toPt(f.value(QStringLiteral("mouth")));
        for (const QJsonValue &v : f.value(QStringLiteral("landmarks")).toArray())
            r.face.landmarks.append(toPt(v));
        const QJsonObject pose = f.value(QStringLiteral("pose")).toObject();
        const QJsonArray axes = pose.value(QStringLiteral("axes")).toArray();
        if (axes.size() == 4) {   // stored reports are not trusted: exactly the four points or none
            r.face.yaw = pose.value(QStringLiteral("yaw")).toDouble();
            r.face.pitch = pose.value(QStringLiteral("pitch")).toDouble();
            r.face.roll = pose.value(QStringLiteral("roll")).toDouble();
            for (const QJsonValue &v : axes)
                r.face.poseAxes.append(toPt(v));
        }
        const QJsonObject gl = f.value(QStringLiteral("glasses")).toObject();
        const QString state = gl.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("found") || state == QLatin1String("none") || state == QLatin1String("uncertain")) {
            r.face.glasses = state;
            r.face.glassesBridge = gl.value(QStringLiteral("bridge")).toDouble();
            r.face.glassesRims = gl.value(QStringLiteral("rims")).toDouble();
        }
    }
    for (const QJsonValue &v : o.value(QStringLiteral("results")).toArray()) {
        const QJsonObject j = v.toObject();
        RuleResult rr;
        rr.rule = j.value(QStringLiteral("rule")).toString();
        rr.status = ruleStatusFromString(j.value(QStringLiteral("status")).toString());
        rr.severity = severityFromString(j.value(QStringLiteral("severity")).toString());
        if (j.value(QStringLiteral("value")).isDouble())
            rr.value = j.value(QStringLiteral("value")).toDouble();
        rr.threshold = j.value(QStringLiteral("threshold")).toString();
        rr.message = j.value(QStringLiteral("message")).toString();
        rr.messageZh = j.value(QStringLiteral("messageZh")).toString();
        rr.why = j.value(QStringLiteral("why")).toString();
        for (const QJsonValue &g : j.value(QStringLiteral("geometry")).toArray())
            rr.geometry.append(shapeFromJson(g.toObject()));
        r.results.append(rr);
    }
    if (ok)
        *ok = valid;
    return r;
}

} // namespace tucai::checks
