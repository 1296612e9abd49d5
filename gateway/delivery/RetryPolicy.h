// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace gerbang {

// What to do after one delivery attempt: exponential backoff with jitter, and the rules that
// turn an attempt into a dead letter. Pure: times and randomness come in as arguments.
struct RetryPolicy
{
    qint64 baseMs = 1000;
    qint64 capMs = 600'000;
    int maxAttempts = 30;
    qint64 maxAgeMs = 72LL * 3600 * 1000;

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
