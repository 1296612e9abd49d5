// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"
#include "config/Settings.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>

namespace gerbang {

// A token bucket: `rate` tokens per second, holding at most `burst`.
class TokenBucket
{
public:
    TokenBucket(double rate = 0, double burst = 0);
    // Takes one token if there is one. `retryAfterSecs` is how long until the next token.
    bool take(qint64 nowNs, int *retryAfterSecs);
    bool isFullAt(qint64 nowNs) const;

private:
    void refill(qint64 nowNs);
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastNs = 0;
};

// Global and per-client rate limits, built so that junk cannot starve real providers.
// - Per client (an IPv4 address or an IPv6 /64: clientNetworkKey) a token bucket.
// - Repeat offenders: a client whose requests failed `offenderStrikes` times within a minute
//   (bad signatures, unknown routes, malformed or oversize requests) is refused for
//   `offenderPenaltySecs` before it takes any token.
// - The global rate is two budgets of the same size: one for known senders (a network, IPv4
//   /24 or IPv6 /48, that delivered a correctly signed request within `knownSenderTtlMs`), one
//   for everybody else. A flood from unknown addresses drains only the second, so Meta and the
//   payment providers keep being answered.
// Memory is bounded: at most `maxTracked` clients and as many known networks are remembered;
// beyond that the least recently seen are forgotten. Rate 0 disables a limit.
class RateLimiter
{
public:
    struct Config
    {
        double globalRate = Settings::defaultInt(u"limits/rate_global");
        double globalBurst = Settings::defaultInt(u"limits/burst_global"); // 0: = the rate
        double perIpRate = Settings::defaultInt(u"limits/rate_per_ip");
        double perIpBurst = Settings::defaultInt(u"limits/burst_per_ip");
        int offenderStrikes = Settings::defaultInt(u"limits/offender_strikes"); // 0: no penalty
        int offenderPenaltySecs = Settings::defaultInt(u"limits/offender_penalty_s");
        qint64 knownSenderTtlMs = 24LL * 3600 * 1000;
        int maxTracked = 50000;
    };
    enum class Refusal
    {
        None,
        Client,  // the client's own rate
        Penalty, // a repeat offender, held back for a while
        Global   // the budget of its class (known or unknown senders) is spent
    };
    struct Decision
    {
        bool allowed = true;
        Refusal refusal = Refusal::None;
        int retryAfterSecs = 0;
    };
    using Offender = ClientCounter;

    explicit RateLimiter(Config config);
    Decision admit(const QHostAddress &client, qint64 nowNs, qint64 nowMs);
    // What became of an admitted request: `verified` (its signature was valid) makes its
    // network a known sender; an `offence` counts a strike against the client.
    void recordOutcome(const QHostAddress &client, bool verified, bool offence, qint64 nowMs);
    bool isKnownSender(const QHostAddress &client, qint64 nowMs) const;
    // The addresses refused most often, worst first.
    QList<Offender> topOffenders(int count) const;
    int trackedAddresses() const { return int(m_clients.size()); }

    static constexpr qint64 kStrikeWindowMs = 60'000;

private:
    struct Client
    {
        TokenBucket bucket;
        qint64 rejected = 0;
        qint64 lastSeenMs = 0;
        qint64 second = 0;
        qint64 thisSecond = 0;
        qint64 lastSecond = 0;
        int strikes = 0;
        qint64 strikesSinceMs = 0;
        qint64 penaltyUntilMs = 0;
    };
    Client &clientFor(const QByteArray &key, qint64 nowMs);

    Config m_config;
    TokenBucket m_knownSenders;
    TokenBucket m_unknownSenders;
    QHash<QByteArray, Client> m_clients;
    QHash<QByteArray, qint64> m_known; // sender network -> last verified request (ms)
};

} // namespace gerbang
