// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    QString detail; // diagnostic JSON for the admin, never a secret
};

} // namespace gerbang
