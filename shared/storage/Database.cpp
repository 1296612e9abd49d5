// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "audit/AuditChain.h"
#include "crypto/Crypto.h"
#include "domain/Clock.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>
#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QAtomicInteger<quint64> g_connectionCounter;

struct Migration
{
    int version;
    QString resource;
};

// One name per schema version: every version is a file in both dialects' directories, so
// the two can never name different versions (migrationListProblem checks that both exist).
constexpr std::array kMigrationNames = {
    "0001_initial",          "0002_sources",
    "0003_allowlists",       "0004_outbox",
    "0005_leaner_writes",    "0006_admin_tokens",
    "0007_gateways",         "0008_alert_acknowledgements",
    "0009_audit_chain",      "0010_source_activity",
    "0011_alert_conditions",
};
// The version that chains the audit log (and seals the rows written before it).
constexpr int kAuditChainVersion = 9;

QList<Migration> migrationsOf(QStringView dialect)
{
    QList<Migration> list;
    for (size_t i = 0; i < kMigrationNames.size(); ++i)
        list.append({int(i + 1), u":/gerbang/migrations/%1/%2.sql"_s.arg(
                                     dialect, QLatin1StringView(kMigrationNames[i]))});
    return list;
}

const QList<Migration> &sqliteMigrations()
{
    static const QList<Migration> list = migrationsOf(u"sqlite");
    return list;
}

const QList<Migration> &postgresMigrations()
{
    static const QList<Migration> list = migrationsOf(u"postgresql");
    return list;
}

// Advisory lock key of schema migrations on PostgreSQL ("gerbang" in ASCII).
constexpr qint64 kMigrationLockKey = 0x67657262616e67;

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

// Splits a migration file into statements: statements end with ';' at the end of a line.
QStringList statements(const QString &script)
{
    QStringList out;
    QString current;
    for (const QString &line : script.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"--"_s) || trimmed.isEmpty())
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace

QString sqlError(const QSqlDatabase &db)
{
    return db.lastError().text();
}

Database::Database(Options options)
    : m_options(std::move(options))
    , m_name(u"gerbang-%1"_s.arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QString Database::sqlitePathIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"gerbang.sqlite"_s);
}

int Database::schemaVersionSupported()
{
    return sqliteMigrations().constLast().version;
}

QString Database::migrationListProblem()
{
    for (const QList<Migration> *list : {&sqliteMigrations(), &postgresMigrations()}) {
        for (const Migration &m : *list) {
            if (!QFile::exists(m.resource))
                return u"migration %1 is missing from the binary"_s.arg(m.resource);
        }
    }
    return {};
}

std::unique_ptr<Database> Database::open(const Options &options, QString *error)
{
    std::unique_ptr<Database> d(new Database(options));
    const bool ok = options.target.isPostgres() ? d->openPostgres(error) : d->openSqlite(error);
    return ok ? std::move(d) : nullptr;
}

bool Database::openSqlite(QString *error)
{
    const Options &options = m_options;
    const QString path = options.target.sqlitePath;
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
    if (!m_db.isValid()) {
        *error = u"the Qt SQLite driver (libqt6sql6-sqlite) is not installed"_s;
        return false;
    }
    m_db.setDatabaseName(path);
    QString connectOptions = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeoutMs);
    if (options.readOnly)
        connectOptions += u";QSQLITE_OPEN_READONLY"_s;
    m_db.setConnectOptions(connectOptions);
    if (!m_db.open()) {
        *error = u"cannot open database %1: %2"_s.arg(path, sqlError(m_db));
        return false;
    }
    // WAL lets readers (console, gerbangctl) work while the engine writes; synchronous=FULL
    // makes every commit durable across power loss, which is what a 200 promises.
    const QStringList pragmas = {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                                 u"PRAGMA foreign_keys=ON"_s, u"PRAGMA secure_delete=ON"_s};
    for (const QString &p : pragmas) {
        if (options.readOnly && p.contains(u"journal_mode"_s))
            continue;
        if (!exec(m_db, p, error)) {
            *error = u"cannot configure database %1: %2"_s.arg(path, *error);
            return false;
        }
    }
    return true;
}

bool Database::openPostgres(QString *error)
{
    const DatabaseTarget &t = m_options.target;
    m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
    if (!m_db.isValid()) {
        *error = u"the Qt PostgreSQL driver (libqt6sql6-psql) is not installed"_s;
        return false;
    }
    m_db.setHostName(t.host);
    m_db.setPort(t.port);
    m_db.setUserName(t.user);
    m_db.setPassword(t.password);
    m_db.setDatabaseName(t.databaseName);
    m_db.setConnectOptions(t.connectOptions);
    if (!m_db.open()) {
        *error = u"cannot connect to %1: %2"_s.arg(t.describe(), t.redact(sqlError(m_db)));
        return false;
    }
    return configurePostgresSession(error);
}

