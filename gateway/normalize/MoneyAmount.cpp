// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoneyAmount.h"

#include <QLocale>
#include <QSet>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gerbang::normalize {
namespace {

// -?digits[.digits], checked by hand: delivery workers call this from several threads, and a
// plain loop needs no shared state.
bool isDecimal(QStringView s)
{
    if (s.startsWith(u'-'))
        s = s.sliced(1);
    const qsizetype dot = s.indexOf(u'.');
    const QStringView whole = dot < 0 ? s : s.first(dot);
    const QStringView fraction = dot < 0 ? QStringView() : s.sliced(dot + 1);
    const auto digits = [](QStringView part) {
        return !part.isEmpty() && std::all_of(part.begin(), part.end(),
                                              [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    return digits(whole) && (dot < 0 || digits(fraction));
}

} // namespace

QJsonValue decimalText(const QJsonValue &v)
{
    if (v.isString()) {
        const QString s = v.toString();
        return isDecimal(s) ? v : QJsonValue(QJsonValue::Null);
    }
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return QJsonValue(QJsonValue::Null);
    const double d = v.toDouble();
    if (std::trunc(d) == d && std::fabs(d) <= double(kMaxExactJsonInteger))
        return QString::number(qint64(d));
    const QString text = QString::number(d, 'f', QLocale::FloatingPointShortest);
    return isDecimal(text) ? QJsonValue(text) : QJsonValue(QJsonValue::Null);
}

QJsonValue currencyCode(const QJsonValue &v)
{
    const QString code = v.toString().toUpper();
    if (code.size() != 3)
        return QJsonValue(QJsonValue::Null);
    for (QChar c : code) {
        if (c < u'A' || c > u'Z')
            return QJsonValue(QJsonValue::Null);
    }
    return code;
}

int currencyExponent(const QString &code)
{
    // ISO 4217 list one (the currencies whose minor unit is not 1/100).
    static const QSet<QString> zero{u"BIF"_s, u"CLP"_s, u"DJF"_s, u"GNF"_s, u"ISK"_s, u"JPY"_s,
                                    u"KMF"_s, u"KRW"_s, u"PYG"_s, u"RWF"_s, u"UGX"_s, u"UYI"_s,
                                    u"VND"_s, u"VUV"_s, u"XAF"_s, u"XOF"_s, u"XPF"_s};
    static const QSet<QString> three{u"BHD"_s, u"IQD"_s, u"JOD"_s, u"KWD"_s,
                                     u"LYD"_s, u"OMR"_s, u"TND"_s};
    static const QSet<QString> four{u"CLF"_s, u"UYW"_s};
    if (zero.contains(code))
        return 0;
    if (three.contains(code))
        return 3;
    if (four.contains(code))
        return 4;
    return 2;
}

QJsonValue minorUnits(const QString &decimal, int exponent)
{
    if (!isDecimal(decimal) || exponent < 0)
        return QJsonValue(QJsonValue::Null);
    const bool negative = decimal.startsWith(u'-');
    const QString unsignedText = negative ? decimal.mid(1) : decimal;
    const qsizetype dot = unsignedText.indexOf(u'.');
    const QString whole = dot < 0 ? unsignedText : unsignedText.left(dot);
    QString fraction = dot < 0 ? QString() : unsignedText.mid(dot + 1);
    // Digits below the minor unit must be zeros ("1500000.00" is fine for JPY, "0.5" is not).
    for (qsizetype i = exponent; i < fraction.size(); ++i) {
        if (fraction[i] != u'0')
            return QJsonValue(QJsonValue::Null);
    }
    fraction = fraction.left(exponent).leftJustified(exponent, u'0');
    const QString digits = whole + fraction;
    qint64 value = 0;
    for (QChar c : digits) {
        const qint64 digit = c.unicode() - u'0';
        if (value > (kMaxExactJsonInteger - digit) / 10)
            return QJsonValue(QJsonValue::Null);
        value = value * 10 + digit;
    }
    return negative ? -value : value;
}

} // namespace gerbang::normalize
