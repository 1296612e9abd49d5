// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// What a text value becomes in the database, on both dialects: valid Unicode without U+0000.
// A NUL would end a statement early (drivers pass it as a C string) and PostgreSQL text cannot
// hold one, so it becomes U+FFFD; a lone surrogate becomes '?', as Qt's UTF-8 encoder writes
// it. Audit rows are hashed in this form, so that what is read back is what was hashed.
QString storableText(const QString &text);

} // namespace gerbang
