// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl audit list|export|verify|public-key|verify-report
#include "Cli.h"
#include "Output.h"
#include "audit/AuditSigningKey.h"
#include "audit/AuditVerifier.h"
#include "audit/ReportSignature.h"
#include "domain/Clock.h"
#include "domain/Ids.h"
#include "report/AuditCsv.h"
#include "storage/AuditRepository.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>
#include <QUrlQuery>
#include <pwd.h>
#include <unistd.h>

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

QString osUserName()
{
    const passwd *pw = getpwuid(geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(geteuid());
}

// Verifies the exported period and writes REPORT.sig, signed with this installation's key.
int signReport(Invocation &inv, const QString &path, const QString &format,
               const AuditFilter &filter)
{
    LocalReportSigner signer;
    QString error;
    if (!signer.verify(inv.database(), inv.dataDir(), filter.fromMs, filter.toMs, &error))
        return inv.fail(error);
    if (!signer.sign(path, format, u"gerbangctl (%1)"_s.arg(osUserName()),
                     ReportSignature::periodOf(filter), &error))
        return inv.fail(error);
    printOut(u"signature written to %1 (the audit log %2 for this period)\n"_s.arg(
        ReportSignature::pathFor(path),
        signer.verification().ok() ? u"verified"_s : u"did NOT verify"_s));
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
    if (inv.remote()) {
        writeError(u"no signature file: a report exported through --gateway is signed by the "
                   "console or by gerbangctl on the gateway's machine\n"_s);
        return ExitOk;
    }
    return signReport(inv, path, format, filter);
}

// The trusted public keys: --public-key values (text or a file holding it), else this
// installation's own key.
std::optional<QList<QByteArray>> trustedKeys(Invocation &inv, bool localKeyAllowed)
{
    QList<QByteArray> keys;
    for (const QString &value : inv.values(u"public-key"_s)) {
        QString text = value;
        if (QFile f(value); !value.startsWith(u"ed25519:"_s) && f.open(QIODevice::ReadOnly))
            text = QString::fromLatin1(f.readAll());
        const auto key = AuditSigningKey::publicKeyFromText(text);
        if (!key) {
            inv.usageError(u"--public-key '%1' is not an Ed25519 public key (ed25519:BASE64) "
                           "nor a file holding one"_s.arg(value.left(100)));
            return std::nullopt;
        }
        keys << *key;
    }
    if (keys.isEmpty() && localKeyAllowed) {
        QString error;
        if (const auto key = AuditSigningKey::load(inv.dataDir(), &error))
            keys << key->publicKey();
    }
    return keys;
}

QString describeBreak(const ChainBreak &b)
{
    return u"%1 at seq %2%3: %4"_s.arg(wire(b.kind))
        .arg(b.seq)
        .arg(b.rowId > 0 ? u" (row id %1)"_s.arg(b.rowId) : QString())
        .arg(b.detail);
}

int verify(Invocation &inv)
{
    inv.addOption(u"from"_s, u"First day (YYYY-MM-DD, UTC) or instant (ISO 8601)."_s, u"DATE"_s);
    inv.addOption(u"to"_s, u"Last day, inclusive, or instant."_s, u"DATE"_s);
    inv.addOption(u"public-key"_s,
                  u"A key whose checkpoints are trusted (ed25519:BASE64 or a file; repeatable; "
                  "default: this installation's)."_s,
                  u"KEY"_s);
    inv.addOption(u"json"_s, u"Print the result as one JSON object."_s);
    if (auto rc = inv.parseAndOpen(0, 0, false))
        return *rc;
    AuditVerifier::Options options;
    if (inv.isSet(u"from"_s) && !(options.fromMs = parseUtcTime(inv.value(u"from"_s), false)))
        return inv.usageError(u"--from '%1' is not a date"_s.arg(inv.value(u"from"_s)));
    if (inv.isSet(u"to"_s) && !(options.toMs = parseUtcTime(inv.value(u"to"_s), true)))
        return inv.usageError(u"--to '%1' is not a date"_s.arg(inv.value(u"to"_s)));
    const auto keys = trustedKeys(inv, true);
    if (!keys)
        return ExitUsage;
    options.trustedKeys = *keys;
    QString error;
    const auto result = AuditVerifier(inv.database()).verify(options, nowMs(), &error);
    if (!result)
        return inv.fail(u"cannot verify the audit log: "_s + error);
    if (inv.isSet(u"json"_s)) {
        printJson(result->toJson());
        return result->ok() ? ExitOk : ExitFailed;
    }
    for (const ChainVerification &c : result->chains) {
        QString line = u"chain %1%2: "_s.arg(c.chainId, c.legacy ? u" (rows written before the "
                                                                   "chain existed)"_s
                                                                 : QString());
        if (c.rows == 0)
            line += u"no rows checked"_s;
        else
            line += u"%1 rows, seq %2 to %3, received %4 to %5"_s.arg(c.rows)
                        .arg(c.firstSeq)
                        .arg(c.lastSeq)
                        .arg(isoUtc(c.fromMs), isoUtc(c.toMs));
        if (c.anchorSeq > 0 && !result->fromMs)
            line += u"; starts after seq %1 (older rows deleted by retention)"_s.arg(c.anchorSeq);
        printOut(line + u'\n');
        if (c.checkpoint)
            printOut(
                u"  last checkpoint: seq %1, signed %2 (%3) by key %4%5\n"_s.arg(c.checkpoint->seq)
                    .arg(isoUtc(c.checkpoint->signedAtMs), c.checkpoint->reason,
                         AuditSigningKey::fingerprint(c.checkpoint->publicKey),
                         c.checkpointKeyTrusted ? u""_s : u", NOT a trusted key"_s));
        else
            printOut(u"  no checkpoint covers these rows yet\n"_s);
        printOut(c.ok() ? u"  intact\n"_s : u"  BROKEN:\n"_s);
        for (const ChainBreak &b : c.breaks)
            printOut(u"    "_s + describeBreak(b) + u'\n');
    }
    for (const ChainBreak &b : result->unchained)
        printOut(u"outside every chain: "_s + describeBreak(b) + u'\n');
    printOut(result->ok() ? u"the audit log verifies\n"_s : u"the audit log does NOT verify\n"_s);
    return result->ok() ? ExitOk : ExitFailed;
}

int publicKey(Invocation &inv)
{
    if (auto rc = inv.parse(0, 0))
        return *rc;
    if (!inv.openConfiguration())
        return ExitFailed;
    QString error;
    bool created = false;
    const auto key = AuditSigningKey::loadOrCreate(inv.dataDir(), &created, &error);
    if (!key)
        return inv.fail(u"audit signing key: "_s + error);
    printOut(AuditSigningKey::publicKeyText(key->publicKey()) + u'\n');
    return ExitOk;
}

int verifyReport(Invocation &inv)
{
    inv.addOption(u"signature"_s, u"The signature file (default: FILE.sig)."_s, u"SIG"_s);
    inv.addOption(u"public-key"_s,
                  u"The key the report must be signed with (ed25519:BASE64 or a file; "
                  "default: this installation's)."_s,
                  u"KEY"_s);
    if (auto rc = inv.parse(1, 1))
        return *rc;
    const QString path = inv.positional().constFirst();
    const QString sigPath =
        inv.isSet(u"signature"_s) ? inv.value(u"signature"_s) : ReportSignature::pathFor(path);
    // Without --public-key the installation's own key is used, which needs its configuration.
    if (!inv.isSet(u"public-key"_s) && !inv.openConfiguration())
        return ExitFailed;
    const auto keys = trustedKeys(inv, true);
    if (!keys)
        return ExitUsage;
    if (keys->isEmpty())
        return inv.fail(u"no public key to check against: give --public-key (the output of "
                        "`gerbangctl audit public-key` on the gateway's machine)"_s);
    QFile report(path);
    if (!report.open(QIODevice::ReadOnly))
        return inv.fail(u"cannot read %1: %2"_s.arg(path, report.errorString()));
    QFile sigFile(sigPath);
    if (!sigFile.open(QIODevice::ReadOnly))
        return inv.fail(u"cannot read the signature %1: %2"_s.arg(sigPath, sigFile.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(sigFile.read(1 << 22), &parseError);
    QString error;
    const auto signature =
        doc.isObject() ? ReportSignature::fromJson(doc.object(), &error) : std::nullopt;
    if (!signature)
        return inv.fail(u"%1 is not a valid signature file: %2"_s.arg(
            sigPath, doc.isObject() ? error : parseError.errorString()));
    const QByteArray bytes = report.readAll();
    ReportSignature::Check worst = ReportSignature::Check::UntrustedKey;
    for (const QByteArray &key : *keys) {
        worst = signature->check(bytes, key);
        if (worst != ReportSignature::Check::UntrustedKey)
            break;
    }
    switch (worst) {
    case ReportSignature::Check::Valid:
        break;
    case ReportSignature::Check::FileChanged:
        return inv.fail(
            u"%1 was changed after it was signed (its SHA-256 or size differs)"_s.arg(path));
    case ReportSignature::Check::BadSignature:
        return inv.fail(u"the signature in %1 does not verify: it was edited"_s.arg(sigPath));
    case ReportSignature::Check::UntrustedKey:
        return inv.fail(u"%1 is signed by key %2, not by the key given"_s.arg(
            sigPath, AuditSigningKey::fingerprint(signature->publicKey)));
    }
    const AuditVerification &v = signature->verification;
    printOut(u"%1 is the report signed %2 by %3 (key %4)\n"_s.arg(
        path, isoUtc(signature->generatedAtMs), signature->generatedBy,
        AuditSigningKey::fingerprint(signature->publicKey)));
    printOut(u"when it was made, the audit log for its period %1\n"_s.arg(
        v.ok() ? u"verified"_s : u"did NOT verify"_s));
    for (const ChainVerification &c : v.chains) {
        if (c.rows == 0)
            continue;
        printOut(u"  chain %1: seq %2 to %3, head %4%5\n"_s.arg(c.chainId)
                     .arg(c.firstSeq)
                     .arg(c.lastSeq)
                     .arg(QString::fromLatin1(c.lastHash.toHex()),
                          c.checkpoint
                              ? u", checkpoint at seq %1 signed %2"_s.arg(c.checkpoint->seq)
                                    .arg(isoUtc(c.checkpoint->signedAtMs))
                              : QString()));
    }
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
            {u"verify"_s, u"[--from DATE] [--to DATE] [--public-key KEY]... [--json]"_s,
             u"Check the audit log's hash chains and signed checkpoints: every chain, the range "
             "checked, its last checkpoint, and the first broken links (exit 1 when broken)."_s,
             verify},
            {u"public-key"_s, u""_s,
             u"Print this installation's audit signing public key (ed25519:BASE64)."_s, publicKey},
            {u"verify-report"_s, u"FILE [--signature SIG] [--public-key KEY]"_s,
             u"Check an exported report against its signature file (FILE.sig) and a public key, "
             "without the database (exit 1 when it does not hold)."_s,
             verifyReport},
        }};
}

} // namespace gerbang::ctl
