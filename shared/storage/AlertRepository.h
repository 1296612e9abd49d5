// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AlertInfo.h"

#include <QList>
#include <QString>
#include <optional>

namespace gerbang {

class Database;

// One alert as stored: its audit row (outcome "alert", which never changes) and, once someone
// acknowledged it, who and when (table alert_acknowledgements, schema version 8).
struct StoredAlert
{
    qint64 id = 0; // the audit row's id
    qint64 raisedAtMs = 0;
    QString kind;   // AlertKind's wire name
    QString source; // what it is about (a source name), or empty
    qint64 count = 0;
    int windowSecs = 0;
    QString state;    // AlertState's wire name (rows before issue 19: "raised")
    qint64 value = 0; // AlertInfo's unit for the kind
    qint64 threshold = 0;
    qint64 untilMs = 0;
    QString detail;
    qint64 acknowledgedAtMs = 0; // 0: not acknowledged
    QString acknowledgedBy;

    static StoredAlert of(const AlertInfo &alert);
    AlertInfo info() const;
};

// Which alerts to read, newest first.
struct AlertFilter
{
    bool unacknowledgedOnly = false;
    std::optional<qint64> beforeId; // keyset paging: ids below this one
    int limit = 100;
};

class AlertRepository
{
public:
    explicit AlertRepository(Database &db)
        : m_db(db)
    {
    }

    // The detail of an alert's audit row, written by the engine's AlertNotifier and read back
    // by list(): its keys are spelled here only.
    static QString auditDetail(const StoredAlert &alert);

    QList<StoredAlert> list(const AlertFilter &filter, QString *error) const;
    // Of `ids`, those that are not alerts (no audit row with outcome "alert").
    QList<qint64> notAlerts(const QList<qint64> &ids, QString *error) const;
    // Acknowledges `ids` (empty: every alert not acknowledged yet) as `by` at `atMs`; alerts
    // acknowledged already keep their first acknowledgement. Returns the ids acknowledged now,
    // or nullopt with `error`. Call inside a write transaction.
    std::optional<QList<qint64>> acknowledge(const QList<qint64> &ids, qint64 atMs,
                                             const QString &by, QString *error);

private:
    Database &m_db;
};

} // namespace gerbang
