// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetryPolicy.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang {

bool RetryPolicy::isPermanentFailure(int httpStatus)
{
    return httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429;
}

qint64 RetryPolicy::backoffMs(int attempts) const
{
    const int doublings = std::clamp(attempts - 1, 0, 40);
    qint64 delay = baseMs;
    for (int i = 0; i < doublings && delay < capMs; ++i)
        delay *= 2;
    return std::min(delay, capMs);
}

RetryPolicy::Decision RetryPolicy::decide(int httpStatus, int attempts, qint64 createdAtMs,
                                          qint64 nowMs, qint64 retryAfterMs, double jitter) const
{
    Decision d;
    if (httpStatus >= 200 && httpStatus < 300) {
        d.verdict = Verdict::Delivered;
        return d;
    }
    if (isPermanentFailure(httpStatus)) {
        d.verdict = Verdict::Dead;
        d.reason = u"the sink refused the event (HTTP %1)"_s.arg(httpStatus);
        return d;
    }
    if (attempts >= maxAttempts) {
        d.verdict = Verdict::Dead;
        d.reason = u"gave up after %1 attempts"_s.arg(attempts);
        return d;
    }
    const qint64 full = backoffMs(attempts);
    qint64 delay = full / 2 + qint64(double(full - full / 2) * std::clamp(jitter, 0.0, 1.0));
    delay = std::max({delay, retryAfterMs, qint64(1)});
    if (nowMs + delay - createdAtMs > maxAgeMs) {
        d.verdict = Verdict::Dead;
        d.reason = u"undelivered for longer than %1 h"_s.arg(maxAgeMs / 3'600'000);
        return d;
    }
    d.verdict = Verdict::Retry;
    d.nextAttemptAtMs = nowMs + delay;
    return d;
}

} // namespace gerbang
