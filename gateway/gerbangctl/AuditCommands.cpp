// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl audit list|export
#include "Cli.h"
#include "Output.h"
#include "domain/Ids.h"
#include "report/AuditCsv.h"
#include "storage/AuditRepository.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

// Passes CSV bytes on to `target` and counts the records that ended in them (a CRLF outside
// quotes), across however the bytes were split on the way.
class CsvRecordCounter : public QIODevice
{
public:
    explicit CsvRecordCounter(QIODevice *target)
        : m_target(target)
    {
    }
    qint64 records() const { return m_records; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        for (qint64 i = 0; i < size; ++i) {
            const char c = data[i];
            if (c == '"')
                m_quoted = !m_quoted;
            else if (c == '\n' && m_previous == '\r' && !m_quoted)
                ++m_records;
            m_previous = c;
        }
        return m_target->write(data, size);
    }

private:
    QIODevice *m_target;
    qint64 m_records = 0;
    bool m_quoted = false;
    char m_previous = 0;
};

int list(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.addOption(u"limit"_s, u"At most N rows (default 100, 0: all)."_s, u"N"_s);
    inv.addOption(u"tenant"_s, u"Only requests that touched this tenant."_s, u"ID"_s);
    inv.addOption(u"outcome"_s,
                  u"Only this outcome (accepted, duplicate, unknown_tenant, rejected, "
                  "malformed, ...)."_s,
                  u"O"_s);
    inv.addOption(u"provider"_s, u"Only this provider."_s, u"P"_s);
    if (auto rc = inv.parse(0, 0))
        return *rc;
    AuditFilter filter;
    int rc = ExitOk;
    if (!inv.limit(&filter.limit, &rc))
        return rc;
    filter.tenant = inv.value(u"tenant"_s);
    filter.outcome = inv.value(u"outcome"_s);
    filter.provider = inv.value(u"provider"_s);
    if (!inv.open(false))
        return ExitFailed;
    QString error;
    const QList<AuditRecord> rows = AuditRepository(inv.database()).list(filter, &error);
    if (!error.isEmpty())
        return inv.fail(error);
    if (inv.isSet(u"json"_s)) {
        QJsonArray array;
        for (const AuditRecord &a : rows)
            array << auditJson(a);
        printJson(array);
        return ExitOk;
    }
    Table table({u"RECEIVED"_s, u"SOURCE IP"_s, u"METHOD"_s, u"PATH"_s, u"PROVIDER"_s, u"TENANT"_s,
                 u"OUTCOME"_s, u"SIGNATURE"_s, u"HTTP"_s, u"US"_s, u"EVENTS"_s});
    for (const AuditRecord &a : rows)
        table.addRow({isoUtc(a.receivedAtMs), a.sourceIp, a.method, a.path, a.provider, a.tenant,
                      a.outcome, a.signatureStatus, QString::number(a.httpStatus),
                      QString::number(a.processingUs), QString::number(a.eventIds.size())});
    table.print(u"no audit rows"_s);
    return ExitOk;
}

