// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Source.h"
#include "net/CidrList.h"
#include "storage/AdminTokenRepository.h"
#include "storage/SecretRepository.h"

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
    QList<SecretValue> appSecrets; // current first, then the previous one during a rotation
    QByteArray verifyToken;
};

struct SourceEntry
{
    Source source;
    QList<SecretValue> secrets; // current first, then the previous one during a rotation
};

// The secrets a request may be verified with now (a previous one only until it retires), and
// for each whether it is the previous one, so the audit row can say which matched.
struct AcceptedSecrets
{
    QList<QByteArray> values;
    QList<bool> previous;
    static AcceptedSecrets at(const QList<SecretValue> &secrets, qint64 nowMs);
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
    QHash<QString, SourceEntry> sources;      // by name
    QHash<QString, QString> sourceByTenant; // "provider/tenant" → name (stripe, midtrans, xendit)
    CidrList globalAllowlist;               // from the database; the engine adds the configured one
    QHash<QString, CidrList> sourceAllowlists; // by source name
    // Tokens of the admin API (digests only): revoked ones are gone from the next snapshot.
    QList<AdminToken> adminTokens;

    // The source behind /webhooks/{provider}/{key}: key is the tenant for Stripe, Midtrans and
    // Xendit, the source name for generic and standard. Null when there is none.
    const SourceEntry *findSource(const QString &provider, const QString &key) const;

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
