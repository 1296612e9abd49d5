// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IngestStatements.h"

#include <QSqlQuery>

namespace gerbang {

// Portable: the same SQL on SQLite and PostgreSQL, through QtSql.
class QtSqlIngestStatements final : public IngestStatements
{
public:
    explicit QtSqlIngestStatements(QSqlDatabase &db);
    bool prepare(QString *error);

    bool claimDedupKey(const QString &tenant, const QString &key, qint64 nowMs, qint64 expiresAtMs,
                       bool *fresh, QString *error) override;
    bool insertRawPayload(const RawPayloadRow &row, QString *error) override;
    bool insertEvent(const EventRow &row, QString *error) override;
    bool insertOutbox(const QString &eventId, const QString &tenant, qint64 nowMs,
                      QString *error) override;
    bool insertAudit(const AuditRecord &record, QString *error) override;

private:
    QSqlQuery m_dedup;
    QSqlQuery m_raw;
    QSqlQuery m_event;
    QSqlQuery m_outbox;
    QSqlQuery m_audit;
};

} // namespace gerbang
