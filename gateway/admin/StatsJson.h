// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"

#include <QJsonObject>

namespace gerbang {

// The statistics snapshot as the admin API publishes it (GET /admin/v1/stats, the live
// channel). The keys are a published interface: docs/admin-api.yaml describes them.
QJsonObject statsJson(const StatsSnapshot &s);
// One alert, as in the snapshot's recent_alerts and the live channel's "alert" event.
QJsonObject alertJson(const AlertInfo &a);

} // namespace gerbang
