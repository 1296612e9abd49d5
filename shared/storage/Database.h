// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DatabaseTarget.h"
#include "config/Settings.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>

namespace gerbang {

// One named QtSql connection, owned by exactly one thread. The name is unique per instance,
// and the connection is removed when the object goes away. Never share across threads:
// each thread opens its own. The store is SQLite (QSQLITE) or PostgreSQL (QPSQL); the SQL of
// the repositories is written to run on both, and isPostgres() marks the few differences.
class Database
{
public:
    struct Options
    {
        DatabaseTarget target;
        // SQLite's busy timeout; PostgreSQL's lock_timeout. How long a statement waits for a
        // lock before it fails (and the engine answers 503).
        int busyTimeoutMs = Settings::defaultInt(u"storage/busy_timeout_ms");
        bool readOnly = false;
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static std::unique_ptr<Database> open(const Options &options, QString *error);
    static QString sqlitePathIn(const QString &dataDir);

    // Creates the schema or brings it to the current version. Refuses a database written
    // by a newer Gerbang, so that an older binary never corrupts it.
    bool migrate(QString *error) { return migrateTo(schemaVersionSupported(), error); }
    // Migrates no further than `version` (upgrade tests start from an old schema).
    bool migrateTo(int version, QString *error);
    static int schemaVersionSupported();
    // Empty when the SQLite and PostgreSQL migration lists agree (same versions, every file
    // in the binary); else what is wrong. migrate() refuses to run otherwise.
    static QString migrationListProblem();

    QSqlDatabase &db() { return m_db; }
    QString connectionName() const { return m_name; }
    const DatabaseTarget &target() const { return m_options.target; }
    bool isPostgres() const { return m_options.target.isPostgres(); }
    // The audit chain this connection's rows join (DatabaseTarget::auditChain).
    QString auditChain() const;
    // Where the database is, without a password: for messages.
    QString describe() const { return m_options.target.describe(); }

    // Runs `body` inside one write transaction (SQLite: BEGIN IMMEDIATE, which takes the
    // single writer lock at once; PostgreSQL: BEGIN, rows are locked as they are written);
    // rolls back when `body` returns false or the commit fails. Called inside another, it
    // runs `body` as part of that one, which commits or rolls back the whole.
    bool inWriteTransaction(QString *error, const std::function<bool()> &body);

    // PostgreSQL: when the server has closed the connection (restart, failover, an admin's
    // pg_terminate_backend), opens a new one; true when the connection works (now). The
    // start of a write transaction and configRevision() do this by themselves. Statements
    // prepared on the old connection are gone with it: generation() counts the connections,
    // so that owners of long-lived prepared statements know to prepare them again.
    bool recoverConnection(QString *error);
    int generation() const { return m_generation; }

    // Inside a write transaction: serializes this transaction with every other one that
    // locks one of the same keys, until it ends. The locks are taken in a fixed order, so
    // two transactions that touch the same keys in different orders wait instead of
    // deadlocking. PostgreSQL advisory locks; nothing to do on SQLite, whose write lock
    // already serializes every writer.
    bool lockKeys(const QStringList &keys, QString *error);
    // The statement lockKeys() runs on PostgreSQL (empty without keys), for a caller that
    // sends it in one round trip with the statement the locks protect.
    static QString lockKeysStatement(const QStringList &keys);

    // Bumped by every change of tenants, routes or secrets; the engine polls it.
    qint64 configRevision();
    bool bumpConfigRevision(QString *error);

private:
    explicit Database(Options options);
    bool openSqlite(QString *error);
    bool openPostgres(QString *error);
    bool configurePostgresSession(QString *error);
    bool begin(QString *error);
    bool readSchemaVersion(int *version, QString *error);
    bool writeSchemaVersion(int version, QString *error);
    Options m_options;
    QString m_name;
    QSqlDatabase m_db;
    int m_generation = 0;
    int m_transactionDepth = 0;
};

QString sqlError(const QSqlDatabase &db);

} // namespace gerbang
