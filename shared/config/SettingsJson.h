// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"

#include <QJsonArray>

namespace gerbang {

// Every declared setting as the admin API (GET /admin/v1/settings) and `gerbangctl settings
// list --json` show it: key, value, default, where the value comes from (default, file,
// environment, flag), its environment variable, its range, and whether a change applies at a
// restart or on reload. A secret setting's value is never shown: "value" is null and "is_set"
// says whether one is configured. With `running` (the settings a gateway started with),
// "restart_pending" says that the value shown differs from the one in force until a restart.
QJsonArray settingsJson(const Settings &settings, const Settings *running = nullptr);

} // namespace gerbang
