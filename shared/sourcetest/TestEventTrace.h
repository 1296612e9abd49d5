// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace gerbang {

class Database;

// What the gateway made of a test event, read from its audit row and, once stored, its
// event's outbox row: the evidence `gerbangctl source test` judges each step by.
struct TestEventTrace
{
    bool audited = false; // the request's audit row was found (it may lag the reply)
    QString outcome;      // audit outcome (accepted, rejected, unknown_tenant, ...)
    QString signatureStatus;
    QString tenant;
    int httpStatus = 0;
    QString eventId;       // empty: nothing was stored
    QString deliveryState; // pending | delivered | dead; empty without an event
    int attempts = 0;
    int lastStatus = 0;
    QString lastError;

    // The admin API's answer (GET /admin/v1/test-events/{id}) and back.
    QJsonObject toJson() const;
    static TestEventTrace fromJson(const QJsonObject &o);
};

// The trace of test `testId` sent at or after `sinceMs`. Null with `*error` when the database
// cannot be read.
std::optional<TestEventTrace> traceTestEvent(Database &db, const QString &testId, qint64 sinceMs,
                                             QString *error);

} // namespace gerbang
