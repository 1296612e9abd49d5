// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretRepository.h"

#include "Database.h"
#include "crypto/Vault.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QByteArray recordId(const QString &name, const QString &slot)
{
    return (u"secret:"_s + name + u'/' + slot).toUtf8();
}

} // namespace

bool SecretRepository::isValidName(const QString &name)
{
    static const QRegularExpression syntax(
        u"^[a-z][a-z0-9_.-]{0,62}(:[a-z0-9][a-z0-9_.-]{0,62})?$"_s);
    return syntax.match(name).hasMatch();
}

bool SecretRepository::write(const QString &name, const QString &slot, const QByteArray &value,
                             QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(u"INSERT OR REPLACE INTO secrets (name, slot, ciphertext, fingerprint, created_at) "
              "VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(name);
    q.addBindValue(slot);
    q.addBindValue(m_vault.seal(Vault::Purpose::Secret, value, recordId(name, slot)));
    q.addBindValue(QString::fromLatin1(m_vault.fingerprint(value)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool SecretRepository::set(const QString &name, const QByteArray &value, QString *error)
{
    if (!isValidName(name)) {
        *error = u"invalid secret name '%1'"_s.arg(name);
        return false;
    }
    if (value.isEmpty()) {
        *error = u"the secret is empty"_s;
        return false;
    }
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery del(m_db.db());
        del.prepare(u"DELETE FROM secrets WHERE name = ?"_s);
        del.addBindValue(name);
        if (!del.exec()) {
            *error = del.lastError().text();
            return false;
        }
        return write(name, u"current"_s, value, error) && m_db.bumpConfigRevision(error);
    });
}

bool SecretRepository::rotate(const QString &name, const QByteArray &value, QString *error)
{
    const QList<QByteArray> existing = values(name, error);
    if (existing.isEmpty()) {
        *error = u"secret '%1' is not set; use 'secret set' first"_s.arg(name);
        return false;
    }
    if (value.isEmpty()) {
        *error = u"the secret is empty"_s;
        return false;
    }
    return m_db.inWriteTransaction(error, [&] {
        return write(name, u"previous"_s, existing.first(), error) &&
               write(name, u"current"_s, value, error) && m_db.bumpConfigRevision(error);
    });
}

bool SecretRepository::remove(const QString &name, QString *error)
{
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery del(m_db.db());
        del.prepare(u"DELETE FROM secrets WHERE name = ?"_s);
        del.addBindValue(name);
        if (!del.exec()) {
            *error = del.lastError().text();
            return false;
        }
        if (del.numRowsAffected() == 0) {
            *error = u"no secret '%1'"_s.arg(name);
            return false;
        }
        return m_db.bumpConfigRevision(error);
    });
}

QList<SecretInfo> SecretRepository::list(QString *error) const
{
    QList<SecretInfo> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT name, slot, fingerprint, created_at FROM secrets ORDER BY name, slot"_s)) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << SecretInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toLongLong()};
    return out;
}

QList<QByteArray> SecretRepository::values(const QString &name, QString *error) const
{
    QList<QByteArray> out;
    QSqlQuery q(m_db.db());
    // 'current' sorts before 'previous'.
    q.prepare(u"SELECT slot, ciphertext FROM secrets WHERE name = ? ORDER BY slot"_s);
    q.addBindValue(name);
    if (!q.exec()) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        bool ok = false;
        const QByteArray plain = m_vault.open(Vault::Purpose::Secret, q.value(1).toByteArray(),
                                              recordId(name, q.value(0).toString()), &ok);
        if (!ok) {
            *error = u"secret '%1' cannot be decrypted with this master key"_s.arg(name);
            return {};
        }
        out << plain;
    }
    return out;
}

} // namespace gerbang
