// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace gerbang {

// Where the database lives: the SQLite file in the data directory, or a PostgreSQL server
// named by a libpq-style URL (GERBANG_DATABASE_URL). Holds the password in memory only:
// describe() is what may appear in logs and error messages.
struct DatabaseTarget
{
    enum class Kind
    {
        Sqlite,
        Postgres
    };
    Kind kind = Kind::Sqlite;
    QString sqlitePath;

    // PostgreSQL. `host` is a name, an address or (starting with '/') a unix socket directory;
    // empty means libpq's default socket.
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    QString connectOptions; // QPSQL connect options: "sslmode=require;connect_timeout=10"

    // Who writes through this connection: the audit chain its audit rows join (the gateway
    // id of the data directory, audit/AuditChain.h). Empty: auditchain::kUnnamedChain.
    QString auditChain;

    static DatabaseTarget sqlite(const QString &path);
    // postgresql://[user[:password]@][host][:port][/dbname][?param=value&…] (also postgres://),
    // percent-encoded as libpq expects; `host=/socket/dir` in the query names a socket
    // directory. Errors never repeat the URL (it may hold a password).
    static std::optional<DatabaseTarget> fromUrl(const QString &url, QString *error);
    // The URL when one is given, else the SQLite file in `dataDir`.
    static std::optional<DatabaseTarget> resolve(const QString &url, const QString &dataDir,
                                                 QString *error);

    bool isPostgres() const { return kind == Kind::Postgres; }
    // The file path, or the URL without its password.
    QString describe() const;
    // `text` with every occurrence of the password replaced, for driver messages.
    QString redact(const QString &text) const;
};

} // namespace gerbang
