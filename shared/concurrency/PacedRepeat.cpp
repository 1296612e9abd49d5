// SPDX-License-Identifier: GPL-3.0-or-later
#include "PacedRepeat.h"

#include <algorithm>

namespace gerbang {

PacedRepeat::PacedRepeat(std::chrono::milliseconds interval, int costFactor,
                         std::function<void()> job, QObject *parent, Clock clock)
    : QObject(parent)
    , m_interval(interval)
    , m_costFactor(std::max(1, costFactor))
    , m_job(std::move(job))
    , m_clock(std::move(clock))
    , m_next(interval)
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
    m_next = std::max(m_interval, cost * m_costFactor);
    m_timer.start(m_next);
}

} // namespace gerbang