bool Database::configurePostgresSession(QString *error)
{
    const DatabaseTarget &t = m_options.target;
    // lock_timeout is the PostgreSQL twin of SQLite's busy timeout. Notices (e.g. "relation
    // already exists, skipping") would go to standard error through libpq.
    QStringList settings = {u"SET lock_timeout = %1"_s.arg(m_options.busyTimeoutMs),
                            u"SET client_min_messages = warning"_s};
    if (m_options.readOnly)
        settings << u"SET default_transaction_read_only = on"_s;
    for (const QString &sql : std::as_const(settings)) {
        if (!exec(m_db, sql, error)) {
            *error =
                u"cannot configure the session on %1: %2"_s.arg(t.describe(), t.redact(*error));
            return false;
        }
    }
    return true;
}

bool Database::readSchemaVersion(int *version, QString *error)
{
    QSqlQuery q(m_db);
    if (!isPostgres()) {
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
            *error = q.lastError().text();
            return false;
        }
        *version = q.value(0).toInt();
        return true;
    }
    // One row, created by the first migration run (under the migration lock).
    if (!exec(m_db,
              u"CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), "
              "version INTEGER NOT NULL)"_s,
              error))
        return false;
    if (!q.exec(u"SELECT version FROM schema_version WHERE id = 1"_s)) {
        *error = q.lastError().text();
        return false;
    }
    *version = q.next() ? q.value(0).toInt() : 0;
    return true;
}

bool Database::writeSchemaVersion(int version, QString *error)
{
    if (!isPostgres())
        return exec(m_db, u"PRAGMA user_version=%1"_s.arg(version), error);
    return exec(m_db,
                u"INSERT INTO schema_version (id, version) VALUES (1, %1) "
                "ON CONFLICT (id) DO UPDATE SET version = excluded.version"_s.arg(version),
                error);
}

QString Database::auditChain() const
{
    return m_options.target.auditChain.isEmpty() ? auditchain::kUnnamedChain.toString()
                                                 : m_options.target.auditChain;
}