int exportRows(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"from"_s, u"First day (YYYY-MM-DD, UTC) or instant (ISO 8601)."_s, u"DATE"_s);
    inv.addOption(u"to"_s, u"Last day, inclusive (YYYY-MM-DD, UTC) or instant (ISO 8601)."_s,
                  u"DATE"_s);
    inv.addOption(u"tenant"_s, u"Only requests that touched this tenant."_s, u"ID"_s);
    inv.addOption(u"format"_s, u"csv (default) or pdf."_s, u"FORMAT"_s);
    inv.addOption(u"output"_s, u"File to write ('-': standard output)."_s, u"FILE"_s);
    if (auto rc = inv.parse(0, 0))
        return *rc;
    for (const QString &required : {u"from"_s, u"to"_s, u"output"_s}) {
        if (!inv.isSet(required))
            return inv.usageError(u"--%1 is required"_s.arg(required));
    }
    const QString format = inv.isSet(u"format"_s) ? inv.value(u"format"_s).toLower() : u"csv"_s;
    if (format != u"csv"_s && format != u"pdf"_s)
        return inv.usageError(u"unknown format '%1' (csv or pdf)"_s.arg(format));
    AuditFilter filter;
    filter.fromMs = parseUtcTime(inv.value(u"from"_s), false);
    filter.toMs = parseUtcTime(inv.value(u"to"_s), true);
    if (!filter.fromMs)
        return inv.usageError(
            u"--from '%1' is not a date (YYYY-MM-DD or ISO 8601)"_s.arg(inv.value(u"from"_s)));
    if (!filter.toMs)
        return inv.usageError(
            u"--to '%1' is not a date (YYYY-MM-DD or ISO 8601)"_s.arg(inv.value(u"to"_s)));
    if (*filter.fromMs > *filter.toMs)
        return inv.usageError(u"--from is after --to"_s);
    if (format == u"pdf"_s)
        return inv.fail(u"PDF export is provided by the desktop console (not yet available)"_s);
    filter.tenant = inv.value(u"tenant"_s);
    filter.limit = 0;
    // An audit report reads in time order.
    filter.newestFirst = false;
    if (!inv.open(false))
        return ExitFailed;

    const QString path = inv.value(u"output"_s);
    const bool toStdout = path == u"-"_s;
    QFile out;
    QSaveFile file(path);
    QIODevice *device = &file;
    if (toStdout) {
        if (!out.open(stdout, QIODevice::WriteOnly))
            return inv.fail(u"cannot write to standard output"_s);
        device = &out;
    } else if (!file.open(QIODevice::WriteOnly)) {
        return inv.fail(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    }
    qint64 rows = 0;
    if (inv.remote()) {
        // The gateway audits the export (naming the token) and streams it; the rows are
        // counted from what arrived (the first record is the header).
        QUrlQuery query;
        query.addQueryItem(u"from"_s, isoUtc(*filter.fromMs));
        query.addQueryItem(u"to"_s, isoUtc(*filter.toMs));
        if (!filter.tenant.isEmpty())
            query.addQueryItem(u"tenant"_s, filter.tenant);
        CsvRecordCounter counter(device);
        counter.open(QIODevice::WriteOnly);
        if (!inv.download(u"/admin/v1/audit/export?"_s + query.query(QUrl::FullyEncoded), &counter))
            return ExitFailed;
        rows = counter.records() - 1;
    } else {
        // Recorded before a row leaves: an export that cannot be audited does not happen.
        QString auditError;
        if (!inv.service().recordAuditExport(filter, format, &auditError))
            return inv.fail(u"the export could not be audited, so it was not made: "_s +
                            auditError);
        device->write(csvRecord(auditCsvHeader()).toUtf8());
        QString error;
        const bool ok = AuditRepository(inv.database())
                            .forEach(
                                filter,
                                [&](const AuditRecord &a) {
                                    ++rows;
                                    return device->write(csvRecord(auditCsvCells(a)).toUtf8()) >= 0;
                                },
                                &error);
        if (!ok)
            return inv.fail(error);
    }
    if (toStdout) {
        out.flush();
        writeError(u"%1 rows written\n"_s.arg(rows));
        return ExitOk;
    }
    // QSaveFile replaces the target only when everything was written.
    if (!file.commit())
        return inv.fail(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    printOut(u"%1 rows written to %2\n"_s.arg(rows).arg(path));
    return ExitOk;
}

} // namespace

Group auditGroup()
{
    return {
        u"audit"_s,
        u"The audit log: one row per request, no payload content."_s,
        {
            {u"list"_s, u"[--json] [--limit N] [--tenant ID] [--outcome O] [--provider P]"_s,
             u"List audit rows, newest first (100 unless --limit)."_s, list},
            {u"export"_s, u"--from DATE --to DATE [--tenant ID] --format csv|pdf --output FILE"_s,
             u"Export the audit rows of a period, oldest first (CSV: RFC 4180, UTF-8, "
             "cells that a spreadsheet would run as formulas prefixed with ')."_s,
             exportRows},
        }};
}

} // namespace gerbang::ctl
