// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// This installation's id ("gw_" and 32 hex digits): read from DATA_DIR/gateway-id, made there
// (0600) on first use. It names the gateway in the fleet and the audit chain its rows join.
// Empty, with `*error`, when the file cannot be read or written.
QString installationId(const QString &dataDir, QString *error);
// The id if the file holds one, else an empty string; never writes (gerbangctl, which may run
// as another user, must not create the gateway's files).
QString existingInstallationId(const QString &dataDir);

} // namespace gerbang
