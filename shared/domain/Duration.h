// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// "90s", "30m", "24h", "7d" (up to six digits) in milliseconds; 0 when malformed or zero.
// The one syntax of lifetimes and grace periods, for gerbangctl and the admin API alike.
qint64 parseDuration(const QString &text);

} // namespace gerbang
