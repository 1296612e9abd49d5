// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ExtractedEvent.h"
#include "http/HttpRequest.h"

#include <QList>
#include <QString>

namespace gerbang {

// The events of one authenticated request, for the payment and generic providers. Each
// extractor parses the raw body once and leaves tenant and routingKey to the endpoint, which
// knows them from the route. `error` says why the payload was refused and never quotes it.
struct ProviderExtraction
{
    bool ok = false;
    QString error;
    QList<ExtractedEvent> events;
};

// Stripe event: providerEventId = `id` (evt_…), dedupKey `evt:<id>`, type = `type`,
// occurredAtMs from `created` (Unix seconds). `id` and `type` are required.
ProviderExtraction extractStripe(const http::HttpRequest &request);

// Midtrans notification. One transaction notifies several times (pending, settlement, …, and
// possibly out of order), so the dedup key carries the status:
// `midtrans:<transaction_id or order_id>:<transaction_status>:<status_code>[:<fraud_status>]`.
// providerEventId = transaction_id (else order_id), type `transaction.<transaction_status>`,
// occurredAtMs from `transaction_time` ("yyyy-MM-dd HH:mm:ss", Asia/Jakarta, a fixed UTC+7).
// The signature covers order_id, status_code and gross_amount only, so the unsigned
// transaction_status must agree with the signed status_code by Midtrans' documented codes
// (settlement and capture 200, pending 201, expire 202 or 407, …): a notification whose status
// disagrees (a signed pending re-sent as "settlement") is refused. transaction_status must be
// a lower-case word and status_code three digits; a status not in the table passes with any
// code. transaction_id is not signed either: it is only checked to be present (see README).
ProviderExtraction extractMidtrans(const http::HttpRequest &request);

// Xendit callback. dedupKey `xendit:delivery:<webhook-id>` when the request carries a delivery
// id header (`webhook-id`; retries repeat it), else `xendit:<id>:<status>:<updated>`.
// providerEventId = body `id`; type `invoice.<status in lower case>` when the body has a
// `status`, else `xendit.callback`; occurredAtMs from `updated` (ISO 8601).
ProviderExtraction extractXendit(const http::HttpRequest &request);

// Generic JSON webhook. With a configured RFC 6901 pointer (e.g. "/id") that names a string or
// a number: dedupKey `field:<value>` and providerEventId = that value. Otherwise (no pointer, or
// nothing usable there) dedupKey `sha256:<hex of the raw body>`, so only byte-identical
// retries are duplicates. type = top-level `type` or `event` string, else `generic`.
ProviderExtraction extractGeneric(const http::HttpRequest &request, const QString &dedupPointer);

// Standard Webhooks: providerEventId = `webhook-id` header, dedupKey `webhook-id:<id>`, type =
// top-level `type` (else `standard_webhooks`), occurredAtMs from the body's `timestamp`
// (ISO 8601) or else the `webhook-timestamp` header.
ProviderExtraction extractStandardWebhooks(const http::HttpRequest &request);

} // namespace gerbang
