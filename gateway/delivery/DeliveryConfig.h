// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetryPolicy.h"
#include "config/Settings.h"

#include <QByteArray>
#include <QUrl>

namespace gerbang {

// Where and how accepted events are handed to the core.
struct DeliveryConfig
{
    QUrl sinkUrl;            // empty: events stay queued in the outbox
    QByteArray sinkSecret;   // whsec_… (Standard Webhooks)
    bool withContent = true; // the provider's original object travels with the event
    int timeoutMs = Settings::defaultInt(u"sink/timeout_ms");
    int concurrency = Settings::defaultInt(u"sink/concurrency");
    RetryPolicy retry;
    int pollMs = 250; // how often due rows are looked for when nobody wakes the worker
};

} // namespace gerbang
