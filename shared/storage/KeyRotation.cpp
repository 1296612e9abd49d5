// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyRotation.h"

#include "Database.h"
#include "SecretRepository.h"
#include "crypto/Vault.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {

bool reencryptAll(Database &db, const Vault &current, const QByteArray &newMasterKey,
                  KeyRotationResult *result, QString *error)
{
    const Vault next(newMasterKey);
    *result = {};
    return db.inWriteTransaction(error, [&] {
        QSqlQuery secrets(db.db());
        if (!secrets.exec(u"SELECT name, slot, ciphertext FROM secrets"_s)) {
            *error = secrets.lastError().text();
            return false;
        }
        QSqlQuery update(db.db());
        update.prepare(
            u"UPDATE secrets SET ciphertext = ?, fingerprint = ? WHERE name = ? AND slot = ?"_s);
        while (secrets.next()) {
            const QString name = secrets.value(0).toString();
            const QString slot = secrets.value(1).toString();
            const QByteArray recordId = SecretRepository::recordId(name, slot);
            bool ok = false;
            QByteArray plain =
                current.open(Vault::Purpose::Secret, secrets.value(2).toByteArray(), recordId, &ok);
            if (!ok) {
                *error =
                    u"secret '%1' (%2) cannot be decrypted with the current key"_s.arg(name, slot);
                return false;
            }
            update.bindValue(0, next.seal(Vault::Purpose::Secret, plain, recordId));
            update.bindValue(1, QString::fromLatin1(next.fingerprint(plain)));
            update.bindValue(2, name);
            update.bindValue(3, slot);
            plain.fill('\0');
            if (!update.exec()) {
                *error = update.lastError().text();
                return false;
            }
            result->secrets += 1;
        }

        QSqlQuery raws(db.db());
        raws.setForwardOnly(true);
        if (!raws.exec(u"SELECT id, ciphertext FROM raw_payloads"_s)) {
            *error = raws.lastError().text();
            return false;
        }
        QSqlQuery updateRaw(db.db());
        updateRaw.prepare(u"UPDATE raw_payloads SET ciphertext = ?, key_id = ? WHERE id = ?"_s);
        const QString keyId = QString::fromLatin1(next.keyId().toHex());
        while (raws.next()) {
            const QString id = raws.value(0).toString();
            bool ok = false;
            const QByteArray plain = current.open(Vault::Purpose::RawPayload,
                                                  raws.value(1).toByteArray(), id.toLatin1(), &ok);
            if (!ok) {
                *error = u"raw payload %1 cannot be decrypted with the current key"_s.arg(id);
                return false;
            }
            updateRaw.bindValue(0, next.seal(Vault::Purpose::RawPayload, plain, id.toLatin1()));
            updateRaw.bindValue(1, keyId);
            updateRaw.bindValue(2, id);
            if (!updateRaw.exec()) {
                *error = updateRaw.lastError().text();
                return false;
            }
            result->payloads += 1;
        }
        return true;
    });
}

int engineConnectionsElsewhere(Database &db, QString *error)
{
    if (!db.isPostgres())
        return 0;
    // Engines name their sessions "gerbang" (DatabaseTarget: the application name).
    QSqlQuery q(db.db());
    if (!q.exec(u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name = 'gerbang' AND pid <> pg_backend_pid()"_s) ||
        !q.next()) {
        *error = q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}

} // namespace gerbang
