// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/WebhookEvent.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The stored-event rows the gateway would make from each payload sample in tests/data, built
// by the production extractors, so the normalizer tests start from what the store holds.
namespace gerbang::test {

// WABA 100000000000001 → firm-a, 100000000000002 → firm-b; the payment, generic and standard
// samples belong to firm-a.
inline constexpr QStringView kFixtureTenantA = u"firm-a";
inline constexpr QStringView kFixtureTenantB = u"firm-b";

// Test sender-hash key of a tenant: SHA-256("gerbang-test-sender-key:" + tenant), 32 bytes.
// Each tenant's differs, as in production; tests/tools/validate_normalized.py derives the same.
QByteArray fixtureSenderKey(const QString &tenant);

// whatsapp|stripe|midtrans|xendit|generic|standard from the file name prefix, else empty.
// Takes the bare file name ("wa_text.json").
QString fixtureProvider(const QString &fileName);

struct FixtureEvents
{
    bool ok = false;
    QString error;
    QList<WebhookEvent> events;
};

// `fileName` is relative to tests/data ("wa_text.json", "normalizer/wa_order.json").
// Runs the provider's extractor over `payload` (the file's exact bytes) with the headers the
// sample's sender sends (FIXTURES.md) and returns the rows: ids "ev_<file>_<n>", raw ref
// "raw_<file>", received at 2026-01-01T01:00:00Z.
FixtureEvents fixtureEvents(const QString &fileName, const QByteArray &payload);

// The *.json files of tests/data, then those of tests/data/normalizer (hand-written, unsigned,
// kept apart so the signature and extractor tables, which cover every wa_*.json, stay as
// they are) as "normalizer/<name>"; sorted.
QStringList fixtureFiles(const QString &dataDir);

} // namespace gerbang::test
