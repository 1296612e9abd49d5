// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretRepository.h"

#include "Database.h"
#include "crypto/Crypto.h"
#include "crypto/Vault.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {

QByteArray SecretRepository::recordId(const QString &name, const QString &slot)
{
    return (u"secret:"_s + name + u'/' + slot).toUtf8();
}

bool SecretRepository::isValidName(const QString &name)
{
    static const QRegularExpression syntax(
        u"^[a-z][a-z0-9_.-]{0,62}(:[a-z0-9][a-z0-9_.-]{0,62})?$"_s);
    return syntax.match(name).hasMatch();
}

bool SecretRepository::write(const QString &name, const QString &slot, const QByteArray &value,
                             qint64 retireAtMs, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(u"INSERT INTO secrets (name, slot, ciphertext, fingerprint, created_at, retire_at) "
              "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name, slot) DO UPDATE SET "
              "ciphertext = excluded.ciphertext, fingerprint = excluded.fingerprint, "
              "created_at = excluded.created_at, retire_at = excluded.retire_at"_s);
    q.addBindValue(name);
    q.addBindValue(slot);
    q.addBindValue(m_vault.seal(Vault::Purpose::Secret, value, recordId(name, slot)));
    q.addBindValue(QString::fromLatin1(m_vault.fingerprint(value)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(retireAtMs > 0 ? QVariant(retireAtMs) : QVariant());
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
        return deleteSlots(name, false, error) >= 0 && write(name, u"current"_s, value, 0, error) &&
               m_db.bumpConfigRevision(error);
    });
}

QByteArray SecretRepository::ensureGenerated(const QString &name, int bytes, QString *error)
{
    if (const QList<QByteArray> existing = values(name, error); !existing.isEmpty())
        return existing.first();
    if (!error->isEmpty())
        return {};
    if (!isValidName(name)) {
        *error = u"invalid secret name '%1'"_s.arg(name);
        return {};
    }
    const QByteArray value = crypto::randomBytes(bytes);
    const QString slot = u"current"_s;
    QSqlQuery q(m_db.db());
    q.prepare(u"INSERT INTO secrets (name, slot, ciphertext, fingerprint, created_at) "
              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name, slot) DO NOTHING"_s);
    q.addBindValue(name);
    q.addBindValue(slot);
    q.addBindValue(m_vault.seal(Vault::Purpose::Secret, value, recordId(name, slot)));
    q.addBindValue(QString::fromLatin1(m_vault.fingerprint(value)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    const QList<QByteArray> stored = values(name, error);
    return stored.isEmpty() ? QByteArray() : stored.first();
}

bool SecretRepository::rotate(const QString &name, const QByteArray &value, qint64 retireAtMs,
                              QString *error)
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
        return write(name, u"previous"_s, existing.first(), retireAtMs, error) &&
               write(name, u"current"_s, value, 0, error) && m_db.bumpConfigRevision(error);
    });
}

bool SecretRepository::remove(const QString &name, QString *error)
{
    return m_db.inWriteTransaction(error, [&] {
        const int removed = deleteSlots(name, false, error);
        if (removed == 0)
            *error = u"no secret '%1'"_s.arg(name);
        return removed > 0 && m_db.bumpConfigRevision(error);
    });
}

int SecretRepository::deleteSlots(const QString &name, bool previousOnly, QString *error)
{
    QSqlQuery del(m_db.db());
    del.prepare(previousOnly ? u"DELETE FROM secrets WHERE name = ? AND slot = 'previous'"_s
                             : u"DELETE FROM secrets WHERE name = ?"_s);
    del.addBindValue(name);
    if (!del.exec()) {
        *error = del.lastError().text();
        return -1;
    }
    return del.numRowsAffected();
}

QList<SecretInfo> SecretRepository::list(QString *error) const
{
    QList<SecretInfo> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT name, slot, fingerprint, created_at, retire_at FROM secrets "
                "ORDER BY name, slot"_s)) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << SecretInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toLongLong(), q.value(4).toLongLong()};
    return out;
}

QList<SecretValue> SecretRepository::entries(const QString &name, QString *error) const
{
    QList<SecretValue> out;
    QSqlQuery q(m_db.db());
    // 'current' sorts before 'previous'.
    q.prepare(u"SELECT slot, ciphertext, retire_at FROM secrets WHERE name = ? ORDER BY slot"_s);
    q.addBindValue(name);
    if (!q.exec()) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        bool ok = false;
        const QString slot = q.value(0).toString();
        const QByteArray plain = m_vault.open(Vault::Purpose::Secret, q.value(1).toByteArray(),
                                              recordId(name, slot), &ok);
        if (!ok) {
            *error = u"secret '%1' cannot be decrypted with this master key"_s.arg(name);
            return {};
        }
        out << SecretValue{plain, slot == u"previous"_s, q.value(2).toLongLong()};
    }
    return out;
}

QList<QByteArray> SecretRepository::values(const QString &name, QString *error) const
{
    QList<QByteArray> out;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const SecretValue &v : entries(name, error)) {
        if (v.acceptedAt(now))
            out << v.value;
    }
    return out;
}

bool SecretRepository::retire(const QString &name, QString *error)
{
    return m_db.inWriteTransaction(error, [&] {
        const int removed = deleteSlots(name, true, error);
        if (removed == 0)
            *error = u"secret '%1' has no previous value to retire"_s.arg(name);
        return removed > 0 && m_db.bumpConfigRevision(error);
    });
}

} // namespace gerbang
