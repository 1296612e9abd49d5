// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"

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

// Global and per-client-address rate limits with bounded memory: at most `maxTracked`
// addresses are remembered; beyond that the least recently seen are forgotten (a forgotten
// address starts again with a full bucket, so an attacker with many addresses gains at most
// one burst per address, and the global limit still holds). Rate 0 disables a limit.
class RateLimiter
{
public:
    struct Config
    {
        double globalRate = 500;
        double globalBurst = 0; // 0: equal to the rate
        double perIpRate = 50;
        double perIpBurst = 0;
        int maxTracked = 50000;
    };
    struct Decision
    {
        bool allowed = true;
        bool global = false; // refused by the global limit (else by the per-address one)
        int retryAfterSecs = 0;
    };
    using Offender = ClientCounter;

    explicit RateLimiter(Config config);
    Decision admit(const QHostAddress &client, qint64 nowNs, qint64 nowMs);
    // The addresses refused most often, worst first.
    QList<Offender> topOffenders(int count) const;
    int trackedAddresses() const { return int(m_clients.size()); }

private:
    struct Client
    {
        TokenBucket bucket;
        qint64 rejected = 0;
        qint64 lastSeenMs = 0;
        qint64 second = 0;
        qint64 thisSecond = 0;
        qint64 lastSecond = 0;
    };
    void evict(qint64 nowMs);

    Config m_config;
    TokenBucket m_global;
    QHash<QByteArray, Client> m_clients;
};

} // namespace gerbang
