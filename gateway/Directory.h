// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <memory>

namespace gerbang {

class Database;
class Vault;

struct WhatsAppApp
{
    QList<QByteArray> appSecrets; // current first, then the previous one during a rotation
    QByteArray verifyToken;
};

// An immutable snapshot of the routing table and the secrets the request path needs. The
// store thread builds a new one whenever the configuration revision moves; the HTTP thread
// swaps it in. Nothing here is ever mutated after construction.
class Directory
{
public:
    qint64 revision = -1;
    QHash<QString, QString> tenantByWaba;
    QHash<QString, QString> tenantByPhoneNumberId;
    QSet<QString> enabledTenants;
    QHash<QString, WhatsAppApp> whatsappApps; // "" is the default app

    // WABA ID first, then phone number ID; disabled tenants count as unknown.
    QString resolve(const QString &wabaId, const QString &phoneNumberId, QString *routingKey) const;

    // Values configured in the INI file or the environment for the default Meta app. They take
    // precedence over secrets stored in the database.
    struct Overrides
    {
        QByteArray appSecret;
        QByteArray previousAppSecret;
        QByteArray verifyToken;
    };
    static std::shared_ptr<const Directory> load(Database &db, const Vault &vault,
                                                 const Overrides &overrides, QString *error);
};

} // namespace gerbang
