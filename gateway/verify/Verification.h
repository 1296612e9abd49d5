// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Vocabulary.h"
#include "http/HttpRequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace gerbang {

struct VerifyInput
{
    const http::HttpRequest &request;
    // Accepted secrets, current first, then the previous one during a rotation.
    const QList<QByteArray> &secrets;
    qint64 nowSecs = 0;      // injected clock (Unix seconds)
    int toleranceSecs = 300; // timestamped schemes only
};

struct VerifyResult
{
    SignatureStatus status = SignatureStatus::Missing;
    int matchedSecret = -1; // index into VerifyInput::secrets when Valid
    // What helps an admin diagnose a failure without helping an attacker: which header or
    // field was read, its scheme prefix, content type, body length and SHA-256, timestamp
    // skew. Never an expected signature, never a secret, never payload content.
    QJsonObject diagnostics;

    // This result, refused with `s` and, when given, a fixed `reason` code for the admin.
    VerifyResult refused(SignatureStatus s, const QString &reason = {})
    {
        status = s;
        if (!reason.isEmpty())
            diagnostics.insert(QStringLiteral("reason"), reason);
        return *this;
    }
};

} // namespace gerbang
