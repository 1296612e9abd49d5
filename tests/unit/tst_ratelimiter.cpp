// SPDX-License-Identifier: GPL-3.0-or-later
// The edge's rate limits with an injected clock: per-client keys (IPv6 /64), repeat offenders,
// and the global budget split between known and unknown senders. Also X-Forwarded-For lists.
#include "edge/ClientAddress.h"
#include "edge/RateLimiter.h"
#include "http/HttpRequest.h"

#include <QTest>

using namespace gerbang;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMs = 1'000'000; // nanoseconds

QHostAddress addr(const char *text)
{
    return QHostAddress(QString::fromLatin1(text));
}

// Admits `n` requests at one instant; returns how many were allowed.
int admitted(RateLimiter &limiter, const QHostAddress &client, int n, qint64 atMs)
{
    int ok = 0;
    for (int i = 0; i < n; ++i)
        ok += limiter.admit(client, atMs * kMs, atMs).allowed ? 1 : 0;
    return ok;
}

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ipv6ClientsAreKeyedPerSlash64()
    {
        // Was per /128: one host with a /64 could be 2^64 clients.
        RateLimiter limiter({0, 0, 5, 0, 0});
        int ok = 0;
        for (int i = 1; i <= 20; ++i)
            ok += admitted(limiter, addr(qPrintable(u"2001:db8:1:2::%1"_s.arg(i, 0, 16))), 1, 1000);
        QCOMPARE(ok, 5);
        // Another /64 has its own budget; IPv4 stays per address.
        QCOMPARE(admitted(limiter, addr("2001:db8:1:3::1"), 1, 1000), 1);
        QCOMPARE(admitted(limiter, addr("192.0.2.1"), 5, 1000), 5);
        QCOMPARE(admitted(limiter, addr("192.0.2.2"), 5, 1000), 5);
        QCOMPARE(limiter.topOffenders(1).value(0).address, u"2001:db8:1:2::/64"_s);
    }

    void repeatOffenderIsHeldBackAndReleased()
    {
        RateLimiter::Config c{0, 0, 1000, 0};
        c.offenderStrikes = 3;
        c.offenderPenaltySecs = 10;
        RateLimiter limiter(c);
        const QHostAddress junk = addr("203.0.113.9");
        for (int i = 0; i < 2; ++i)
            limiter.recordOutcome(junk, false, true, 1000);
        QCOMPARE(admitted(limiter, junk, 1, 1000), 1);
        limiter.recordOutcome(junk, false, true, 1000); // the third strike
        const RateLimiter::Decision d = limiter.admit(junk, 1001 * kMs, 1001);
        QVERIFY(!d.allowed);
        QCOMPARE(d.refusal, RateLimiter::Refusal::Penalty);
        QCOMPARE(d.retryAfterSecs, 10);
        QCOMPARE(admitted(limiter, addr("203.0.113.10"), 1, 1001), 1); // others unaffected
        QCOMPARE(admitted(limiter, junk, 1, 10'999), 0);
        QCOMPARE(admitted(limiter, junk, 1, 11'001), 1);
        // Strikes spread wider than a minute never add up to a penalty.
        for (int i = 0; i < 10; ++i)
            limiter.recordOutcome(junk, false, true, 20'000 + i * RateLimiter::kStrikeWindowMs);
        QCOMPARE(admitted(limiter, junk, 1, 20'000 + 10 * RateLimiter::kStrikeWindowMs), 1);
    }

    void junkCannotDrainTheKnownSendersBudget()
    {
        // Global 10/s. A provider's network becomes known with its first verified request.
        RateLimiter::Config c{10, 0, 0, 0};
        c.offenderStrikes = 0;
        RateLimiter limiter(c);
        const QHostAddress meta = addr("173.252.127.10");
        QCOMPARE(admitted(limiter, meta, 1, 1000), 1);
        limiter.recordOutcome(meta, true, false, 1000);
        QVERIFY(limiter.isKnownSender(addr("173.252.127.99"), 1000)); // its /24
        QVERIFY(!limiter.isKnownSender(addr("173.252.128.1"), 1000));
        // Eleven unknown addresses spend the unknown senders' budget...
        int junk = 0;
        for (int i = 0; i < 11; ++i)
            junk += admitted(limiter, addr(qPrintable(u"198.51.100.%1"_s.arg(i + 1))), 5, 1000);
        QCOMPARE(junk, 9); // the provider's first request came from this budget too
        const RateLimiter::Decision refused =
            limiter.admit(addr("198.51.100.50"), 1000 * kMs, 1000);
        QCOMPARE(refused.refusal, RateLimiter::Refusal::Global);
        // ...and the known sender is still answered, up to its own budget.
        QCOMPARE(admitted(limiter, meta, 12, 1000), 10);
        // Known for a day, then unknown again.
        QVERIFY(!limiter.isKnownSender(meta, 1000 + c.knownSenderTtlMs + 1));
    }

    void perClientCheckComesFirst()
    {
        // A client over its own rate does not take tokens from the global budget.
        RateLimiter limiter({6, 0, 3, 0, 0});
        QCOMPARE(admitted(limiter, addr("192.0.2.1"), 100, 1000), 3);
        QCOMPARE(admitted(limiter, addr("192.0.2.2"), 3, 1000), 3);
    }

    void trackedClientsAreBounded()
    {
        RateLimiter::Config c{0, 0, 1, 0};
        c.maxTracked = 64;
        c.offenderStrikes = 1;
        RateLimiter limiter(c);
        const QHostAddress offender = addr("10.9.9.9");
        limiter.recordOutcome(offender, false, true, 1000);
        for (int i = 0; i < 1000; ++i)
            admitted(limiter, QHostAddress(quint32(0x0A000000 + i)), 1, 1000 + i);
        QVERIFY(limiter.trackedAddresses() <= 64);
        // An offender under a penalty is not forgotten early.
        QCOMPARE(admitted(limiter, offender, 1, 3000), 0);
    }

    void forwardedForListRightToLeft_data()
    {
        QTest::addColumn<QList<QByteArray>>("lines");
        QTest::addColumn<QString>("client");
        QTest::newRow("one line") << QList<QByteArray>{"192.0.2.10, 203.0.113.50"}
                                  << u"203.0.113.50"_s;
        // HAProxy's option forwardfor appends a line: the last one is what the proxy saw.
        QTest::newRow("two lines")
            << QList<QByteArray>{"192.0.2.10", "203.0.113.50"} << u"203.0.113.50"_s;
        QTest::newRow("trusted hop on the last line")
            << QList<QByteArray>{"203.0.113.50", "10.0.0.2"} << u"203.0.113.50"_s;
        QTest::newRow("malformed last line")
            << QList<QByteArray>{"192.0.2.10", "junk"} << u"10.0.0.1"_s;
    }
    void forwardedForListRightToLeft()
    {
        QFETCH(QList<QByteArray>, lines);
        QFETCH(QString, client);
        http::HttpRequest r;
        for (const QByteArray &line : lines)
            r.headers.append({"x-forwarded-for", line});
        QStringList problems;
        const CidrList proxies = CidrList::parse(u"10.0.0.0/24"_s, &problems);
        QCOMPARE(
            clientAddress(addr("10.0.0.1"), r.headerList("x-forwarded-for"), proxies).toString(),
            client);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
