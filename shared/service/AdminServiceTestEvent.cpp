// SPDX-License-Identifier: GPL-3.0-or-later
// AdminService::prepareTestEvent (issue 19: prove a source works end to end).
#include "AdminService.h"
#include "crypto/Crypto.h"
#include "domain/TestEvent.h"
#include "sourcetest/SourceTestReport.h"
#include "storage/Database.h"
#include "storage/SecretRepository.h"
#include "storage/SourceRepository.h"
#include "storage/TenantRepository.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

using Refusal = ChangeResult::Refusal;

// The secret a gateway verifies `name`'s requests with first: the current one.
QByteArray currentSecret(const QList<SecretValue> &values)
{
    for (const SecretValue &v : values) {
        if (!v.previous)
            return v.value;
    }
    return {};
}

// A WhatsApp test goes to the WABA of `wanted` (any tenant, enabled or not: testing a
// disabled one must show it), else of the first enabled tenant that has one.
std::optional<Tenant> whatsAppTenant(const QList<Tenant> &tenants, const QString &wanted)
{
    for (const Tenant &t : tenants) {
        const bool routed = !t.wabaIds.isEmpty() || !t.phoneNumberIds.isEmpty();
        if (wanted.isEmpty() ? (t.enabled && routed) : t.id == wanted)
            return t;
    }
    return std::nullopt;
}

} // namespace

ChangeResult AdminService::prepareTestEvent(const QString &name, const TestEventOptions &options,
                                            SignedRequest *request)
{
    if (!m_vault)
        return ChangeResult::refused(Refusal::StoreFailed, u"the master key is not loaded"_s);
    QString error;
    TestEventPlan plan;
    plan.testId = testevent::newId();
    plan.source = name;
    plan.sinkConfigured = options.sinkConfigured;
    SampleTarget target;
    QByteArray secret;
    SecretRepository secrets(m_db, *m_vault);
    const bool whatsApp = name == u"whatsapp"_s || name.startsWith(u"whatsapp:"_s);
    if (whatsApp) {
        const QString app = name.mid(9);
        const QList<Tenant> tenants = TenantRepository(m_db).list(&error);
        if (!error.isEmpty())
            return ChangeResult::refused(Refusal::StoreFailed, error);
        const std::optional<Tenant> tenant = whatsAppTenant(tenants, options.tenant);
        if (!tenant)
            return ChangeResult::refused(
                options.tenant.isEmpty() ? Refusal::Invalid : Refusal::NotFound,
                options.tenant.isEmpty()
                    ? u"no enabled tenant has a WABA ID or phone number ID to test with: map "
                      "one first (gerbangctl tenant update ID --waba WABA_ID)"_s
                    : u"no tenant '%1'"_s.arg(options.tenant));
        target.provider = Provider::WhatsApp;
        target.route = Source::whatsAppRoute(app);
        target.wabaId = tenant->wabaIds.value(0);
        target.phoneNumberId = tenant->phoneNumberIds.value(0);
        plan.provider = Provider::WhatsApp;
        plan.tenant = tenant->id;
        plan.tenantEnabled = tenant->enabled;
        plan.routedBy = !target.wabaId.isEmpty()
                            ? u"WABA %1"_s.arg(target.wabaId)
                            : u"phone number ID %1"_s.arg(target.phoneNumberId);
        secret = app.isEmpty() && !options.appSecretSetting.isEmpty()
                     ? options.appSecretSetting
                     : currentSecret(secrets.entries(name, &error));
    } else {
        const QList<Source> sources = SourceRepository(m_db).list(&error);
        const auto source = std::find_if(sources.cbegin(), sources.cend(),
                                         [&](const Source &s) { return s.name == name; });
        if (!error.isEmpty())
            return ChangeResult::refused(Refusal::StoreFailed, error);
        if (source == sources.cend())
            return ChangeResult::refused(
                Refusal::NotFound,
                u"no source '%1' (gerbangctl source list; WhatsApp apps: whatsapp or "
                "whatsapp:APP)"_s.arg(name));
        const std::optional<Provider> provider = fromWire<Provider>(source->provider);
        if (!provider)
            return ChangeResult::refused(Refusal::Invalid,
                                         u"source '%1' has an unknown provider"_s.arg(name));
        target.provider = *provider;
        target.route = source->route();
        target.dedupField = source->dedupField;
        plan.provider = *provider;
        plan.tenant = source->tenant;
        plan.routedBy = u"source %1"_s.arg(name);
        if (!source->tenant.isEmpty()) {
            const std::optional<Tenant> tenant =
                TenantRepository(m_db).find(source->tenant, &error);
            plan.tenantEnabled = tenant && tenant->enabled;
        }
        secret = currentSecret(secrets.entries(name, &error));
    }
    if (!error.isEmpty())
        return ChangeResult::refused(Refusal::StoreFailed, error);
    if (secret.isEmpty()) {
        // Signed all the same, with a secret nobody holds: the gateway must refuse it.
        secret = target.provider == Provider::Standard
                     ? "whsec_" + crypto::randomBytes(24).toBase64()
                     : crypto::randomBytes(24).toHex();
    }
    const std::optional<SignedRequest> signedRequest =
        signedTestEvent(target, secret, plan.testId, options.nowMs / 1000, &error);
    crypto::cleanse(&secret);
    if (!signedRequest)
        return ChangeResult::refused(Refusal::Invalid, error);
    ChangeResult outcome = commit(Change::SourceTested, name, plan.tenant, [&] {
        ChangeResult made;
        made.result = plan.toJson();
        return made;
    });
    if (outcome.ok())
        *request = *signedRequest;
    return outcome;
}

} // namespace gerbang
