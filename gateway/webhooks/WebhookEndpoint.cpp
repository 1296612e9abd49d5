// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebhookEndpoint.h"

#include "Acknowledger.h"
#include "ProviderDescription.h"
#include "domain/TestEvent.h"

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWebhooks, "gerbang.webhooks")

namespace gerbang {
namespace {

using http::HttpResponse;

QString joinDistinct(const QList<ExtractedEvent> &events)
{
    QStringList tenants;
    for (const ExtractedEvent &e : events) {
        if (!tenants.contains(e.tenant))
            tenants << e.tenant;
    }
    return tenants.join(u',');
}

QJsonArray unroutedJson(const QList<UnroutedChange> &unrouted)
{
    QJsonArray out;
    for (const UnroutedChange &u : unrouted)
        out.append(QJsonObject{{u"waba_id"_s, u.wabaId},
                               {u"phone_number_id"_s, u.phoneNumberId},
                               {u"field"_s, u.field}});
    return out;
}

} // namespace

WebhookEndpoint::WebhookEndpoint(const Vault &vault, Acknowledger &ack, Clock clock)
    : m_vault(vault)
    , m_ack(ack)
    , m_clock(std::move(clock))
{
}

void WebhookEndpoint::receive(RequestContext &context, http::HttpRequest &&request,
                              http::Responder responder)
{
    const Sender &sender = *context.sender;
    const ProviderDescription &kind = describe(sender.provider);
    QJsonObject &detail = context.detail;
    AuditRecord audit = Acknowledger::auditFor(request, wire(sender.provider));
    audit.tenant = sender.tenant;
    auto answer = [&](Outcome outcome, HttpResponse response) {
        audit.outcome = wire(outcome);
        m_ack.answer(responder, request, std::move(response), std::move(audit), detail);
    };

    // 1. Whose route: a wrong URL is a configuration error someone must see, so 404 rather
    //    than a silent 200.
    if (!sender.known() || !context.directory) {
        if (kind.unknownShowsRouteKey)
            detail[u"route_key"_s] = context.route.key.left(64);
        return answer(kind.unknownOutcome, HttpResponse::error(404, kind.unknownError));
    }
    if (sender.source)
        detail[u"source"_s] = sender.scope;
    const qint64 now = m_clock();
    const AcceptedSecrets secrets = AcceptedSecrets::at(sender.secrets(), now);
    if (secrets.values.isEmpty()) {
        // Nothing can be verified, so nothing is accepted; 503 makes the provider retry once
        // the admin has set the secret.
        if (sender.source) // a WhatsApp app is flagged by the console's first-run check
            qCWarning(lcWebhooks).noquote()
                << u"source '%1' has no secret configured: refusing its requests (gerbangctl "
                   "secret set %1)"_s.arg(sender.scope);
        detail[u"reason"_s] = QString(kind.noSecretReason);
        return answer(Outcome::NotConfigured, HttpResponse::error(503, "not_configured"));
    }

    // 2. The provider's own scheme, over the raw bytes, before any parsing.
    const VerifyResult verified =
        kind.verify({request, secrets.values, now / 1000, sender.toleranceSecs()});
    audit.signatureStatus = wire(verified.status);
    for (auto it = verified.diagnostics.begin(); it != verified.diagnostics.end(); ++it)
        detail.insert(it.key(), it.value());
    if (verified.status != SignatureStatus::Valid) {
        m_ack.signatureFailed(sender.scope, audit.signatureStatus);
        return answer(Outcome::Rejected,
                      HttpResponse::error(sender.failureStatus(), "invalid_signature"));
    }
    // During a rotation the admin sees when the old secret stops being used.
    detail[u"secret"_s] =
        secrets.previous.value(verified.matchedSecret) ? u"previous"_s : u"current"_s;

    // A test event is marked on its audit row (and by the normalizer on the event it becomes).
    if (const QString test = testevent::idOf(request.body); !test.isEmpty()) {
        context.test = true;
        detail[testevent::kAuditKey] = test;
    }

    // 3. Extract and route.
    Extraction extraction = kind.extract(sender, *context.directory, request);
    if (!extraction.ok) {
        detail[u"reason"_s] = extraction.error;
        return answer(Outcome::Malformed, HttpResponse::error(400, "malformed_payload"));
    }
    if (!extraction.unrouted.isEmpty())
        detail[u"unrouted"_s] = unroutedJson(extraction.unrouted);
    if (extraction.events.isEmpty()) {
        // Unknown tenant: 200 so the provider stops retrying, but nothing is stored.
        const bool unknown = !extraction.unrouted.isEmpty();
        return answer(unknown ? Outcome::UnknownTenant : Outcome::Empty,
                      HttpResponse::json(200, unknown ? R"({"status":"unknown_tenant"})"
                                                      : R"({"status":"empty"})"));
    }

    // 4. Durable commit, then the reply. The raw body is sealed here, on this thread, so the
    //    store thread only writes.
    audit.tenant = joinDistinct(extraction.events);
    IngestJob job =
        Acknowledger::prepareJob(request, m_vault, wire(sender.provider),
                                 std::move(extraction.events), std::move(audit), detail);
    m_ack.commit(std::move(responder), request, std::move(job));
}

} // namespace gerbang
