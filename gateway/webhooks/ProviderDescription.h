// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ExtractedEvent.h"
#include "RequestContext.h"
#include "domain/Vocabulary.h"
#include "verify/Verification.h"
#include "whatsapp/WhatsAppExtractor.h"

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QList>

namespace gerbang {

// The events of one verified request. `error` says why the payload was refused and never
// quotes it.
struct Extraction
{
    bool ok = false;
    QString error;
    QList<ExtractedEvent> events;   // tenant, routing key and dedup scope filled in
    QList<UnroutedChange> unrouted; // WhatsApp changes no tenant claims
};

// What differs between providers on the webhook path, as data: the one endpoint flow
// (WebhookEndpoint) reads it and has no provider-specific branch.
struct ProviderDescription
{
    Provider provider;
    // The provider's own signature scheme, over the raw bytes.
    VerifyResult (*verify)(const VerifyInput &);
    // The events of a verified request, routed to their tenants.
    Extraction (*extract)(const Sender &, const Directory &, const http::HttpRequest &);
    // A route whose sender is not configured is refused with 404 and audited as this.
    Outcome unknownOutcome;
    QByteArrayView unknownError;
    bool unknownShowsRouteKey; // the audit row quotes the route key (a source name or tenant)
    // The audit row's reason when the sender has no secret: 503, the provider retries.
    QLatin1StringView noSecretReason;
};

const ProviderDescription &describe(Provider provider);

} // namespace gerbang
