// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// Installs the process-wide message handler: one line per message on stderr, as text or as
// JSON (for journald / ELK). Callers never pass secrets or payload content to the log.
void installLogHandler(const QString &format);

} // namespace gerbang
