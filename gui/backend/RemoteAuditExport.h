// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Backend.h"

#include <QObject>
#include <QPointer>
#include <QSaveFile>

class QNetworkReply;

namespace gerbang {

class AdminClient;

// An audit export from an attached gateway (GET /admin/v1/audit/export, which audits it under
// the token's name before the first row): CSV is copied into the file as it arrives; a PDF is
// built from the NDJSON rows as they arrive and rendered off the GUI thread at the end. The
// file is replaced only when the whole export arrived (chunked: a cut-off body is an error).
// A PDF first asks the gateway to verify the period (its words go into the report); every
// report then gets its FILE.sig from the gateway (POST /admin/v1/audit/report-signature, over
// the file's hash). Deletes itself when done.
class RemoteAuditExport : public QObject
{
    Q_OBJECT
public:
    RemoteAuditExport(AdminClient &client, AuditExportRequest request,
                      Backend::Done<AuditExport::Result> done, QObject *parent);
    void start();

private:
    void stream();
    void received();
    void finished();
    // The file is complete: asks for its signature, then reports `r`.
    void sign(AuditExport::Result r);
    void fail(const QString &error);

    AdminClient &m_client;
    AuditExportRequest m_request;
    Backend::Done<AuditExport::Result> m_done;
    QPointer<QNetworkReply> m_reply;
    QSaveFile m_file;
    QByteArray m_pending; // an NDJSON line not complete yet
    AuditExport::PdfRows m_rows;
    qint64 m_records = 0; // CSV: records seen (the header is one)
    bool m_failed = false;
};

} // namespace gerbang
