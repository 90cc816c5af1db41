#include "codes/crockford.h"

namespace tucai::codes::crockford {

QString encode(quint64 value, int chars)
{
    Q_ASSERT(chars > 0 && chars <= 12);
    QString out(chars, QLatin1Char('0'));
    for (int i = chars - 1; i >= 0; --i) {
        out[i] = QLatin1Char(kAlphabet[value & 31u]);
        value >>= 5;
    }
    return out;
}

int symbolValue(QChar c)
{
    const char16_t u = QChar(c).toUpper().unicode();
    switch (u) {
    case u'O': return 0;
    case u'I':
    case u'L': return 1;
    default: break;
    }
    for (int i = 0; i < 32; ++i)
        if (kAlphabet[i] == u)
            return i;
    return -1;
}

QChar checkSymbol(const QString &dataSymbols)
{
    // Horner's rule mod 37: the same as (value mod 37) without a big integer.
    int r = 0;
    for (const QChar c : dataSymbols) {
        const int v = symbolValue(c);
        if (v < 0)
            return {};
        r = (r * 32 + v) % 37;
    }
    return QLatin1Char(kCheckAlphabet[r]);
}

QString canonical(const QString &typed)
{
    QString t;
    for (const QChar c : typed) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        t.append(c.toUpper());
    }
    if (t.size() < 2)
        return {};
    QString out;
    for (int i = 0; i < t.size() - 1; ++i) {
        const int v = symbolValue(t.at(i));
        if (v < 0)
            return {};
        out.append(QLatin1Char(kAlphabet[v]));
    }
    // The check symbol has 5 extra values (* ~ $ = U); look-alikes still apply.
    QChar last = t.back();
    if (last == QLatin1Char('O'))
        last = QLatin1Char('0');
    else if (last == QLatin1Char('I') || last == QLatin1Char('L'))
        last = QLatin1Char('1');
    if (!QString::fromLatin1(kCheckAlphabet).contains(last))
        return {};
    out.append(last);
    return out;
}

QString grouped(const QString &code)
{
    QString out;
    for (int i = 0; i < code.size(); ++i) {
        if (i && i % 4 == 0)
            out.append(QLatin1Char('-'));
        out.append(code.at(i));
    }
    return out;
}

} // namespace tucai::codes::crockford
