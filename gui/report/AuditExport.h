// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditVerifier.h"
#include "storage/AuditRepository.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <optional>

class QIODevice;

namespace gerbang {

class Database;

// Writes the filtered audit log as CSV (the same columns and formula protection as
// `gerbangctl audit export`) or as a PDF report for people: title, tenant, period, who and
// when, counts by outcome and provider, then the rows. Runs on any thread with that thread's
// own connection; texts are in the language installed when it runs.
class AuditExport
{
    Q_DECLARE_TR_FUNCTIONS(AuditExport)
public:
    struct Report
    {
        QString firm;        // tenant shown on the title page, empty: every tenant
        QString period;      // human-readable period
        QString generatedBy; // user name
        qint64 generatedAtMs = 0;
        // What was verified of the audit log for the period, and the key that signs the file:
        // the report's "What was verified" section (none: no section).
        std::optional<AuditVerification> proof;
        QString publicKeyText;
    };
    struct Result
    {
        bool ok = false;
        QString error;
        qint64 rows = 0;
        int pages = 0; // PDF only
        // The audit log for the period verified when the report was made.
        bool verified = false;
        // Why FILE.sig could not be written (empty: it was; the report itself is fine).
        QString signatureProblem;
    };

    // The rows of a PDF report, gathered one at a time in time order (from a database or an
    // attached gateway's export), then rendered by writePdf.
    class PdfRows
    {
    public:
        void add(const AuditRecord &a);
        qint64 count() const { return m_count; }

    private:
        friend class AuditExport;
        qint64 m_count = 0;
        QMap<QString, qint64> m_byOutcome;
        QMap<QString, qint64> m_byProvider;
        QString m_rows; // the table's rows, the first kMaxPdfRows of them
    };

    static Result writeCsv(Database &db, AuditFilter filter, QIODevice &out);
    static Result writePdf(Database &db, AuditFilter filter, const Report &report,
                           const QString &path);
    static Result writePdf(const PdfRows &rows, const Report &report, const QString &path);
};

} // namespace gerbang
