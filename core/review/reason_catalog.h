#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace tucai::review {

// A return reason of the catalogue (resources/reasons.json): stored as its code,
// shown in Chinese or English by the UI language.
struct Reason
{
    QString code;
    QString zh;
    QString en;
    QStringList rules;   // check rules this reason usually answers
    QString pinyin;      // syllables of zh separated by spaces ("bei jing bu fu"), for typing to filter
    QString display() const;
    // True when the typed text finds this reason: part of its Chinese or English text, its
    // code, its pinyin, or the initials of its pinyin syllables ("bj" for 背景不符).
    bool matches(const QString &typed) const;
};

class ReasonCatalog final
{
public:
    static const ReasonCatalog &instance();
    const QList<Reason> &reasons() const { return m_reasons; }
    const Reason *find(const QString &code) const;
    // "背景不符、头部过大" for "background,head_too_big" (unknown codes as they are).
    QString displayCodes(const QString &commaSeparated) const;
    // Reasons that answer a failed rule, for pre-selecting in the return dialog.
    QStringList codesForRules(const QStringList &rules) const;

private:
    ReasonCatalog();
    QList<Reason> m_reasons;
};

// True when the UI speaks Chinese (the default language): show the zh texts.
bool preferChinese();

} // namespace tucai::review
