// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"

#include <QHash>

namespace gerbang {

// The rules between settings and on what they name, which Settings::validate() (each value
// on its own) cannot see: a certificate without its key, a malformed allowlist or allowlist
// file, a database URL that does not resolve, an unusable Standard Webhooks secret, the admin
// API on the webhook port. Declared once here, so that the engine at start, the console, the
// admin API and gerbangctl refuse the same configurations.
SettingProblems settingRulesBetween(const Settings &settings);

// Every problem a gateway starting with `settings` would have: validate() and the rules
// between settings.
SettingProblems checkSettings(const Settings &settings);

// alerts/silence_sources: "NAME=DURATION, …" (parseDuration's syntax; "0" turns the source's
// silence alert off) as milliseconds by source name. Entries that do not parse go to `problems`.
QHash<QString, qint64> parseSilenceSources(const QString &text, QStringList *problems);

} // namespace gerbang
