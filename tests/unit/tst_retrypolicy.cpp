// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/RetryPolicy.h"

#include <QTest>

using namespace gerbang;
using Verdict = RetryPolicy::Verdict;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesFromBaseToCap()
    {
        RetryPolicy p; // BRIEF §3: from 1 s, x2, capped at 10 min
        QCOMPARE(p.backoffMs(1), 1000);
        QCOMPARE(p.backoffMs(2), 2000);
        QCOMPARE(p.backoffMs(3), 4000);
        QCOMPARE(p.backoffMs(10), 512000);
        QCOMPARE(p.backoffMs(11), 600000);
        QCOMPARE(p.backoffMs(1000), 600000);
    }

    void successIsDelivered()
    {
        const RetryPolicy p;
        for (int status : {200, 201, 202, 204, 299})
            QCOMPARE(p.decide(status, 1, 0, 0, 0, 0.5).verdict, Verdict::Delivered);
    }

    void clientErrorsAreDeadAtOnce_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("dead");
        QTest::newRow("400") << 400 << true;
        QTest::newRow("401") << 401 << true;
        QTest::newRow("404") << 404 << true;
        QTest::newRow("410") << 410 << true;
        QTest::newRow("422") << 422 << true;
        QTest::newRow("408 timeout") << 408 << false;
        QTest::newRow("429 slow down") << 429 << false;
        QTest::newRow("500") << 500 << false;
        QTest::newRow("503") << 503 << false;
        QTest::newRow("no answer") << 0 << false;
        QTest::newRow("302") << 302 << false;
    }
    void clientErrorsAreDeadAtOnce()
    {
        QFETCH(int, status);
        QFETCH(bool, dead);
        const auto d = RetryPolicy().decide(status, 1, 0, 0, 0, 0.5);
        QCOMPARE(d.verdict, dead ? Verdict::Dead : Verdict::Retry);
        if (dead)
            QVERIFY(d.reason.contains(QString::number(status)));
    }

    void jitterStaysWithinHalfToFullDelay()
    {
        const RetryPolicy p;
        const qint64 now = 1'000'000;
        QCOMPARE(p.decide(500, 3, now, now, 0, 0.0).nextAttemptAtMs, now + 2000);
        QCOMPARE(p.decide(500, 3, now, now, 0, 0.999999).nextAttemptAtMs, now + 3999);
        const qint64 mid = p.decide(500, 3, now, now, 0, 0.5).nextAttemptAtMs - now;
        QVERIFY(mid >= 2000 && mid <= 4000);
    }

    void retryAfterIsHonoured()
    {
        const RetryPolicy p;
        const auto d = p.decide(429, 1, 0, 0, 30'000, 0.0);
        QCOMPARE(d.verdict, Verdict::Retry);
        QCOMPARE(d.nextAttemptAtMs, 30'000);
    }

    void maxAttemptsMakesADeadLetter()
    {
        RetryPolicy p;
        p.maxAttempts = 5;
        QCOMPARE(p.decide(500, 4, 0, 0, 0, 0.5).verdict, Verdict::Retry);
        const auto d = p.decide(500, 5, 0, 0, 0, 0.5);
        QCOMPARE(d.verdict, Verdict::Dead);
        QVERIFY(d.reason.contains(u"5 attempts"));
    }

    void maxAgeMakesADeadLetter()
    {
        RetryPolicy p;
        p.maxAgeMs = 3'600'000;
        const qint64 created = 0;
        QCOMPARE(p.decide(503, 2, created, 3'000'000, 0, 0.0).verdict, Verdict::Retry);
        // The next attempt would fall after the maximum age.
        QCOMPARE(p.decide(503, 2, created, 3'599'500, 0, 0.0).verdict, Verdict::Dead);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
