// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditExportStream.h"

#include "AdminWorker.h"
#include "http/ResponseStream.h"
#include "report/AuditCsv.h"
#include "storage/RecordJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcAdmin)

namespace gerbang {

AuditExportStream::AuditExportStream(std::unique_ptr<http::ResponseStream> stream,
                                     AuditFilter filter, adminquery::ExportFormat format,
                                     AdminWorker &worker, QObject *parent)
    : QObject(parent)
    , m_stream(std::move(stream))
    , m_filter(std::move(filter))
    , m_format(format)
    , m_worker(worker)
{
    m_filter.newestFirst = false; // a report reads in time order
    m_filter.limit = kPageRows;
    m_stream->whenDrained(this, [this] { fetch(); });
    m_stream->whenClosed(this, [this] { stop(); });
}

AuditExportStream::~AuditExportStream() = default;

void AuditExportStream::start()
{
    if (m_format == adminquery::ExportFormat::Csv &&
        !m_stream->write(csvRecord(auditCsvHeader()).toUtf8()))
        return stop();
    fetch();
}

void AuditExportStream::fetch()
{
    // One page in flight at a time. Drained bytes are reported from inside a write too
    // (QAbstractSocket::flush), so every caller may find a read already running.
    if (m_reading || m_stopped)
        return;
    m_reading = true;
    // The worker answers with JSON; the page travels as one string.
    m_worker.run(
        [filter = m_filter, format = m_format](Database &db, QString *error) {
            const QList<AuditRecord> rows = AuditRepository(db).list(filter, error);
            if (!error->isEmpty())
                return QJsonObject();
            QString text;
            for (const AuditRecord &a : rows) {
                text += format == adminquery::ExportFormat::Csv
                            ? csvRecord(auditCsvCells(a))
                            : QString::fromUtf8(
                                  QJsonDocument(auditJson(a)).toJson(QJsonDocument::Compact)) +
                                  u'\n';
            }
            const AuditRecord last = rows.isEmpty() ? AuditRecord() : rows.constLast();
            return QJsonObject{{u"text"_s, text},
                               {u"rows"_s, rows.size()},
                               {u"last_received"_s, last.receivedAtMs},
                               {u"last_id"_s, last.id}};
        },
        this,
        [this](QJsonObject page, QString error) {
            pageRead(
                page.value(u"text"_s).toString().toUtf8(), page.value(u"rows"_s).toInt(),
                {page.value(u"last_received"_s).toInteger(), page.value(u"last_id"_s).toInteger()},
                error);
        });
}

void AuditExportStream::pageRead(const QByteArray &bytes, int rows, std::pair<qint64, qint64> last,
                                 const QString &error)
{
    if (m_stopped)
        return;
    if (!error.isEmpty()) {
        // Cut off, not finished: the client sees an incomplete body.
        qCWarning(lcAdmin).noquote()
            << "admin API: an audit export failed after" << m_rows << "rows:" << error;
        return stop();
    }
    // Still "reading" while the page is written: a write can report drained bytes at once,
    // and that must not ask for a page before the cursor moved.
    m_filter.after = last;
    m_rows += rows;
    if (!m_stream->write(bytes))
        return stop();
    if (rows < kPageRows) {
        m_stream->finish();
        return stop();
    }
    m_reading = false;
    // More to come: now, or when the client has taken most of what it was sent.
    if (m_stream->unsentBytes() <= http::ResponseStream::kLowWaterBytes)
        fetch();
}

void AuditExportStream::stop()
{
    if (std::exchange(m_stopped, true))
        return;
    deleteLater();
}

} // namespace gerbang
