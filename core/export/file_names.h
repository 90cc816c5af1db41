#pragma once
#include <QHash>
#include <QString>
#include <QStringList>

namespace tucai::exporting {

// Values a file-name template may use: {学号} {身份证号} {学院} {班级} {姓名}
// (or {student_no} {id_number} {college} {class} {name}).
struct NameFields
{
    QString studentNo;
    QString idNumber;
    QString college;
    QString className;
    QString name;
};

QString defaultNameTemplate();
// The templates offered in the export page.
QStringList standardNameTemplates();
// Empty when the template is usable, otherwise a readable reason.
QString validateNameTemplate(const QString &nameTemplate);
// Fills in the template (unknown placeholders are kept as text) and makes the result safe.
QString expandNameTemplate(const QString &nameTemplate, const NameFields &fields);

// A single path component safe on Windows, macOS and Linux: no separators or
// path traversal, no characters Windows refuses, no control characters, no
// trailing dots/spaces, no reserved device names (CON, NUL, COM1...), not too long.
// Never empty. `extension` (e.g. ".jpg") is kept at the end when given.
QString safeFileName(const QString &name, const QString &extension = {});

// Hands out names unique within one folder (case-insensitively, as Windows
// compares them): "a.jpg", then "a_2.jpg", "a_3.jpg"...
class UniqueNames final
{
public:
    // Returns the name to use; *renamed is set when it differs from `wanted`.
    QString take(const QString &wanted, bool *renamed = nullptr);

private:
    QHash<QString, int> m_used; // lower-case name -> times asked
};

} // namespace tucai::exporting