bool Database::migrateTo(int version, QString *error)
{
    if (const QString problem = migrationListProblem(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    // The whole check-and-migrate runs in one write transaction, so two processes starting
    // together (gerbangd and gerbangctl, or two gateways on one PostgreSQL) cannot both
    // apply the same migration. PostgreSQL DDL is transactional: a failed migration leaves
    // nothing behind.
    const QString begin = isPostgres() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s;
    if (!exec(m_db, begin, error)) {
        *error = u"cannot lock database %1 for migration: %2"_s.arg(describe(), *error);
        return false;
    }
    auto fail = [this](QString *err, const QString &message) {
        QString ignored;
        exec(m_db, u"ROLLBACK"_s, &ignored);
        *err = message;
        return false;
    };
    if (isPostgres()) {
        QString why;
        // A migration of a large store may hold the lock for a while: wait for it longer
        // than for a commit.
        if (!exec(m_db, u"SET LOCAL lock_timeout = '120s'"_s, &why) ||
            !exec(m_db, u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kMigrationLockKey), &why))
            return fail(error, u"cannot lock database %1 for migration: %2"_s.arg(describe(), why));
    }
    int current = 0;
    if (QString why; !readSchemaVersion(&current, &why))
        return fail(error, u"cannot read schema version: %1"_s.arg(why));
    if (current > schemaVersionSupported()) {
        return fail(error,
                    u"database %1 has schema version %2, newer than this Gerbang supports (%3); "
                    "refusing to touch it. Install the newer Gerbang again or restore a backup."_s
                        .arg(describe())
                        .arg(current)
                        .arg(schemaVersionSupported()));
    }
    for (const Migration &m : isPostgres() ? postgresMigrations() : sqliteMigrations()) {
        if (m.version <= current || m.version > version)
            continue;
        QFile file(m.resource);
        if (!file.open(QIODevice::ReadOnly))
            return fail(error, u"migration %1 is missing from the binary"_s.arg(m.resource));
        for (const QString &stmt : statements(QString::fromUtf8(file.readAll()))) {
            QString why;
            if (!exec(m_db, stmt, &why))
                return fail(error, u"migration to version %1 failed: %2"_s.arg(m.version).arg(why));
        }
        QString why;
        // Rows written before the chain existed: chained as they are, in the same transaction.
        if (m.version == kAuditChainVersion && !auditchain::sealLegacy(*this, nowMs(), &why))
            return fail(error, u"migration to version %1 failed: %2"_s.arg(m.version).arg(why));
        if (!writeSchemaVersion(m.version, &why))
            return fail(error, why);
    }
    if (!exec(m_db, u"COMMIT"_s, error))
        return fail(error, *error);
    return true;
}

bool Database::recoverConnection(QString *error)
{
    if (!isPostgres())
        return true;
    QString ignored;
    if (m_db.isOpen() && exec(m_db, u"SELECT 1"_s, &ignored))
        return true;
    const DatabaseTarget &t = m_options.target;
    // Try the server on a connection of its own first. While it cannot be reached the old
    // connection stays as it is: its statements fail with the driver's message, whereas a
    // closed connection fails them with no message at all, which callers could take for
    // "no rows".
    const QString probeName = m_name + u"-probe"_s;
    bool reachable = false;
    {
        QSqlDatabase probe = QSqlDatabase::cloneDatabase(m_db, probeName);
        reachable = probe.open();
        if (!reachable)
            *error = u"lost the connection to %1 and cannot open a new one: %2"_s.arg(
                t.describe(), t.redact(sqlError(probe)));
        probe.close();
    }
    QSqlDatabase::removeDatabase(probeName);
    if (!reachable)
        return false;
    m_db.close();
    ++m_generation;
    if (!m_db.open()) {
        *error = u"lost the connection to %1 and cannot open a new one: %2"_s.arg(
            t.describe(), t.redact(sqlError(m_db)));
        return false;
    }
    return configurePostgresSession(error);
}

bool Database::begin(QString *error)
{
    const QString sql = isPostgres() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s;
    if (exec(m_db, sql, error))
        return true;
    // A connection the server closed fails here first: one new connection, one more try.
    const int before = m_generation;
    QString why;
    if (!recoverConnection(&why)) {
        *error = why;
        return false;
    }
    return m_generation != before && exec(m_db, sql, error);
}

bool Database::inWriteTransaction(QString *error, const std::function<bool()> &body)
{
    // Inside another one: part of it (a change and its audit row commit together, whatever
    // the repositories under the change do on their own).
    if (m_transactionDepth > 0)
        return body();
    if (!begin(error))
        return false;
    struct Depth
    {
        int &depth;
        explicit Depth(int &d)
            : depth(++d)
        {
        }
        ~Depth() { --depth; }
    } inside(m_transactionDepth);
    QString ignored;
    if (!body()) {
        exec(m_db, u"ROLLBACK"_s, &ignored);
        return false;
    }
    // Through the driver, not a plain "COMMIT": PostgreSQL ends a transaction that a failed
    // statement aborted with a successful "ROLLBACK", which only QPSQL's commit checks for.
    if (!m_db.commit()) {
        *error = m_db.lastError().isValid() ? m_db.lastError().text()
                                            : u"the transaction could not be committed"_s;
        exec(m_db, u"ROLLBACK"_s, &ignored);
        return false;
    }
    return true;
}

bool Database::lockKeys(const QStringList &keys, QString *error)
{
    if (!isPostgres() || keys.isEmpty())
        return true;
    return exec(m_db, lockKeysStatement(keys), error);
}

QString Database::lockKeysStatement(const QStringList &keys)
{
    if (keys.isEmpty())
        return {};
    // 64-bit lock ids from SHA-256: the same in every process (qHash is seeded per process).
    // A collision only makes two unrelated keys wait for each other.
    QList<qint64> ids;
    ids.reserve(keys.size());
    for (const QString &key : keys)
        ids << qFromBigEndian<qint64>(crypto::sha256(key.toUtf8()).constData());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QStringList literals;
    literals.reserve(ids.size());
    for (qint64 id : std::as_const(ids))
        literals << QString::number(id);
    // The aggregate consumes the sorted subquery row by row, so the locks are taken in order.
    return u"SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(ARRAY[%1]::bigint[]) "
           "AS k ORDER BY 1) AS sorted"_s.arg(literals.join(u','));
}

qint64 Database::configRevision()
{
    // Polled every second by each engine: also how an idle gateway notices a lost connection.
    for (int attempt = 0; attempt < 2; ++attempt) {
        QSqlQuery q(m_db);
        if (q.exec(u"SELECT value FROM meta WHERE key = 'config_revision'"_s) && q.next())
            return q.value(0).toLongLong();
        QString ignored;
        const int before = m_generation;
        if (!recoverConnection(&ignored) || m_generation == before)
            break;
    }
    return -1;
}

bool Database::bumpConfigRevision(QString *error)
{
    // The row lock of this UPDATE also orders concurrent configuration changes on PostgreSQL.
    QSqlQuery q(m_db);
    if (!q.exec(u"UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) "
                "WHERE key = 'config_revision'"_s)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace gerbang
