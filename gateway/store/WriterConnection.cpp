// SPDX-License-Identifier: GPL-3.0-or-later
#include "WriterConnection.h"

#include "IngestStatements.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {

WriterConnection::WriterConnection() = default;
WriterConnection::~WriterConnection() = default;

bool WriterConnection::open(const Database::Options &options, QString *error)
{
    m_db = Database::open(options, error);
    if (!m_db || !m_db->migrate(error))
        return false;
    return prepare(error);
}

void WriterConnection::close()
{
    m_stale.reset();
    m_statements.reset();
    m_db.reset();
}

bool WriterConnection::refreshStatements(QString *error)
{
    return m_generation == m_db->generation() || prepare(error);
}

void WriterConnection::releaseStale()
{
    m_stale.reset();
}

bool WriterConnection::probeWritable(QString *error)
{
    return m_db->inWriteTransaction(error, [&] {
        QSqlQuery q(m_db->db());
        if (!q.exec(u"UPDATE meta SET value = value WHERE key = 'config_revision'"_s)) {
            *error = q.lastError().text();
            return false;
        }
        return true;
    });
}

bool WriterConnection::prepare(QString *error)
{
    if (m_statements)
        m_stale = std::move(m_statements);
    m_statements = IngestStatements::create(*m_db, error);
    if (!m_statements)
        return false;
    m_generation = m_db->generation();
    return true;
}

} // namespace gerbang
