// The reasons the engine gives when a rule cannot decide ("why") are written in English
// where they arise; reviewers read them in their own language. Every text a rule can give
// is listed here once (lupdate reads the QT_TRANSLATE_NOOP marks), and those with
// numbers are recognised by pattern and translated with their numbers.
#include "checks/check_report.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tucai::checks {
namespace {

const char *const kContext = "CheckWhy";

const char *const kFixed[] = {
    QT_TRANSLATE_NOOP("CheckWhy", "no plain background found along the top and side edges"),
    QT_TRANSLATE_NOOP("CheckWhy", "no face"),
    QT_TRANSLATE_NOOP("CheckWhy", "no face found"),
    QT_TRANSLATE_NOOP("CheckWhy", "head outline not found"),
    QT_TRANSLATE_NOOP("CheckWhy", "too little clothing visible in the frame"),
    QT_TRANSLATE_NOOP("CheckWhy", "no face to tell skin from clothing"),
    QT_TRANSLATE_NOOP("CheckWhy", "clothing not separable from the background"),
    QT_TRANSLATE_NOOP("CheckWhy", "eyes outside the photo"),
    QT_TRANSLATE_NOOP("CheckWhy", "eye not found by the eye detector"),
    QT_TRANSLATE_NOOP("CheckWhy", "eye not found by the eye detector and no open iris seen"),
    QT_TRANSLATE_NOOP("CheckWhy", "greyscale photo: teeth cannot be told from skin"),
    QT_TRANSLATE_NOOP("CheckWhy", "skin colour not measurable"),
    QT_TRANSLATE_NOOP("CheckWhy", "close to the limit"),
    QT_TRANSLATE_NOOP("CheckWhy", "the photo is not 3:4, so pixel positions cannot be compared with the standard"),
    QT_TRANSLATE_NOOP("CheckWhy", "background not found"),
    QT_TRANSLATE_NOOP("CheckWhy", "the head touches the top edge"),
    QT_TRANSLATE_NOOP("CheckWhy", "eyes not located"),
    QT_TRANSLATE_NOOP("CheckWhy", "head outline not found at eye level"),
    QT_TRANSLATE_NOOP("CheckWhy", "shoulders not visible"),
    QT_TRANSLATE_NOOP("CheckWhy", "person not separable from the background: skin alone"),
    QT_TRANSLATE_NOOP("CheckWhy", "no detail to measure"),
    QT_TRANSLATE_NOOP("CheckWhy", "cheeks not visible"),
    QT_TRANSLATE_NOOP("CheckWhy", "skin not measurable"),
    QT_TRANSLATE_NOOP("CheckWhy", "photo too small for the spectrum test"),
    QT_TRANSLATE_NOOP("CheckWhy", "JPEG quality could not be estimated"),
    QT_TRANSLATE_NOOP("CheckWhy", "face landmarks not found"),
    QT_TRANSLATE_NOOP("CheckWhy", "head pose not measurable"),
    QT_TRANSLATE_NOOP("CheckWhy", "lips apart"),
    QT_TRANSLATE_NOOP("CheckWhy", "teeth showing"),
    QT_TRANSLATE_NOOP("CheckWhy", "smooth fabric over the crown"),
    QT_TRANSLATE_NOOP("CheckWhy", "smooth fabric beside the temples"),
    QT_TRANSLATE_NOOP("CheckWhy", "no colour: fabric cannot be told from a bare scalp"),
    QT_TRANSLATE_NOOP("CheckWhy", "no glasses found"),
    QT_TRANSLATE_NOOP("CheckWhy", "glasses not clearly found"),
    QT_TRANSLATE_NOOP("CheckWhy", "earring at the earlobe"),
};

struct Pattern
{
    const char *regex;
    const char *text;   // the same sentence with %1, %2 for the numbers
};

const Pattern kPatterns[] = {
    {"^objects cover ([0-9.]+)% of the photo$", QT_TRANSLATE_NOOP("CheckWhy", "objects cover %1% of the photo")},
    {"^pupils give (-?[0-9.]+) deg, eye boxes (-?[0-9.]+) deg$", QT_TRANSLATE_NOOP("CheckWhy", "pupils give %1 deg, eye boxes %2 deg")},
    {"^person 99th percentile L\\*=(-?[0-9.]+) \\(min (-?[0-9.]+)\\)$", QT_TRANSLATE_NOOP("CheckWhy", "person 99th percentile L*=%1 (min %2)")},
    {"^skin a\\*=(-?[0-9.]+) b\\*=(-?[0-9.]+)$", QT_TRANSLATE_NOOP("CheckWhy", "skin a*=%1 b*=%2")},
    {"^image is ([0-9]+)x([0-9]+)$", QT_TRANSLATE_NOOP("CheckWhy", "image is %1x%2")},
    {"^format is ([A-Z0-9]+)$", QT_TRANSLATE_NOOP("CheckWhy", "format is %1")},
    {"^([0-9.]+)% of the chest has the background colour$", QT_TRANSLATE_NOOP("CheckWhy", "%1% of the chest has the background colour")},
    {"^background-like ([0-9.]+)%$", QT_TRANSLATE_NOOP("CheckWhy", "background-like %1%")},
    {"^clothing ([0-9.]+)% of the shoulder area$", QT_TRANSLATE_NOOP("CheckWhy", "clothing %1% of the shoulder area")},
    {"^edge energy at the eyes and lips ([0-9.]+) \\(min ([0-9.]+)\\)$", QT_TRANSLATE_NOOP("CheckWhy", "edge energy at the eyes and lips %1 (min %2)")},
    {"^lens as bright as the skin below its rim \\(([0-9.]+)\\)$", QT_TRANSLATE_NOOP("CheckWhy", "lens as bright as the skin below its rim (%1)")},
};

} // namespace

QString whyText(const QString &why)
{
    if (why.isEmpty())
        return why;
    for (const char *fixed : kFixed)
        if (why == QLatin1String(fixed))
            return QCoreApplication::translate(kContext, fixed);
    // Compiled once; matching a const QRegularExpression is safe from any thread.
    static const QList<QPair<QRegularExpression, const char *>> compiled = [] {
        QList<QPair<QRegularExpression, const char *>> list;
        for (const Pattern &p : kPatterns)
            list.append({QRegularExpression(QString::fromLatin1(p.regex)), p.text});
        return list;
    }();
    for (const auto &[regex, source] : compiled) {
        const QRegularExpressionMatch m = regex.match(why);
        if (!m.hasMatch())
            continue;
        QString text = QCoreApplication::translate(kContext, source);
        for (int i = 1; i <= m.lastCapturedIndex(); ++i)
            text = text.arg(m.captured(i));
        return text;
    }
    return why; // a text this version does not know (a newer engine's report): as it was written
}

} // namespace tucai::checks
