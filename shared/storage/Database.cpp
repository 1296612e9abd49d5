// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QAtomicInteger<quint64> g_connectionCounter;

struct Migration
{
    int version;
    QString resource;
};

const QList<Migration> &sqliteMigrations()
{
    static const QList<Migration> list = {
        {1, u":/gerbang/migrations/sqlite/0001_initial.sql"_s},
        {2, u":/gerbang/migrations/sqlite/0002_sources.sql"_s},
        {3, u":/gerbang/migrations/sqlite/0003_allowlists.sql"_s},
        {4, u":/gerbang/migrations/sqlite/0004_outbox.sql"_s},
    };
    return list;
}

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

std::unique_ptr<Database> Database::open(const Options &options, QString *error)
{
    std::unique_ptr<Database> d(new Database(options));
    d->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, d->m_name);
    if (!d->m_db.isValid()) {
        *error = u"the Qt SQLite driver (libqt6sql6-sqlite) is not installed"_s;
        return nullptr;
    }
    d->m_db.setDatabaseName(options.sqlitePath);
    QString connectOptions = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeoutMs);
    if (options.readOnly)
        connectOptions += u";QSQLITE_OPEN_READONLY"_s;
    d->m_db.setConnectOptions(connectOptions);
    if (!d->m_db.open()) {
        *error = u"cannot open database %1: %2"_s.arg(options.sqlitePath, sqlError(d->m_db));
        return nullptr;
    }
    // WAL lets readers (console, gerbangctl) work while the engine writes; synchronous=FULL
    // makes every commit durable across power loss, which is what a 200 promises.
    const QStringList pragmas = {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                                 u"PRAGMA foreign_keys=ON"_s, u"PRAGMA secure_delete=ON"_s};
    for (const QString &p : pragmas) {
        if (options.readOnly && p.contains(u"journal_mode"_s))
            continue;
        if (!exec(d->m_db, p, error)) {
            *error = u"cannot configure database %1: %2"_s.arg(options.sqlitePath, *error);
            return nullptr;
        }
    }
    return d;
}

bool Database::migrate(QString *error)
{
    // The whole check-and-migrate runs in one write transaction, so two processes starting
    // together (gerbangd and gerbangctl) cannot both apply the same migration.
    if (!exec(m_db, u"BEGIN IMMEDIATE"_s, error)) {
        *error = u"cannot lock database %1 for migration: %2"_s.arg(m_options.sqlitePath, *error);
        return false;
    }
    auto fail = [this](QString *err, const QString &message) {
        QString ignored;
        exec(m_db, u"ROLLBACK"_s, &ignored);
        *err = message;
        return false;
    };
    int current = 0;
    {
        QSqlQuery q(m_db);
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
            return fail(error, u"cannot read schema version: %1"_s.arg(q.lastError().text()));
        current = q.value(0).toInt();
    }
    if (current > schemaVersionSupported()) {
        return fail(error,
                    u"database %1 has schema version %2, newer than this Gerbang supports (%3); "
                    "refusing to touch it. Install the newer Gerbang again or restore a backup."_s
                        .arg(m_options.sqlitePath)
                        .arg(current)
                        .arg(schemaVersionSupported()));
    }
    for (const Migration &m : sqliteMigrations()) {
        if (m.version <= current)
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
        if (!exec(m_db, u"PRAGMA user_version=%1"_s.arg(m.version), &why))
            return fail(error, why);
    }
    if (!exec(m_db, u"COMMIT"_s, error))
        return fail(error, *error);
    return true;
}

bool Database::inWriteTransaction(QString *error, const std::function<bool()> &body)
{
    if (!exec(m_db, u"BEGIN IMMEDIATE"_s, error))
        return false;
    QString ignored;
    if (!body()) {
        exec(m_db, u"ROLLBACK"_s, &ignored);
        return false;
    }
    if (!exec(m_db, u"COMMIT"_s, error)) {
        exec(m_db, u"ROLLBACK"_s, &ignored);
        return false;
    }
    return true;
}

qint64 Database::configRevision()
{
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT value FROM meta WHERE key = 'config_revision'"_s) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

bool Database::bumpConfigRevision(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(
            u"UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_revision'"_s)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace gerbang
