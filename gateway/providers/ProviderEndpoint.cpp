// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderEndpoint.h"

#include "Acknowledger.h"
#include "ProviderExtractors.h"
#include "domain/Vocabulary.h"
#include "verify/GenericSignature.h"
#include "verify/MidtransSignature.h"
#include "verify/StandardWebhooksSignature.h"
#include "verify/StripeSignature.h"
#include "verify/XenditToken.h"

#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcProviders, "gerbang.providers")

namespace gerbang {
namespace {

using http::HttpResponse;

constexpr int kDefaultToleranceSecs = 300;

struct Scheme
{
    QByteArrayView provider;
    VerifyResult (*verify)(const VerifyInput &);
};

// One row per provider: its signature scheme. Extraction differs in its arguments, so it is
// chosen in extract() below.
constexpr Scheme kSchemes[] = {
    {"stripe", verifyStripe},   {"midtrans", verifyMidtrans},         {"xendit", verifyXendit},
    {"generic", verifyGeneric}, {"standard", verifyStandardWebhooks},
};

const Scheme *schemeFor(QByteArrayView provider)
{
    for (const Scheme &s : kSchemes) {
        if (s.provider == provider)
            return &s;
    }
    return nullptr;
}

ProviderExtraction extract(const Source &source, const http::HttpRequest &request)
{
    switch (fromWire<Provider>(source.provider).value_or(Provider::Standard)) {
    case Provider::Stripe:
        return extractStripe(request);
    case Provider::Midtrans:
        return extractMidtrans(request);
    case Provider::Xendit:
        return extractXendit(request);
    case Provider::Generic:
        return extractGeneric(request, source.dedupField);
    case Provider::WhatsApp: // not a source provider (SourceRepository refuses it)
    case Provider::Standard:
        break;
    }
    return extractStandardWebhooks(request);
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

ProviderEndpoint::ProviderEndpoint(DirectoryAccess directory, const Vault &vault, Acknowledger &ack,
                                   Clock clock)
    : m_directory(std::move(directory))
    , m_vault(vault)
    , m_ack(ack)
    , m_clock(std::move(clock))
{
}

bool ProviderEndpoint::isProvider(QByteArrayView provider)
{
    return schemeFor(provider) != nullptr;
}

void ProviderEndpoint::receive(const QString &provider, const QString &key,
                               http::HttpRequest &&request, http::Responder responder)
{
    AuditRecord audit = Acknowledger::auditFor(request, provider);
    const auto dir = m_directory();
    const SourceEntry *entry = dir->findSource(provider, key);
    if (!entry) {
        // These senders are configured per tenant: a wrong URL is a configuration error that
        // someone must see, so 404 rather than a silent 200.
        audit.outcome = wire(Outcome::UnknownSource);
        audit.detail = compact({{u"route_key"_s, key.left(64)}});
        return m_ack.answer(responder, request, HttpResponse::error(404, "unknown_source"),
                            std::move(audit), request.startedNs);
    }
    const Source &source = entry->source;
    audit.tenant = source.tenant;
    const qint64 now = m_clock();
    const AcceptedSecrets secrets = AcceptedSecrets::at(entry->secrets, now);
    if (secrets.values.isEmpty()) {
        qCWarning(lcProviders).noquote()
            << u"source '%1' has no secret configured: refusing its requests (gerbangctl secret "
               "set %1)"_s.arg(source.name);
        audit.outcome = wire(Outcome::NotConfigured);
        audit.detail = compact({{u"source"_s, source.name}, {u"reason"_s, u"no secret"_s}});
        return m_ack.answer(responder, request, HttpResponse::error(503, "not_configured"),
                            std::move(audit), request.startedNs);
    }

    // 1. The provider's own scheme, over the raw bytes, before any business parsing.
    const VerifyInput input{request, secrets.values, now / 1000,
                            source.toleranceSecs > 0 ? source.toleranceSecs
                                                     : kDefaultToleranceSecs};
    VerifyResult verified = schemeFor(provider.toLatin1())->verify(input);
    audit.signatureStatus = wire(verified.status);
    verified.diagnostics[u"source"_s] = source.name;
    if (verified.status != SignatureStatus::Valid) {
        m_ack.signatureFailed(source.name, audit.signatureStatus);
        audit.outcome = wire(Outcome::Rejected);
        audit.detail = compact(verified.diagnostics);
        return m_ack.answer(responder, request,
                            HttpResponse::error(source.failureStatus, "invalid_signature"),
                            std::move(audit), request.startedNs);
    }
    verified.diagnostics[u"secret"_s] =
        secrets.previous.value(verified.matchedSecret) ? u"previous"_s : u"current"_s;
    audit.detail = compact(verified.diagnostics);

    // 2. Extract.
    ProviderExtraction extraction = extract(source, request);
    if (!extraction.ok) {
        audit.outcome = wire(Outcome::Malformed);
        QJsonObject detail = verified.diagnostics;
        detail[u"reason"_s] = extraction.error;
        audit.detail = compact(detail);
        return m_ack.answer(responder, request, HttpResponse::error(400, "malformed_payload"),
                            std::move(audit), request.startedNs);
    }
    for (ExtractedEvent &e : extraction.events) {
        e.tenant = source.tenant;
        e.routingKey = u"source:"_s + source.name;
        // A source without a tenant deduplicates in a scope of its own.
        if (source.tenant.isEmpty())
            e.dedupKey = u"source:"_s + source.name + u':' + e.dedupKey;
    }

    // 3. Durable commit, then the reply.
    IngestJob job = Acknowledger::prepareJob(request, m_vault, provider,
                                             std::move(extraction.events), std::move(audit));
    m_ack.commit(std::move(responder), request, std::move(job));
}

} // namespace gerbang
