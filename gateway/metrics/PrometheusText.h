// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"

#include <QByteArray>

namespace gerbang {

// The statistics in Prometheus' text exposition format (version 0.0.4).
QByteArray prometheusText(const StatsSnapshot &stats);

} // namespace gerbang
