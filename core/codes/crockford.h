#pragma once
#include <QString>
#include <QtGlobal>

namespace tucai::codes {

// Crockford base32 (https://www.crockford.com/base32.html) with its mod-37
// check symbol. Codes are typed by people: the alphabet has no I, L, O, U, and
// decoding forgives case, hyphens, spaces and the look-alikes O->0, I/L->1.
// The check symbol is the whole value mod 37 (37 is prime and > 32), so every
// single wrong character and every swap of two neighbours changes it.
namespace crockford {

inline constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr char kCheckAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

// `chars` symbols (at most 12: 60 bits) for the low 5*chars bits of value.
QString encode(quint64 value, int chars);
// Symbol value 0..31, or -1 (look-alikes mapped; case ignored).
int symbolValue(QChar c);
// Check symbol over the data symbols (already canonical).
QChar checkSymbol(const QString &dataSymbols);
// Upper case, hyphens/spaces dropped, look-alikes mapped; the last char (the
// check symbol) is kept as typed except for case. Returns empty on an invalid char.
QString canonical(const QString &typed);
// Groups of 4 with hyphens, for printing: ABCD-EFGH-JKMN-P.
QString grouped(const QString &canonicalCode);

} // namespace crockford
} // namespace tucai::codes
