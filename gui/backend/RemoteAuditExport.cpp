// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoteAuditExport.h"

#include "AdminClient.h"
#include "admin/AdminQueries.h"
#include "audit/ReportSignature.h"
#include "concurrency/AsyncTask.h"
#include "crypto/Crypto.h"
#include "domain/Ids.h"
#include "storage/RecordJson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace gerbang {

RemoteAuditExport::RemoteAuditExport(AdminClient &client, AuditExportRequest request,
                                     Backend::Done<AuditExport::Result> done, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_done(std::move(done))
    , m_file(m_request.path)
{
}

void RemoteAuditExport::start()
{
    if (m_request.format == AuditExportRequest::Format::Csv)
        return stream();
    QByteArrayList range;
    if (m_request.filter.fromMs)
        range << "from=" + QUrl::toPercentEncoding(isoUtc(*m_request.filter.fromMs));
    if (m_request.filter.toMs)
        range << "to=" + QUrl::toPercentEncoding(isoUtc(*m_request.filter.toMs));
    m_client.call(this, "GET", u"/admin/v1/audit/verify?"_s + QString::fromLatin1(range.join('&')),
                  std::nullopt, [this](const AdminClient::Reply &r) {
                      // A gateway that cannot verify still exports; the report then says nothing
                      // of it.
                      if (r.ok()) {
                          m_request.report.proof = AuditVerification::fromJson(r.body);
                          m_request.report.publicKeyText = r.body.value(u"public_key"_s).toString();
                      }
                      stream();
                  });
}

void RemoteAuditExport::stream()
{
    const bool pdf = m_request.format == AuditExportRequest::Format::Pdf;
    if (!pdf && !m_file.open(QIODevice::WriteOnly))
        return fail(m_file.errorString());
    QByteArray query = adminquery::auditQuery(m_request.filter, false);
    if (pdf)
        query += QByteArray(query.isEmpty() ? "" : "&") + "format=ndjson";
    const QString path = u"/admin/v1/audit/export"_s +
                         (query.isEmpty() ? QString() : u'?' + QString::fromLatin1(query));
    m_reply = m_client.open(path, pdf ? "application/x-ndjson" : "text/csv");
    connect(m_reply, &QNetworkReply::readyRead, this, &RemoteAuditExport::received);
    connect(m_reply, &QNetworkReply::finished, this, &RemoteAuditExport::finished);
}

void RemoteAuditExport::received()
{
    if (m_failed || m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return; // a refusal's body is read at the end
    const QByteArray bytes = m_reply->readAll();
    if (m_request.format == AuditExportRequest::Format::Csv) {
        // Records end with CRLF (RFC 4180); a cell's own line breaks are bare LF.
        m_records += bytes.count("\r\n");
        if (m_file.write(bytes) < 0)
            fail(m_file.errorString());
        return;
    }
    m_pending += bytes;
    qsizetype start = 0;
    for (qsizetype end; (end = m_pending.indexOf('\n', start)) >= 0; start = end + 1) {
        const QByteArray line = m_pending.mid(start, end - start);
        if (!line.trimmed().isEmpty())
            m_rows.add(auditFromJson(QJsonDocument::fromJson(line).object()));
    }
    m_pending.remove(0, start);
}

void RemoteAuditExport::finished()
{
    m_reply->deleteLater();
    if (m_failed)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        const QString message =
            QJsonDocument::fromJson(m_reply->readAll()).object().value(u"message"_s).toString();
        return fail(!message.isEmpty() ? message : m_reply->errorString());
    }
    received();
    if (m_reply->error() != QNetworkReply::NoError)
        return fail(AuditExport::tr("the export was cut off: %1").arg(m_reply->errorString()));
    if (m_request.format == AuditExportRequest::Format::Csv) {
        AuditExport::Result r;
        r.rows = std::max<qint64>(0, m_records - 1);
        r.ok = m_file.commit();
        if (!r.ok) {
            r.error = m_file.errorString();
            m_done(r);
            return deleteLater();
        }
        return sign(r);
    }
    // Rendering a report of thousands of rows takes a while: not on the GUI thread.
    AsyncTask::run(
        this,
        [rows = m_rows, report = m_request.report, path = m_request.path] {
            return AuditExport::writePdf(rows, report, path);
        },
        [this](const AuditExport::Result &r) {
            if (!r.ok) {
                m_done(r);
                return deleteLater();
            }
            sign(r);
        });
}

void RemoteAuditExport::sign(AuditExport::Result r)
{
    QFile file(m_request.path);
    const QByteArray digest = file.open(QIODevice::ReadOnly) ? crypto::sha256(file) : QByteArray();
    if (digest.isEmpty()) {
        r.signatureProblem = file.errorString();
        m_done(r);
        return deleteLater();
    }
    const bool pdf = m_request.format == AuditExportRequest::Format::Pdf;
    QJsonObject ask{{u"sha256"_s, QString::fromLatin1(digest.toHex())},
                    {u"size"_s, file.size()},
                    {u"file"_s, QFileInfo(m_request.path).fileName()},
                    {u"report_format"_s, pdf ? u"pdf"_s : u"csv"_s},
                    {u"desktop_user"_s, m_request.report.generatedBy.left(128)}};
    const QJsonObject period = ReportSignature::periodOf(m_request.filter);
    for (auto it = period.begin(); it != period.end(); ++it)
        ask.insert(it.key(), it.value());
    m_client.call(this, "POST", u"/admin/v1/audit/report-signature"_s, ask,
                  [this, r](const AdminClient::Reply &reply) mutable {
                      QString error;
                      const auto signature =
                          reply.ok() ? ReportSignature::fromJson(reply.body, &error) : std::nullopt;
                      if (!reply.ok())
                          r.signatureProblem = reply.problem();
                      else if (!signature || !signature->write(m_request.path, &error))
                          r.signatureProblem = error;
                      else
                          r.verified = signature->verification.ok();
                      m_done(r);
                      deleteLater();
                  });
}

void RemoteAuditExport::fail(const QString &error)
{
    if (std::exchange(m_failed, true))
        return;
    if (m_reply)
        m_reply->abort();
    m_file.cancelWriting();
    AuditExport::Result r;
    r.error = error;
    m_done(r);
    deleteLater();
}

} // namespace gerbang
