// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditVerifier.h"
#include "storage/AuditRepository.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

namespace gerbang {

class AuditSigningKey;
class Database;

// The detached signature of an exported audit report (CSV or PDF), written beside it as
// FILE.sig: the SHA-256 and size of the report's bytes, what was exported (period, tenant),
// who made it, and the state of the audit log's chains for that period when it was made
// (range checked, head hash, last checkpoint, whether it verified), all signed with the
// installation's Ed25519 key. `gerbangctl audit verify-report FILE` checks a report against
// it with only the public key: no database needed.
struct ReportSignature
{
    static constexpr char kFormat[] = "gerbang-report-signature-v1";

    QString fileName;
    QString reportFormat; // csv, pdf
    QByteArray sha256;    // of the report's bytes
    qint64 size = 0;
    qint64 generatedAtMs = 0;
    QString generatedBy;
    QJsonObject period; // from, to, tenant
    AuditVerification verification;
    QByteArray publicKey;
    QByteArray signature;

    // Signs `report` as it is now.
    static ReportSignature make(const QByteArray &report, const QString &fileName,
                                const QString &reportFormat, const QString &generatedBy,
                                const QJsonObject &period, const AuditVerification &verification,
                                const AuditSigningKey &key, qint64 nowMs);
    // The same for a report whose bytes the signer never held (the console's PDF, signed by an
    // attached gateway): only their hash and size.
    static ReportSignature makeForHash(const QByteArray &sha256, qint64 size,
                                       const QString &fileName, const QString &reportFormat,
                                       const QString &generatedBy, const QJsonObject &period,
                                       const AuditVerification &verification,
                                       const AuditSigningKey &key, qint64 nowMs);

    QJsonObject toJson() const;
    static std::optional<ReportSignature> fromJson(const QJsonObject &o, QString *error);

    enum class Check
    {
        Valid,
        FileChanged,  // the report's bytes are not the ones signed
        BadSignature, // the signature file was changed, or signed by another key
        UntrustedKey  // signed, but not by the key the caller trusts
    };
    // Checks `report` against this signature, signed by `trustedKey` (raw 32 bytes).
    Check check(const QByteArray &report, const QByteArray &trustedKey) const;

    // The `period` of a report of these rows: from, to (ISO 8601, absent: unbounded), tenant.
    static QJsonObject periodOf(const AuditFilter &filter);
    // Where a report's signature file goes: FILE.sig.
    static QString pathFor(const QString &reportPath);
    // Writes it there (replaced only when complete).
    bool write(const QString &reportPath, QString *error) const;

private:
    QJsonObject body() const; // everything that is signed
    QByteArray message() const;
};

// What signs a report made on this machine (gerbangctl, the console's embedded mode): the
// verification of the report's period, with the installation's key (created when missing).
// Used in two steps, as a PDF states the verification in its own words before it is signed.
class LocalReportSigner
{
public:
    // Verifies [fromMs, toMs]; false with `*error` when the key or the database cannot be read.
    bool verify(Database &db, const QString &dataDir, std::optional<qint64> fromMs,
                std::optional<qint64> toMs, QString *error);
    const AuditVerification &verification() const { return m_verification; }
    QByteArray publicKey() const;
    // Signs the file at `reportPath` as it is now and writes its FILE.sig.
    bool sign(const QString &reportPath, const QString &reportFormat, const QString &generatedBy,
              const QJsonObject &period, QString *error);

private:
    std::shared_ptr<AuditSigningKey> m_key;
    AuditVerification m_verification;
};

} // namespace gerbang
