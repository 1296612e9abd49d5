// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportSignature.h"

#include "AuditSigningKey.h"
#include "crypto/Crypto.h"
#include "crypto/Ed25519.h"
#include "domain/Clock.h"
#include "domain/Ids.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace gerbang {

ReportSignature ReportSignature::make(const QByteArray &report, const QString &fileName,
                                      const QString &reportFormat, const QString &generatedBy,
                                      const QJsonObject &period,
                                      const AuditVerification &verification,
                                      const AuditSigningKey &key, qint64 nowMs)
{
    return makeForHash(crypto::sha256(report), report.size(), fileName, reportFormat, generatedBy,
                       period, verification, key, nowMs);
}

ReportSignature ReportSignature::makeForHash(const QByteArray &sha256, qint64 size,
                                             const QString &fileName, const QString &reportFormat,
                                             const QString &generatedBy, const QJsonObject &period,
                                             const AuditVerification &verification,
                                             const AuditSigningKey &key, qint64 nowMs)
{
    ReportSignature s;
    s.fileName = fileName;
    s.reportFormat = reportFormat;
    s.sha256 = sha256;
    s.size = size;
    s.generatedAtMs = nowMs;
    s.generatedBy = generatedBy;
    s.period = period;
    s.verification = verification;
    s.publicKey = key.publicKey();
    s.signature = key.sign(s.message());
    return s;
}

QJsonObject ReportSignature::body() const
{
    return {{u"format"_s, QString::fromLatin1(kFormat)},
            {u"file"_s, fileName},
            {u"report_format"_s, reportFormat},
            {u"sha256"_s, QString::fromLatin1(sha256.toHex())},
            {u"size"_s, size},
            {u"generated_at"_s, generatedAtMs},
            {u"generated_by"_s, generatedBy},
            {u"period"_s, period},
            {u"audit_log"_s, verification.toJson()},
            {u"public_key"_s, AuditSigningKey::publicKeyText(publicKey)}};
}

QByteArray ReportSignature::message() const
{
    // QJsonObject keeps its keys sorted: the compact text is one canonical form.
    return "gerbang-report-v1\n" + QJsonDocument(body()).toJson(QJsonDocument::Compact);
}

QJsonObject ReportSignature::toJson() const
{
    QJsonObject o = body();
    o.insert(u"signature"_s, QString::fromLatin1(signature.toBase64()));
    return o;
}

std::optional<ReportSignature> ReportSignature::fromJson(const QJsonObject &o, QString *error)
{
    if (o.value(u"format"_s).toString() != QLatin1StringView(kFormat)) {
        *error = u"not a Gerbang report signature (format %1)"_s.arg(QLatin1StringView(kFormat));
        return std::nullopt;
    }
    ReportSignature s;
    s.fileName = o.value(u"file"_s).toString();
    s.reportFormat = o.value(u"report_format"_s).toString();
    s.sha256 = QByteArray::fromHex(o.value(u"sha256"_s).toString().toLatin1());
    s.size = qint64(o.value(u"size"_s).toDouble());
    s.generatedAtMs = qint64(o.value(u"generated_at"_s).toDouble());
    s.generatedBy = o.value(u"generated_by"_s).toString();
    s.period = o.value(u"period"_s).toObject();
    s.verification = AuditVerification::fromJson(o.value(u"audit_log"_s).toObject());
    const auto key = AuditSigningKey::publicKeyFromText(o.value(u"public_key"_s).toString());
    s.signature = QByteArray::fromBase64(o.value(u"signature"_s).toString().toLatin1());
    if (!key || s.sha256.size() != 32 || s.signature.size() != 64) {
        *error = u"the signature file is incomplete (sha256, public_key or signature)"_s;
        return std::nullopt;
    }
    s.publicKey = *key;
    // What is checked is the body as it was read, not as it is rebuilt: a field this version
    // does not know would otherwise drop out of the signed text.
    QJsonObject read = o;
    read.remove(u"signature"_s);
    if (read != s.body()) {
        *error = u"the signature file holds fields this Gerbang does not know, or was edited"_s;
        return std::nullopt;
    }
    return s;
}

ReportSignature::Check ReportSignature::check(const QByteArray &report,
                                              const QByteArray &trustedKey) const
{
    if (!crypto::ed25519Verify(publicKey, message(), signature))
        return Check::BadSignature;
    if (!crypto::constantTimeEquals(publicKey, trustedKey))
        return Check::UntrustedKey;
    if (report.size() != size || !crypto::constantTimeEquals(crypto::sha256(report), sha256))
        return Check::FileChanged;
    return Check::Valid;
}

QJsonObject ReportSignature::periodOf(const AuditFilter &filter)
{
    QJsonObject period;
    if (filter.fromMs)
        period.insert(u"from"_s, isoUtc(*filter.fromMs));
    if (filter.toMs)
        period.insert(u"to"_s, isoUtc(*filter.toMs));
    if (!filter.tenant.isEmpty())
        period.insert(u"tenant"_s, filter.tenant);
    return period;
}

QString ReportSignature::pathFor(const QString &reportPath)
{
    return reportPath + u".sig"_s;
}

bool ReportSignature::write(const QString &reportPath, QString *error) const
{
    QSaveFile file(pathFor(reportPath));
    if (file.open(QIODevice::WriteOnly) &&
        file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented)) >= 0 && file.commit())
        return true;
    *error = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
    return false;
}

bool LocalReportSigner::verify(Database &db, const QString &dataDir, std::optional<qint64> fromMs,
                               std::optional<qint64> toMs, QString *error)
{
    bool created = false;
    auto key = AuditSigningKey::loadOrCreate(dataDir, &created, error);
    if (!key) {
        *error = u"audit signing key: "_s + *error;
        return false;
    }
    m_key = std::make_shared<AuditSigningKey>(std::move(*key));
    AuditVerifier::Options options{fromMs, toMs, {m_key->publicKey()}};
    auto v = AuditVerifier(db).verify(options, nowMs(), error);
    if (!v) {
        *error = u"cannot verify the audit log for the report: "_s + *error;
        return false;
    }
    m_verification = std::move(*v);
    return true;
}

QByteArray LocalReportSigner::publicKey() const
{
    return m_key ? m_key->publicKey() : QByteArray();
}

bool LocalReportSigner::sign(const QString &reportPath, const QString &reportFormat,
                             const QString &generatedBy, const QJsonObject &period, QString *error)
{
    QFile report(reportPath);
    if (!m_key || !report.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1 back to sign it: %2"_s.arg(reportPath, report.errorString());
        return false;
    }
    const QByteArray digest = crypto::sha256(report);
    if (digest.isEmpty()) {
        *error = u"cannot read %1 back to sign it: %2"_s.arg(reportPath, report.errorString());
        return false;
    }
    return ReportSignature::makeForHash(digest, report.size(), QFileInfo(reportPath).fileName(),
                                        reportFormat, generatedBy, period, m_verification, *m_key,
                                        nowMs())
        .write(reportPath, error);
}

} // namespace gerbang
