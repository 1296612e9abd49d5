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

// One setting as settingsJson() describes it, read back (a console attached to a gateway).
struct SettingState
{
    QString key;
    QString value; // empty for a secret: only isSet says whether one is configured
    bool isSet = false;
    SettingSource source = SettingSource::Default;
    bool restartPending = false;
};
struct SettingsListing
{
    QString configFile; // where the gateway reads them (empty: it runs without one)
    QList<SettingState> items;
    const SettingState *find(const QString &key) const;
};
// {"config_file": …, "settings": settingsJson(…)}, as GET /admin/v1/settings answers.
QJsonObject settingsListingJson(const QString &configFile, const Settings &settings,
                                const Settings *running);
SettingsListing settingsListingFromJson(const QJsonObject &o);

} // namespace gerbang
