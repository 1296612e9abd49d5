// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminTokenRepository.h"

#include "Database.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {

bool AdminTokenRepository::validName(const QString &name)
{
    static const QRegularExpression re(u"^[a-z0-9][a-z0-9._-]{0,62}$"_s);
    return re.match(name).hasMatch();
}

QByteArray AdminTokenRepository::digestOf(QByteArrayView token)
{
    return crypto::sha256(token);
}

QByteArray AdminTokenRepository::create(const QString &name, AdminRole role, qint64 expiresAtMs,
                                        const QString &createdBy, AdminToken *created,
                                        QString *error)
{
    if (!validName(name)) {
        *error = u"invalid token name '%1': 1 to 63 of a-z, 0-9, '.', '_', '-', starting with a "
                 "letter or digit"_s.arg(name);
        return {};
    }
    QByteArray secret = crypto::randomBytes(32);
    const QByteArray token =
        "gbt_" + secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    crypto::cleanse(&secret);
    AdminToken t;
    t.name = name;
    t.role = role;
    t.sha256 = digestOf(token);
    t.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    t.createdBy = createdBy;
    t.expiresAtMs = expiresAtMs;
    const bool ok = m_db.inWriteTransaction(error, [&] {
        QSqlQuery exists(m_db.db());
        exists.prepare(u"SELECT 1 FROM admin_tokens WHERE name = ?"_s);
        exists.addBindValue(name);
        if (!exists.exec()) {
            *error = exists.lastError().text();
            return false;
        }
        if (exists.next()) {
            *error = u"a token named '%1' exists already (revoke it first)"_s.arg(name);
            return false;
        }
        QSqlQuery q(m_db.db());
        q.prepare(u"INSERT INTO admin_tokens (name, role, token_sha256, created_at, created_by, "
                  "expires_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
        q.addBindValue(t.name);
        q.addBindValue(wire(t.role));
        q.addBindValue(QString::fromLatin1(t.sha256.toHex()));
        q.addBindValue(t.createdAtMs);
        q.addBindValue(t.createdBy);
        q.addBindValue(t.expiresAtMs > 0 ? QVariant(t.expiresAtMs) : QVariant());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        return m_db.bumpConfigRevision(error);
    });
    if (!ok)
        return {};
    if (created)
        *created = t;
    return token;
}

bool AdminTokenRepository::revoke(const QString &name, QString *error)
{
    bool found = false;
    const bool ok = m_db.inWriteTransaction(error, [&] {
        QSqlQuery q(m_db.db());
        q.prepare(u"DELETE FROM admin_tokens WHERE name = ?"_s);
        q.addBindValue(name);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        found = q.numRowsAffected() > 0;
        if (!found) {
            *error = u"no token named '%1'"_s.arg(name);
            return false;
        }
        return m_db.bumpConfigRevision(error);
    });
    return ok && found;
}

QList<AdminToken> AdminTokenRepository::all(QString *error) const
{
    QList<AdminToken> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT name, role, token_sha256, created_at, created_by, expires_at, "
                "last_used_at FROM admin_tokens ORDER BY name"_s)) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        AdminToken t;
        t.name = q.value(0).toString();
        const std::optional<AdminRole> role = fromWire<AdminRole>(q.value(1).toString());
        if (!role)
            continue; // the CHECK constraint keeps this from happening
        t.role = *role;
        QByteArray digest;
        if (!crypto::decodeHex(q.value(2).toString().toLatin1(), &digest) || digest.size() != 32)
            continue;
        t.sha256 = digest;
        t.createdAtMs = q.value(3).toLongLong();
        t.createdBy = q.value(4).toString();
        t.expiresAtMs = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
        t.lastUsedAtMs = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
        out << t;
    }
    return out;
}

bool AdminTokenRepository::touch(const QList<std::pair<QString, qint64>> &lastUsed, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(u"UPDATE admin_tokens SET last_used_at = ? WHERE name = ? AND "
              "(last_used_at IS NULL OR last_used_at < ?)"_s);
    for (const auto &[name, atMs] : lastUsed) {
        q.bindValue(0, atMs);
        q.bindValue(1, name);
        q.bindValue(2, atMs);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace gerbang
