// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseTarget.h"

#include "Database.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// libpq parameters that pass through to the driver as connect options. Anything else is
// refused, so that a typo (sslmod=require) does not silently weaken the connection.
const QStringList &passThroughParameters()
{
    static const QStringList list = {u"sslmode"_s,
                                     u"sslrootcert"_s,
                                     u"sslcert"_s,
                                     u"sslkey"_s,
                                     u"sslcrl"_s,
                                     u"sslcompression"_s,
                                     u"gssencmode"_s,
                                     u"channel_binding"_s,
                                     u"connect_timeout"_s,
                                     u"application_name"_s,
                                     u"target_session_attrs"_s,
                                     u"keepalives"_s,
                                     u"keepalives_idle"_s,
                                     u"keepalives_interval"_s,
                                     u"keepalives_count"_s,
                                     u"tcp_user_timeout"_s,
                                     u"options"_s};
    return list;
}

// libpq conninfo quoting: single quotes, backslash escapes.
QString quoted(QString value)
{
    value.replace(u'\\', u"\\\\"_s);
    value.replace(u'\'', u"\\'"_s);
    return u'\'' + value + u'\'';
}

bool parsePort(const QString &text, int *port)
{
    bool ok = false;
    const int p = text.toInt(&ok);
    if (!ok || p < 1 || p > 65535)
        return false;
    *port = p;
    return true;
}

} // namespace

DatabaseTarget DatabaseTarget::sqlite(const QString &path)
{
    DatabaseTarget t;
    t.kind = Kind::Sqlite;
    t.sqlitePath = path;
    return t;
}

std::optional<DatabaseTarget> DatabaseTarget::fromUrl(const QString &text, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    // QUrl's own error strings quote the input, password included: never pass them on.
    if (!url.isValid() || url.scheme().isEmpty()) {
        *error = u"the database URL is not a valid URL (expected "
                 "postgresql://user:password@host:port/dbname)"_s;
        return std::nullopt;
    }
    if (url.scheme() != u"postgresql"_s && url.scheme() != u"postgres"_s) {
        *error = u"the database URL must start with postgresql:// or postgres:// (got %1://)"_s.arg(
            url.scheme());
        return std::nullopt;
    }
    DatabaseTarget t;
    t.kind = Kind::Postgres;
    t.user = url.userName(QUrl::FullyDecoded);
    t.password = url.password(QUrl::FullyDecoded);
    t.host = url.host(QUrl::FullyDecoded);
    t.port = url.port(5432);
    const QString path = url.path(QUrl::FullyDecoded);
    t.databaseName = path.startsWith(u'/') ? path.mid(1) : path;
    if (t.databaseName.contains(u'/')) {
        *error = u"the database URL's path must be one database name"_s;
        return std::nullopt;
    }
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"host"_s) {
            t.host = value;
        } else if (key == u"port"_s) {
            if (!parsePort(value, &t.port)) {
                *error = u"the database URL's port must be a number from 1 to 65535"_s;
                return std::nullopt;
            }
        } else if (key == u"user"_s) {
            t.user = value;
        } else if (key == u"password"_s) {
            t.password = value;
        } else if (key == u"dbname"_s) {
            t.databaseName = value;
        } else if (passThroughParameters().contains(key)) {
            // The driver turns every ';' of its options into a separator.
            if (value.contains(u';')) {
                *error = u"the database URL parameter %1 must not contain ';'"_s.arg(key);
                return std::nullopt;
            }
            options << key + u'=' + quoted(value);
        } else {
            *error = u"the database URL has an unknown parameter '%1' (known: host, port, user, "
                     "password, dbname, %2)"_s.arg(key, passThroughParameters().join(u", "_s));
            return std::nullopt;
        }
    }
    // libpq waits forever for an unreachable server by default; a gateway must not.
    if (!query.hasQueryItem(u"connect_timeout"_s))
        options << u"connect_timeout=10"_s;
    // Sessions named after the program (gerbang, gerbangctl) in pg_stat_activity.
    if (!query.hasQueryItem(u"application_name"_s)) {
        const QString name = QCoreApplication::applicationName();
        options << u"application_name="_s + quoted(name.isEmpty() ? u"gerbang"_s : name);
    }
    t.connectOptions = options.join(u';');
    // libpq's default: the database named like the user.
    if (t.databaseName.isEmpty())
        t.databaseName = t.user;
    return t;
}

std::optional<DatabaseTarget> DatabaseTarget::resolve(const QString &url, const QString &dataDir,
                                                      QString *error)
{
    if (url.trimmed().isEmpty())
        return sqlite(Database::sqlitePathIn(dataDir));
    return fromUrl(url, error);
}

QString DatabaseTarget::describe() const
{
    if (!isPostgres())
        return sqlitePath;
    const bool socket = host.startsWith(u'/');
    QString out = u"postgresql://"_s;
    if (!user.isEmpty())
        out += QString::fromUtf8(QUrl::toPercentEncoding(user)) + u'@';
    if (!socket)
        out += (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
    out += u'/' + QString::fromUtf8(QUrl::toPercentEncoding(databaseName));
    if (socket)
        out += u"?host="_s + host + u"&port="_s + QString::number(port);
    return out;
}

QString DatabaseTarget::redact(const QString &text) const
{
    if (password.isEmpty())
        return text;
    QString out = text;
    out.replace(password, u"***"_s);
    out.replace(QString::fromUtf8(QUrl::toPercentEncoding(password)), u"***"_s);
    return out;
}

} // namespace gerbang
