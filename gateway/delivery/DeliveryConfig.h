// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetryPolicy.h"

#include <QByteArray>
#include <QUrl>

namespace gerbang {

// Where and how accepted events are handed to the core.
struct DeliveryConfig
{
    QUrl sinkUrl;            // empty: events stay queued in the outbox
    QByteArray sinkSecret;   // whsec_… (Standard Webhooks)
    bool withContent = true; // the provider's original object travels with the event
    int timeoutMs = 10'000;
    int concurrency = 8;
    RetryPolicy retry;
    int pollMs = 250; // how often due rows are looked for when nobody wakes the worker
};

} // namespace gerbang
