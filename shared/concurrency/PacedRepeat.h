// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>

namespace gerbang {

// Repeats a job at an interval, but never spends more than about 1/costFactor of the time on
// it: after a run that took d, the next one waits max(interval, d * costFactor), and never
// more than `longest` (a run that only waited for an unreachable database must not silence the
// next check for an hour). For watching queries whose cost grows with what they count (a
// delivery backlog of a million rows while the core is down), so that watching the gateway
// never slows the commits it watches (bench/RESULTS.md, 2026-12-06). Lives on its parent's
// thread and moves with it.
class PacedRepeat : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    struct Pace
    {
        std::chrono::milliseconds interval;
        int costFactor = 100;
        std::chrono::milliseconds longest; // at least `interval`
    };

    PacedRepeat(Pace pace, std::function<void()> job, QObject *parent = nullptr,
                Clock clock = &std::chrono::steady_clock::now);

    void start(); // runs the job now, then keeps it going
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    // The wait before the next run, as decided after the last one.
    std::chrono::milliseconds nextDelay() const { return m_next; }

private:
    void runJob();

    Pace m_pace;
    std::function<void()> m_job;
    Clock m_clock;
    std::chrono::milliseconds m_next;
    QTimer m_timer{this};
};

} // namespace gerbang
