// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gerbang {

// One row of the audit log: what happened to one request. Holds no payload content, no
// secret and no expected signature.
struct AuditRecord
{
    qint64 id = 0;
    qint64 receivedAtMs = 0;
    QString sourceIp;
    QString method;
    QString path;
    QString provider;
    QString tenant;          // tenant ids the request touched, comma-separated
    QString outcome;         // accepted, duplicate, unknown_tenant, rejected, malformed, ...
    QString signatureStatus; // valid, missing, malformed, mismatch, not_applicable
    int httpStatus = 0;
    qint64 processingUs = 0;
    qint64 bodySize = 0;
    QString rawRef;
    QStringList eventIds;
    QStringList eventTypes;
    QString detail;    // diagnostic JSON for the admin, never a secret
    QString userAgent; // the client's User-Agent, at most kMaxUserAgent characters
    // Its place in the tamper-evident log (audit/AuditChain.h): set when the row is written.
    QString chainId;
    qint64 chainSeq = 0;
    QByteArray rowHash; // SHA-256, 32 bytes

    static constexpr int kMaxUserAgent = 256;
    // A User-Agent header as kept: decoded as UTF-8, control characters replaced by '?' (a
    // log line or CSV cell can hold nothing but the text), cut to kMaxUserAgent characters.
    static QString userAgentFrom(const QByteArray &header)
    {
        QString text = QString::fromUtf8(header.left(kMaxUserAgent * 4)).left(kMaxUserAgent);
        for (QChar &c : text) {
            if (c.category() == QChar::Other_Control)
                c = u'?';
        }
        return text;
    }
};

} // namespace gerbang
