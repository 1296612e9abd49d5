// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

// Amounts as providers express them, and in minor units where that is unambiguous. Integers
// only: a float never touches money here.
namespace gerbang::normalize {

// The largest integer a JSON consumer can hold exactly (2^53): bigger amounts stay decimal.
inline constexpr qint64 kMaxExactJsonInteger = 9007199254740992;

// A provider amount as a decimal string: a string of the form -?digits[.digits] exactly as
// sent; an integral JSON number in full ("2500000"); another number in its shortest round-trip
// fixed-point form. Null for anything else (absent, empty, "1,500", exponent forms, ...).
QJsonValue decimalText(const QJsonValue &v);

// A currency code as three upper-case letters ("idr" → "IDR"), or null.
QJsonValue currencyCode(const QJsonValue &v);

// ISO 4217 minor-unit exponent of an upper-case code: 0 (JPY, KRW, VND, ...), 3 (BHD, KWD,
// ...), 4 (CLF, UYW), 2 for every other code.
int currencyExponent(const QString &code);

// A decimal in major units ("1500000.00") → integer minor units (150000000) for `exponent`
// decimals. Null when the decimal has non-zero digits below the minor unit, or when the
// result would not be exact in JSON.
QJsonValue minorUnits(const QString &decimal, int exponent);

} // namespace gerbang::normalize
