// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateLimiter.h"

#include "net/CidrList.h"

#include <algorithm>
#include <cmath>
#include <vector>

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

namespace {

// The network a provider sends from: Meta, Stripe, Midtrans and Xendit each use a few blocks,
// so one verified request vouches for its neighbours (IPv4 /24, IPv6 /48).
QByteArray senderNetworkKey(const QHostAddress &address)
{
    const QByteArray client = clientNetworkKey(address);
    return client.size() == 4 ? client.first(3) : client.first(6);
}

// Forgets an eighth of `table`, the entries seen longest ago (`ageOf` < 0: keep). nth_element
// keeps this O(n), and it runs once per n/8 inserts.
template <typename Value, typename AgeOf>
void forgetOldestEighth(QHash<QByteArray, Value> &table, AgeOf ageOf)
{
    std::vector<std::pair<qint64, QByteArray>> byAge;
    byAge.reserve(size_t(table.size()));
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        if (const qint64 age = ageOf(it.value()); age >= 0)
            byAge.emplace_back(age, it.key());
    }
    if (byAge.empty())
        return;
    const size_t drop = std::max<size_t>(1, byAge.size() / 8);
    std::nth_element(byAge.begin(), byAge.begin() + qsizetype(drop - 1), byAge.end());
    for (size_t i = 0; i < drop; ++i)
        table.remove(byAge[i].second);
}

} // namespace

RateLimiter::RateLimiter(Config config)
    : m_config(config)
    , m_knownSenders(config.globalRate, config.globalBurst)
    , m_unknownSenders(config.globalRate, config.globalBurst)
{
}

RateLimiter::Client &RateLimiter::clientFor(const QByteArray &key, qint64 nowMs)
{
    auto it = m_clients.find(key);
    if (it == m_clients.end()) {
        if (m_clients.size() >= m_config.maxTracked) {
            // Clients under a penalty are kept: forgetting one would end its penalty early.
            forgetOldestEighth(m_clients, [nowMs](const Client &c) {
                return c.penaltyUntilMs > nowMs ? qint64(-1) : c.lastSeenMs;
            });
        }
        it = m_clients.insert(key, Client{TokenBucket(m_config.perIpRate, m_config.perIpBurst)});
    }
    Client &c = *it;
    c.lastSeenMs = nowMs;
    return c;
}

RateLimiter::Decision RateLimiter::admit(const QHostAddress &client, qint64 nowNs, qint64 nowMs)
{
    Decision d;
    auto refuse = [&d](Refusal why, int retryAfterSecs) {
        d.allowed = false;
        d.refusal = why;
        d.retryAfterSecs = retryAfterSecs;
        return d;
    };
    Client *c = nullptr;
    int retryAfter = 0;
    if (m_config.perIpRate > 0 || m_config.offenderStrikes > 0) {
        c = &clientFor(clientNetworkKey(client), nowMs);
        const qint64 second = nowMs / 1000;
        if (second != c->second) {
            c->lastSecond = second == c->second + 1 ? c->thisSecond : 0;
            c->thisSecond = 0;
            c->second = second;
        }
        c->thisSecond += 1;
        // An offender is refused before it can take a token from anybody's budget.
        if (c->penaltyUntilMs > nowMs) {
            c->rejected += 1;
            return refuse(Refusal::Penalty, int((c->penaltyUntilMs - nowMs + 999) / 1000));
        }
        // The per-client check comes before the global one, so that one flooding client
        // cannot drain a global budget with requests that are refused anyway.
        if (!c->bucket.take(nowNs, &retryAfter)) {
            c->rejected += 1;
            return refuse(Refusal::Client, retryAfter);
        }
    }
    TokenBucket &global = isKnownSender(client, nowMs) ? m_knownSenders : m_unknownSenders;
    if (!global.take(nowNs, &retryAfter)) {
        if (c)
            c->rejected += 1;
        return refuse(Refusal::Global, retryAfter);
    }
    return d;
}

bool RateLimiter::isKnownSender(const QHostAddress &client, qint64 nowMs) const
{
    const auto it = m_known.constFind(senderNetworkKey(client));
    return it != m_known.constEnd() && nowMs - *it <= m_config.knownSenderTtlMs;
}

void RateLimiter::recordOutcome(const QHostAddress &client, bool verified, bool offence,
                                qint64 nowMs)
{
    if (verified) {
        const QByteArray network = senderNetworkKey(client);
        if (!m_known.contains(network) && m_known.size() >= m_config.maxTracked)
            forgetOldestEighth(m_known, [](qint64 lastVerifiedMs) { return lastVerifiedMs; });
        m_known.insert(network, nowMs);
    }
    if (!offence || m_config.offenderStrikes <= 0)
        return;
    Client &c = clientFor(clientNetworkKey(client), nowMs);
    if (nowMs - c.strikesSinceMs > kStrikeWindowMs) {
        c.strikes = 0;
        c.strikesSinceMs = nowMs;
    }
    if (++c.strikes >= m_config.offenderStrikes) {
        c.penaltyUntilMs = nowMs + qint64(m_config.offenderPenaltySecs) * 1000;
        c.strikes = 0;
    }
}

QList<RateLimiter::Offender> RateLimiter::topOffenders(int count) const
{
    QList<Offender> all;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it->rejected == 0)
            continue;
        all << Offender{clientNetworkText(it.key()), it->rejected, it->lastSecond, it->lastSeenMs};
    }
    std::sort(all.begin(), all.end(),
              [](const Offender &a, const Offender &b) { return a.rejected > b.rejected; });
    if (all.size() > count)
        all.resize(count);
    return all;
}

} // namespace gerbang
