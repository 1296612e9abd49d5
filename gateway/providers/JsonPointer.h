// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace gerbang {

// RFC 6901 JSON pointers ("/data/event_id", "/a~1b" for key "a/b", "/m~0n" for key "m~n").

// Splits a pointer into its unescaped reference tokens. False for a syntactically invalid
// pointer: not empty and not starting with '/', or a '~' not followed by '0' or '1'.
bool parseJsonPointer(QStringView pointer, QStringList *tokens);

// Resolves a pointer against a document. The empty pointer is the whole document. Array
// indices are "0" or digits without a leading zero; "-" (past the end) never resolves.
// False when the pointer is invalid or names nothing.
bool resolveJsonPointer(const QJsonValue &root, QStringView pointer, QJsonValue *out);

} // namespace gerbang
