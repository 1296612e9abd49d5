// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

namespace gerbang::testevent {

// Test events (gerbangctl source test, the console's "Send test event"): a correctly signed
// sample sent through a source's own public route to prove the setup end to end. The mark is
// a top-level key inside the signed body whose value is the test's id, so only whoever holds
// the source's secret can mark an event as a test, and no provider ever sends it. Marked
// events are stored and delivered like any other, with the mark on their audit row (detail
// "test") and in the normalized event ("test": true); they never count as a source's traffic.
inline constexpr QLatin1StringView kKey{"gerbang_test"};
// The key of the test id in the audit row's detail.
inline constexpr QLatin1StringView kAuditKey{"test"};
// A LIKE pattern for the audit detail of test `id` (an id of newId()'s shape needs no
// escaping); with an empty id, of any test.
QString auditDetailPattern(const QString &id);

// The test id a body carries: the string value of a top-level "gerbang_test" in a JSON
// object, or an empty string. Cheap for the bodies that do not carry it (a byte search).
QString idOf(QByteArrayView body);
QString idOf(const QJsonObject &root);
// A fresh test id: "gtest_" and 16 random hex digits.
QString newId();
// Whether `text` has the shape newId() makes.
bool isId(const QString &text);

} // namespace gerbang::testevent
