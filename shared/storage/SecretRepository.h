// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace gerbang {

class Database;
class Vault;

struct SecretInfo
{
    QString name;
    QString slot; // current | previous
    QString fingerprint;
    qint64 createdAtMs = 0;
    qint64 retireAtMs = 0; // previous only: when it stops being accepted (0: until retired)
};

// A decrypted value with what the request path needs to know about it.
struct SecretValue
{
    QByteArray value;
    bool previous = false;
    qint64 retireAtMs = 0;
    bool acceptedAt(qint64 nowMs) const
    {
        return !previous || retireAtMs == 0 || nowMs < retireAtMs;
    }
};

// Named secrets (e.g. `whatsapp`, `whatsapp:{app}`, `whatsapp-verify-token`), sealed with the
// master key. Values leave this class only decrypted in memory; listings show fingerprints.
class SecretRepository
{
public:
    SecretRepository(Database &db, const Vault &vault)
        : m_db(db)
        , m_vault(vault)
    {
    }

    static bool isValidName(const QString &name);
    // The AAD that binds a sealed secret to its row.
    static QByteArray recordId(const QString &name, const QString &slot);

    // Replaces the current value and forgets any previous one.
    bool set(const QString &name, const QByteArray &value, QString *error);
    // Keeps the current value as `previous` (still accepted until `retireAtMs`, or until
    // retire() when 0) and installs a new current one.
    bool rotate(const QString &name, const QByteArray &value, qint64 retireAtMs, QString *error);
    // Stops accepting the previous value now.
    bool retire(const QString &name, QString *error);
    bool remove(const QString &name, QString *error);
    QList<SecretInfo> list(QString *error) const;
    // Current first, then previous; empty when none is set. Includes a previous value whose
    // retirement time has passed: callers filter with SecretValue::acceptedAt.
    QList<SecretValue> entries(const QString &name, QString *error) const;
    // The values accepted now, current first.
    QList<QByteArray> values(const QString &name, QString *error) const;
    // The current value of a key Gerbang generates itself (e.g. a tenant's sender-hash key):
    // created with `bytes` random bytes when absent. Insert-if-absent, so gateways sharing a
    // database that race here all end up with the one value that won.
    QByteArray ensureGenerated(const QString &name, int bytes, QString *error);

private:
    // Deletes both slots, or only the previous one; the number of rows, or -1 on error.
    int deleteSlots(const QString &name, bool previousOnly, QString *error);
    bool write(const QString &name, const QString &slot, const QByteArray &value, qint64 retireAtMs,
               QString *error);
    Database &m_db;
    const Vault &m_vault;
};

} // namespace gerbang
