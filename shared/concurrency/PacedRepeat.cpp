// SPDX-License-Identifier: GPL-3.0-or-later
#include "PacedRepeat.h"

#include <algorithm>

namespace gerbang {

PacedRepeat::PacedRepeat(Pace pace, std::function<void()> job, QObject *parent, Clock clock)
    : QObject(parent)
    , m_pace{pace.interval, std::max(1, pace.costFactor), std::max(pace.interval, pace.longest)}
    , m_job(std::move(job))
    , m_clock(std::move(clock))
    , m_next(pace.interval)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PacedRepeat::runJob);
}

void PacedRepeat::start()
{
    runJob();
}

void PacedRepeat::stop()
{
    m_timer.stop();
}

void PacedRepeat::runJob()
{
    const auto began = m_clock();
    m_job();
    const auto cost = std::chrono::ceil<std::chrono::milliseconds>(m_clock() - began);
    m_next = std::clamp(cost * m_pace.costFactor, m_pace.interval, m_pace.longest);
    m_timer.start(m_next);
}

} // namespace gerbang
