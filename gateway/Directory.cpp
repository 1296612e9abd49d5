// SPDX-License-Identifier: GPL-3.0-or-later
#include "Directory.h"

#include "storage/AdminTokenRepository.h"
#include "storage/AllowlistRepository.h"
#include "storage/Database.h"
#include "storage/SecretRepository.h"
#include "storage/SourceRepository.h"
#include "storage/TenantRepository.h"

using namespace Qt::StringLiterals;

namespace gerbang {

QString Directory::resolve(const QString &wabaId, const QString &phoneNumberId,
                           QString *routingKey) const
{
    QString tenant = tenantByWaba.value(wabaId);
    if (!tenant.isEmpty() && enabledTenants.contains(tenant)) {
        *routingKey = u"waba:"_s + wabaId;
        return tenant;
    }
    tenant = tenantByPhoneNumberId.value(phoneNumberId);
    if (!tenant.isEmpty() && enabledTenants.contains(tenant)) {
        *routingKey = u"phone_number_id:"_s + phoneNumberId;
        return tenant;
    }
    return {};
}

AcceptedSecrets AcceptedSecrets::at(const QList<SecretValue> &secrets, qint64 nowMs)
{
    AcceptedSecrets a;
    for (const SecretValue &v : secrets) {
        if (v.acceptedAt(nowMs)) {
            a.values << v.value;
            a.previous << v.previous;
        }
    }
    return a;
}

const SourceEntry *Directory::findSource(const QString &provider, const QString &key) const
{
    QString name = key;
    if (Source::routedByTenant(provider))
        name = sourceByTenant.value(provider + u'/' + key);
    const auto it = sources.constFind(name);
    if (it == sources.constEnd() || it->source.provider != provider || !it->source.enabled)
        return nullptr;
    if (!it->source.tenant.isEmpty() && !enabledTenants.contains(it->source.tenant))
        return nullptr;
    return &*it;
}

std::shared_ptr<const Directory> Directory::load(Database &db, const Vault &vault,
                                                 const Overrides &overrides, QString *error)
{
    auto d = std::make_shared<Directory>();
    d->revision = db.configRevision();
    // A database that cannot be read must not yield an empty directory: every webhook would
    // be answered 200 unknown_tenant and never stored.
    if (d->revision < 0) {
        *error = u"cannot read the configuration revision from %1"_s.arg(db.describe());
        return nullptr;
    }
    TenantRepository tenants(db);
    QString err;
    const QList<Tenant> list = tenants.list(&err);
    if (!err.isEmpty()) {
        *error = err;
        return nullptr;
    }
    for (const Tenant &t : list) {
        if (t.enabled)
            d->enabledTenants.insert(t.id);
        for (const QString &w : t.wabaIds)
            d->tenantByWaba.insert(w, t.id);
        for (const QString &p : t.phoneNumberIds)
            d->tenantByPhoneNumberId.insert(p, t.id);
    }

    SecretRepository secrets(db, vault);
    for (const SecretInfo &info : secrets.list(&err)) {
        if (info.slot != u"current"_s)
            continue;
        QString app;
        bool isToken = false;
        if (info.name == u"whatsapp"_s) {
        } else if (info.name.startsWith(u"whatsapp:"_s)) {
            app = info.name.mid(9);
        } else if (info.name == u"whatsapp-verify-token"_s) {
            isToken = true;
        } else if (info.name.startsWith(u"whatsapp-verify-token:"_s)) {
            app = info.name.mid(22);
            isToken = true;
        } else {
            continue; // a source's secret: loaded with its source below
        }
        const QList<SecretValue> values = secrets.entries(info.name, &err);
        if (!err.isEmpty()) {
            *error = err;
            return nullptr;
        }
        WhatsAppApp &a = d->whatsappApps[app];
        if (isToken)
            a.verifyToken = values.value(0).value;
        else
            a.appSecrets = values;
    }
    if (!err.isEmpty()) {
        *error = err;
        return nullptr;
    }
    for (const Source &source : SourceRepository(db).list(&err)) {
        SourceEntry entry{source, secrets.entries(source.name, &err)};
        if (!err.isEmpty()) {
            *error = err;
            return nullptr;
        }
        if (Source::routedByTenant(source.provider))
            d->sourceByTenant.insert(source.provider + u'/' + source.tenant, source.name);
        d->sources.insert(source.name, entry);
    }
    if (!err.isEmpty()) {
        *error = err;
        return nullptr;
    }
    const QHash<QString, QStringList> allowlists = AllowlistRepository(db).all(&err);
    if (!err.isEmpty()) {
        *error = err;
        return nullptr;
    }
    for (auto it = allowlists.cbegin(); it != allowlists.cend(); ++it) {
        QStringList problems; // entries were validated when written; a bad one is skipped
        const CidrList networks = CidrList::parse(it.value().join(u'\n'), &problems);
        if (it.key() == AllowlistRepository::kGlobal)
            d->globalAllowlist = networks;
        else
            d->sourceAllowlists.insert(it.key(), networks);
    }
    d->adminTokens = AdminTokenRepository(db).all(&err);
    if (!err.isEmpty()) {
        *error = err;
        return nullptr;
    }
    if (!overrides.appSecret.isEmpty()) {
        WhatsAppApp &a = d->whatsappApps[QString()];
        a.appSecrets = {SecretValue{overrides.appSecret, false, 0}};
        if (!overrides.previousAppSecret.isEmpty())
            a.appSecrets << SecretValue{overrides.previousAppSecret, true, 0};
    }
    if (!overrides.verifyToken.isEmpty())
        d->whatsappApps[QString()].verifyToken = overrides.verifyToken;
    return d;
}

} // namespace gerbang
