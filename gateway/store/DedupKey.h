// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// The form in which a dedup key is claimed and stored. Keys are built from provider data and
// can be of any length, but an index entry cannot: PostgreSQL refuses B-tree entries over
// about 2.7 kB, which failed every commit such an event was in. Keys up to kMaxDedupKeyLength
// are kept as they are (readable, and the same as before); longer ones become their SHA-256.
inline constexpr qsizetype kMaxDedupKeyLength = 200;
QString storableDedupKey(const QString &key);

} // namespace gerbang
