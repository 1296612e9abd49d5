// SPDX-License-Identifier: GPL-3.0-or-later
#include "concurrency/PacedRepeat.h"

#include <QTest>
#include <QThread>
#include <atomic>

using namespace gerbang;
using namespace std::chrono_literals;

// The job's cost is read from a clock the job itself moves, so the spacing is exact.
class TestPacedRepeat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aCheapJobRunsAtTheInterval()
    {
        FakeClock clock;
        int runs = 0;
        PacedRepeat repeat(
            kPace,
            [&] {
                ++runs;
                clock.advance(3ms);
            },
            nullptr, clock.fn());
        repeat.start();
        QCOMPARE(runs, 1); // at once
        QVERIFY(repeat.isActive());
        QCOMPARE(repeat.nextDelay(), 1s); // 3 ms x 100 is less than the interval
    }

    void anExpensiveJobWaitsItsCostTimesTheFactor()
    {
        FakeClock clock;
        std::chrono::microseconds cost = 40ms;
        PacedRepeat repeat(
            kPace, [&] { clock.advance(cost); }, nullptr, clock.fn());
        repeat.start();
        QCOMPARE(repeat.nextDelay(), 4s);
        // Part of a millisecond counts as a whole one: never less than the factor asks.
        cost = 12'100us;
        repeat.start();
        QCOMPARE(repeat.nextDelay(), 1300ms);
        // Cheap again: back to the interval.
        cost = 0us;
        repeat.start();
        QCOMPARE(repeat.nextDelay(), 1s);
    }

    void noWaitIsLongerThanTheLongest()
    {
        // A run that hung on an unreachable database for 30 s: the next check comes after
        // `longest`, not after 50 minutes.
        FakeClock clock;
        PacedRepeat repeat(
            kPace, [&] { clock.advance(30s); }, nullptr, clock.fn());
        repeat.start();
        QCOMPARE(repeat.nextDelay(), kPace.longest);
        // A longest shorter than the interval is the interval.
        PacedRepeat fixed(
            {.interval = 2s, .costFactor = 100, .longest = 1s}, [&] { clock.advance(1s); }, nullptr,
            clock.fn());
        fixed.start();
        QCOMPARE(fixed.nextDelay(), 2s);
    }

    void itRepeatsUntilStopped()
    {
        int runs = 0;
        PacedRepeat repeat({.interval = 20ms, .costFactor = 100, .longest = 1s}, [&] { ++runs; });
        repeat.start();
        QTRY_VERIFY(runs >= 3);
        repeat.stop();
        QVERIFY(!repeat.isActive());
        const int stoppedAt = runs;
        QTest::qWait(100); // five intervals
        QCOMPARE(runs, stoppedAt);
    }

    void itMovesWithItsParentsThread()
    {
        QObject owner;
        std::atomic<int> runs = 0; // the job runs on the other thread
        auto *repeat = new PacedRepeat(
            {.interval = 10ms, .costFactor = 100, .longest = 1s}, [&] { ++runs; }, &owner);
        QThread thread;
        owner.moveToThread(&thread);
        QCOMPARE(repeat->thread(), &thread);
        thread.start();
        QMetaObject::invokeMethod(repeat, &PacedRepeat::start, Qt::QueuedConnection);
        QTRY_VERIFY(runs >= 2);
        QMetaObject::invokeMethod(repeat, &PacedRepeat::stop, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

private:
    static constexpr PacedRepeat::Pace kPace{.interval = 1s, .costFactor = 100, .longest = 15s};

    struct FakeClock
    {
        std::chrono::steady_clock::time_point now{};
        void advance(std::chrono::microseconds d) { now += d; }
        PacedRepeat::Clock fn()
        {
            return [this] { return now; };
        }
    };
};

QTEST_GUILESS_MAIN(TestPacedRepeat)
#include "tst_paced_repeat.moc"
