// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ExtractedEvent.h"
#include "domain/AuditRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gerbang {

// A request whose events must be durable before it is answered.
struct IngestJob
{
    quint64 id = 0;
    QString rawId;
    QByteArray sealedRaw; // already encrypted on the HTTP thread
    QByteArray rawSha256Hex;
    qint64 rawSize = 0;
    QString provider;
    QList<ExtractedEvent> events;
    AuditRecord audit;    // outcome, ids and processing time are completed by the writer
    qint64 startedNs = 0; // monotonic, same clock as QElapsedTimer::nsecsElapsed origin
};

struct CommitResult
{
    quint64 jobId = 0;
    bool ok = false;
    int stored = 0;
    int duplicates = 0;
    QStringList eventIds;
    QString error;            // for logs and /ready; never shown to clients
    qint64 batchCommitUs = 0; // how long the whole transaction took
};

} // namespace gerbang
