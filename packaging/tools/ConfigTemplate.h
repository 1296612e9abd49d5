// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace gerbang::packaging {

// Texts generated from the one table of settings (Settings::definitions()), so that the
// packaged configuration file and the manual page can never miss a setting or show a stale
// default.

// The INI configuration file: every setting under its section, with its help, environment
// variable, default, range and (if so) that it applies on a reload as comments, then the setting
// itself, commented out unless `values` gives it a value. `notes` are extra comment lines for the
// header (where the file lives, what the service unit sets).
QString configTemplate(const QHash<QString, QString> &values, const QStringList &notes);

// The ENVIRONMENT section of a manual page in help2man's include format ("[ENVIRONMENT]"
// followed by roff), one entry per variable.
QString manEnvironmentSection();

} // namespace gerbang::packaging
