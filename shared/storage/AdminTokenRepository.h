// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Vocabulary.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace gerbang {

class Database;

// A token of the admin API, as stored: its SHA-256, never the token.
struct AdminToken
{
    QString name;
    AdminRole role = AdminRole::Viewer;
    QByteArray sha256; // raw 32 bytes
    qint64 createdAtMs = 0;
    QString createdBy;       // the operating-system user or token name that created it
    qint64 expiresAtMs = 0;  // 0: never
    qint64 lastUsedAtMs = 0; // 0: never; updated at most once a minute per gateway
    bool expiredAt(qint64 nowMs) const { return expiresAtMs > 0 && nowMs >= expiresAtMs; }
};

// Admin API tokens. A token is "gbt_" and 43 base64url characters (32 random bytes): shown
// once by create() and never again. Creating and revoking move the configuration revision, so
// every gateway of the database picks the change up within a second.
class AdminTokenRepository
{
public:
    explicit AdminTokenRepository(Database &db)
        : m_db(db)
    {
    }

    static bool validName(const QString &name);
    // The SHA-256 a presented token is looked up by.
    static QByteArray digestOf(QByteArrayView token);

    // The new token, or a null array with `error` (the name exists, is invalid, ...).
    QByteArray create(const QString &name, AdminRole role, qint64 expiresAtMs,
                      const QString &createdBy, AdminToken *created, QString *error);
    // False with `error` when there is no such token.
    bool revoke(const QString &name, QString *error);
    QList<AdminToken> all(QString *error) const;
    // Best effort: when each token was last used (no revision move: nothing to reload).
    bool touch(const QList<std::pair<QString, qint64>> &lastUsed, QString *error);

private:
    Database &m_db;
};

} // namespace gerbang
