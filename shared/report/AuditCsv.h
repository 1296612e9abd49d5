// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditRecord.h"

#include <QString>
#include <QStringList>

namespace gerbang {

// One RFC 4180 field. Cells a spreadsheet would evaluate (leading = + - @ tab CR) get a
// leading apostrophe, so an exported audit log cannot smuggle a formula into the auditor's
// spreadsheet.
QString csvField(const QString &value);
// A record of csvField()s terminated by CRLF.
QString csvRecord(const QStringList &fields);

// The audit export's columns (snake_case, as `gerbangctl audit export` and the console write
// them) and one row's cells in that order.
const QStringList &auditCsvHeader();
QStringList auditCsvCells(const AuditRecord &a);

} // namespace gerbang
