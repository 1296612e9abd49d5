// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"

class QJsonArray;

#include <QJsonObject>

namespace gerbang {

// The statistics snapshot as the admin API publishes it (GET /admin/v1/stats, the live
// channel). The keys are a published interface: docs/admin-api.yaml describes them.
QJsonObject statsJson(const StatsSnapshot &s);
// One alert, as in the snapshot's recent_alerts and the live channel's "alert" event.
QJsonObject alertJson(const AlertInfo &a);

// The reverse, for a console attached to a gateway: what statsJson() wrote, read back into the
// snapshot the dashboard draws. Keys it does not know are ignored; the histograms are not
// published, so they stay empty.
StatsSnapshot statsFromJson(const QJsonObject &o);
AlertInfo alertFromJson(const QJsonObject &o);

class StatsHistory;
// GET /admin/v1/stats/history: the dashboard's series as [epoch ms, value] pairs, so that a
// console that attaches draws the last minutes at once instead of starting blank.
QJsonObject historyJson(const StatsHistory &history, qint64 nowMs);
// The reverse: `history` seeded with what historyJson() wrote.
void seedHistory(StatsHistory &history, const QJsonObject &o);

} // namespace gerbang
