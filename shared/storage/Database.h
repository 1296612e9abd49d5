// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>

namespace gerbang {

// One named QtSql connection, owned by exactly one thread. The name is unique per instance,
// and the connection is removed when the object goes away. Never share across threads:
// each thread opens its own.
class Database
{
public:
    struct Options
    {
        QString sqlitePath;
        int busyTimeoutMs = 2000;
        bool readOnly = false;
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static std::unique_ptr<Database> open(const Options &options, QString *error);
    static QString sqlitePathIn(const QString &dataDir);

    // Creates the schema or brings it to the current version. Refuses a database written
    // by a newer Gerbang, so that an older binary never corrupts it.
    bool migrate(QString *error);
    static int schemaVersionSupported();

    QSqlDatabase &db() { return m_db; }
    QString connectionName() const { return m_name; }
    QString path() const { return m_options.sqlitePath; }

    // Runs `body` inside one write transaction (BEGIN IMMEDIATE … COMMIT); rolls back when
    // `body` returns false or the commit fails.
    bool inWriteTransaction(QString *error, const std::function<bool()> &body);

    // Bumped by every change of tenants, routes or secrets; the engine polls it.
    qint64 configRevision();
    bool bumpConfigRevision(QString *error);

private:
    explicit Database(Options options);
    Options m_options;
    QString m_name;
    QSqlDatabase m_db;
};

QString sqlError(const QSqlDatabase &db);

} // namespace gerbang
