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
QString fixtureProvider(const QString &fileName);

struct FixtureEvents
{
    bool ok = false;
    QString error;
    QList<WebhookEvent> events;
};

// Runs the provider's extractor over `payload` (the file's exact bytes) with the headers the
// sample's sender sends (FIXTURES.md) and returns the rows: ids "ev_<file>_<n>", raw ref
// "raw_<file>", received at 2026-01-01T01:00:00Z.
FixtureEvents fixtureEvents(const QString &fileName, const QByteArray &payload);

// The *.json files of a directory, sorted.
QStringList fixtureFiles(const QString &dataDir);

} // namespace gerbang::test
