#include "export/file_names.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tucai::exporting {
namespace {

constexpr int kMaxNameChars = 120; // well under the 255-byte limits once in UTF-8 / UTF-16

bool isReservedDeviceName(const QString &base)
{
    static const QStringList reserved{QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                                      QStringLiteral("NUL"), QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
    const QString upper = base.trimmed().toUpper();
    if (reserved.contains(upper))
        return true;
    static const QRegularExpression port(QStringLiteral("^(COM|LPT)[0-9\u00B9\u00B2\u00B3]$"));
    return port.match(upper).hasMatch();
}

QString cleanChars(const QString &in)
{
    QString out;
    out.reserve(in.size());
    for (const QChar c : in) {
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7F || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char(':')
            || c == QLatin1Char('"') || c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char('|')
            || c == QLatin1Char('?') || c == QLatin1Char('*') || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
            out += QLatin1Char('_'); // separators, Windows-refused characters, bidi overrides
        else
            out += c;
    }
    return out;
}

} // namespace

QString defaultNameTemplate() { return QStringLiteral("{学号}.jpg"); }

QStringList standardNameTemplates()
{
    return {QStringLiteral("{学号}.jpg"), QStringLiteral("{身份证号}.jpg"), QStringLiteral("{学院}_{班级}_{姓名}.jpg"),
            QStringLiteral("{学号}_{姓名}.jpg")};
}

QString validateNameTemplate(const QString &t)
{
    static const QRegularExpression field(QStringLiteral("\\{([^{}]*)\\}"));
    static const QStringList known{QStringLiteral("学号"), QStringLiteral("身份证号"), QStringLiteral("学院"), QStringLiteral("班级"),
                                   QStringLiteral("姓名"), QStringLiteral("student_no"), QStringLiteral("id_number"),
                                   QStringLiteral("college"), QStringLiteral("class"), QStringLiteral("name")};
    if (t.trimmed().isEmpty())
        return QCoreApplication::translate("Export", "The file name template is empty.");
    bool any = false;
    auto it = field.globalMatch(t);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!known.contains(name))
            return QCoreApplication::translate("Export", "Unknown field {%1} in the file name template.").arg(name);
        any = true;
    }
    if (!any)
        return QCoreApplication::translate("Export", "The file name template must contain a field such as {学号}: "
                                                     "otherwise every photo gets the same name.");
    return {};
}

QString expandNameTemplate(const QString &t, const NameFields &f)
{
    QString out = t;
    const std::pair<const char *, const QString *> fields[] = {
        {"学号", &f.studentNo}, {"student_no", &f.studentNo}, {"身份证号", &f.idNumber}, {"id_number", &f.idNumber},
        {"学院", &f.college},   {"college", &f.college},      {"班级", &f.className},   {"class", &f.className},
        {"姓名", &f.name},      {"name", &f.name},
    };
    for (const auto &[key, value] : fields)
        out.replace(QLatin1Char('{') + QString::fromUtf8(key) + QLatin1Char('}'), *value);
    QString ext = QStringLiteral(".jpg");
    if (out.endsWith(QLatin1String(".jpg"), Qt::CaseInsensitive) || out.endsWith(QLatin1String(".jpeg"), Qt::CaseInsensitive))
        out.chop(out.endsWith(QLatin1String(".jpg"), Qt::CaseInsensitive) ? 4 : 5);
    return safeFileName(out, ext);
}

QString safeFileName(const QString &name, const QString &extension)
{
    QString base = cleanChars(name).trimmed();
    // No trailing dots or spaces (Windows drops them) and no leading dots (hidden files, "..").
    while (!base.isEmpty() && (base.endsWith(QLatin1Char('.')) || base.endsWith(QLatin1Char(' '))))
        base.chop(1);
    while (base.startsWith(QLatin1Char('.')))
        base.replace(0, 1, QLatin1Char('_'));
    if (base.isEmpty())
        base = QStringLiteral("_");
    // The device check looks at the part before the first dot: "con.txt" is reserved too.
    if (isReservedDeviceName(base.section(QLatin1Char('.'), 0, 0)))
        base.prepend(QLatin1Char('_'));
    if (base.size() > kMaxNameChars) {
        base.truncate(kMaxNameChars);
        if (base.back().isHighSurrogate())
            base.chop(1);
        while (!base.isEmpty() && (base.endsWith(QLatin1Char('.')) || base.endsWith(QLatin1Char(' '))))
            base.chop(1);
    }
    return base + extension;
}

QString UniqueNames::take(const QString &wanted, bool *renamed)
{
    QString candidate = wanted;
    const QString key = wanted.toLower();
    const int count = m_used.value(key, 0);
    if (count > 0) {
        const int dot = wanted.lastIndexOf(QLatin1Char('.'));
        const QString stem = dot > 0 ? wanted.left(dot) : wanted;
        const QString ext = dot > 0 ? wanted.mid(dot) : QString();
        int n = count + 1;
        do {
            candidate = QStringLiteral("%1_%2%3").arg(stem).arg(n++).arg(ext);
        } while (m_used.contains(candidate.toLower()));
        m_used.insert(candidate.toLower(), 1);
    }
    m_used.insert(key, count + 1);
    if (renamed)
        *renamed = candidate != wanted;
    return candidate;
}

} // namespace tucai::exporting
