// SPDX-License-Identifier: GPL-3.0-or-later
#include "Directory.h"

#include "storage/Database.h"
#include "storage/SecretRepository.h"
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

std::shared_ptr<const Directory> Directory::load(Database &db, const Vault &vault,
                                                 const Overrides &overrides, QString *error)
{
    auto d = std::make_shared<Directory>();
    d->revision = db.configRevision();
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
            continue;
        }
        const QList<QByteArray> values = secrets.values(info.name, &err);
        if (!err.isEmpty()) {
            *error = err;
            return nullptr;
        }
        WhatsAppApp &a = d->whatsappApps[app];
        if (isToken)
            a.verifyToken = values.value(0);
        else
            a.appSecrets = values;
    }
    if (!err.isEmpty()) {
        *error = err;
        return nullptr;
    }
    if (!overrides.appSecret.isEmpty()) {
        WhatsAppApp &a = d->whatsappApps[QString()];
        a.appSecrets = {overrides.appSecret};
        if (!overrides.previousAppSecret.isEmpty())
            a.appSecrets << overrides.previousAppSecret;
    }
    if (!overrides.verifyToken.isEmpty())
        d->whatsappApps[QString()].verifyToken = overrides.verifyToken;
    return d;
}

} // namespace gerbang
