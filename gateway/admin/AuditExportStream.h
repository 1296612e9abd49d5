// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminQueries.h"
#include "storage/AuditRepository.h"

#include <QObject>
#include <memory>

namespace gerbang {

class AdminWorker;
namespace http {
class ResponseStream;
}

// GET /admin/v1/audit/export: the audit log as CSV (the columns of `gerbangctl audit export`)
// or as NDJSON (auditJson, one row a line), oldest first, read a page at a time on the admin
// worker's thread and written only as fast as the client takes it. A year of traffic therefore
// costs neither memory (one page at a time) nor a long hold on the database (each page is its own
// short read, by keyset), and a client that stops reading holds nothing but its connection until
// the read timeout drops it. The body is chunked: a read that fails midway cuts the connection, so
// a truncated export never looks complete. Deletes itself when done or when the client is gone.
class AuditExportStream : public QObject
{
public:
    static constexpr int kPageRows = 500;

    AuditExportStream(std::unique_ptr<http::ResponseStream> stream, AuditFilter filter,
                      adminquery::ExportFormat format, AdminWorker &worker, QObject *parent);
    ~AuditExportStream() override;

    // Writes the header row and starts reading.
    void start();
    qint64 rowsWritten() const { return m_rows; }

private:
    void fetch();
    void pageRead(const QByteArray &bytes, int rows, std::pair<qint64, qint64> last,
                  const QString &error);
    void stop();

    std::unique_ptr<http::ResponseStream> m_stream;
    AuditFilter m_filter;
    adminquery::ExportFormat m_format;
    AdminWorker &m_worker;
    bool m_reading = false;
    bool m_stopped = false;
    qint64 m_rows = 0;
};

} // namespace gerbang
