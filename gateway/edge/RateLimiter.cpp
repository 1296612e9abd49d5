// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateLimiter.h"

#include "net/CidrList.h"

#include <algorithm>
#include <cmath>

namespace gerbang {

TokenBucket::TokenBucket(double rate, double burst)
    : m_rate(rate)
    , m_burst(burst > 0 ? burst : rate)
    , m_tokens(m_burst)
{
}

void TokenBucket::refill(qint64 nowNs)
{
    if (m_lastNs != 0 && nowNs > m_lastNs)
        m_tokens = std::min(m_burst, m_tokens + double(nowNs - m_lastNs) * m_rate / 1e9);
    m_lastNs = nowNs;
}

bool TokenBucket::take(qint64 nowNs, int *retryAfterSecs)
{
    if (m_rate <= 0)
        return true;
    refill(nowNs);
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return true;
    }
    // Seconds until one whole token, rounded up (Retry-After takes whole seconds).
    *retryAfterSecs = std::max(1, int(std::ceil((1.0 - m_tokens) / m_rate)));
    return false;
}

bool TokenBucket::isFullAt(qint64 nowNs) const
{
    if (m_rate <= 0 || m_lastNs == 0)
        return true;
    return m_tokens + double(nowNs - m_lastNs) * m_rate / 1e9 >= m_burst;
}

RateLimiter::RateLimiter(Config config)
    : m_config(config)
    , m_global(config.globalRate, config.globalBurst)
{
}

RateLimiter::Decision RateLimiter::admit(const QHostAddress &client, qint64 nowNs, qint64 nowMs)
{
    Decision d;
    Client *c = nullptr;
    if (m_config.perIpRate > 0) {
        const Q_IPV6ADDR raw = normalizedAddress(client).toIPv6Address();
        const QByteArray key(reinterpret_cast<const char *>(raw.c), 16);
        auto it = m_clients.find(key);
        if (it == m_clients.end()) {
            if (m_clients.size() >= m_config.maxTracked)
                evict(nowMs);
            it =
                m_clients.insert(key, Client{TokenBucket(m_config.perIpRate, m_config.perIpBurst)});
        }
        c = &*it;
        c->lastSeenMs = nowMs;
        const qint64 second = nowMs / 1000;
        if (second != c->second) {
            c->lastSecond = second == c->second + 1 ? c->thisSecond : 0;
            c->thisSecond = 0;
            c->second = second;
        }
        c->thisSecond += 1;
        if (!c->bucket.take(nowNs, &d.retryAfterSecs)) {
            c->rejected += 1;
            d.allowed = false;
            return d;
        }
    }
    // The per-address check comes first, so one flooding client cannot drain the global
    // bucket with requests that are refused anyway.
    if (!m_global.take(nowNs, &d.retryAfterSecs)) {
        if (c)
            c->rejected += 1;
        d.allowed = false;
        d.global = true;
    }
    return d;
}

void RateLimiter::evict(qint64 nowMs)
{
    // Forget an eighth of the table, idle clients first: those whose last request is the
    // oldest. A partial sort over a sample keeps this O(n) and rare (once per n/8 inserts).
    std::vector<std::pair<qint64, QByteArray>> byAge;
    byAge.reserve(size_t(m_clients.size()));
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        byAge.emplace_back(it->lastSeenMs, it.key());
    const size_t drop = std::max<size_t>(1, byAge.size() / 8);
    std::nth_element(byAge.begin(), byAge.begin() + qsizetype(drop - 1), byAge.end());
    for (size_t i = 0; i < drop; ++i)
        m_clients.remove(byAge[i].second);
    Q_UNUSED(nowMs);
}

QList<RateLimiter::Offender> RateLimiter::topOffenders(int count) const
{
    QList<Offender> all;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it->rejected == 0)
            continue;
        Q_IPV6ADDR raw;
        std::copy(it.key().cbegin(), it.key().cend(), raw.c);
        all << Offender{normalizedAddress(QHostAddress(raw)).toString(), it->rejected,
                        it->lastSecond, it->lastSeenMs};
    }
    std::sort(all.begin(), all.end(),
              [](const Offender &a, const Offender &b) { return a.rejected > b.rejected; });
    if (all.size() > count)
        all.resize(count);
    return all;
}

} // namespace gerbang
