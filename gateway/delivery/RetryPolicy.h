// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"

#include <QString>
#include <QtGlobal>

namespace gerbang {

// What to do after one delivery attempt: exponential backoff with jitter, and the rules that
// turn an attempt into a dead letter. Pure: times and randomness come in as arguments.
struct RetryPolicy
{
    qint64 baseMs = Settings::defaultInt(u"delivery/retry_base_ms");
    qint64 capMs = Settings::defaultInt(u"delivery/retry_cap_ms");
    int maxAttempts = Settings::defaultInt(u"delivery/max_attempts");
    qint64 maxAgeMs = qint64(Settings::defaultInt(u"delivery/max_age_hours")) * 3'600'000;

    enum class Verdict
    {
        Delivered,
        Retry,
        Dead
    };
    struct Decision
    {
        Verdict verdict = Verdict::Retry;
        qint64 nextAttemptAtMs = 0;
        QString reason; // why it is dead, for `dlq list`
    };

    // `httpStatus` 0 means no HTTP answer (refused, timed out, TLS failure, …).
    // `attempts` counts this attempt. `retryAfterMs` (> 0) is the sink's Retry-After.
    // `jitter` in [0, 1): the delay is uniformly drawn from [d/2, d] ("equal jitter"), so that
    // a backlog released at once does not hit the core in lockstep.
    Decision decide(int httpStatus, int attempts, qint64 createdAtMs, qint64 nowMs,
                    qint64 retryAfterMs, double jitter) const;
    // The un-jittered delay before attempt `attempts + 1`.
    qint64 backoffMs(int attempts) const;
    // 2xx delivered; 408 and 429 are worth retrying; any other 4xx is the core refusing the
    // event itself, which a retry cannot fix.
    static bool isPermanentFailure(int httpStatus);
};

} // namespace gerbang
