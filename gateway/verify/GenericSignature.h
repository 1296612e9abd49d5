// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/Verification.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <functional>

namespace gerbang {

// The scheme of the original Laravel middleware (and of GitHub and Meta):
// `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`, or, when that header is
// absent, the same value in `X-Hub-Signature-256`. The `sha256=` prefix is required.
VerifyResult verifyGeneric(const VerifyInput &in);

// Helpers shared by every scheme in verify/.

// What every audit row gets: content type, body length and the body's SHA-256 (hex). Never
// payload content, never a header value that could carry a signature.
QJsonObject requestDiagnostics(const http::HttpRequest &request, QByteArrayView scheme,
                               QByteArrayView headerOrField);

// Index of the first secret whose expected value equals one of `given` (constant-time), or -1.
// Every secret is checked against every given value, with no early exit, so the time taken does
// not depend on which one matched. An empty secret never matches: for HMAC and hash schemes an
// empty key is public knowledge, so accepting it would accept forgeries.
int matchSecrets(const QList<QByteArray> &secrets, const QList<QByteArray> &given,
                 const std::function<QByteArray(const QByteArray &secret)> &expected);

// A short label taken from a request (content type, scheme name) for the audit row: at most
// `max` bytes, anything outside printable ASCII replaced by '?'.
QString safeLabel(QByteArrayView raw, qsizetype max);

// 1 to 18 ASCII digits (no sign, no spaces), parsed into *out. Bounds the value so that
// `now - t` cannot overflow.
bool parseUnixSeconds(QByteArrayView digits, qint64 *out);

// The end of a timestamped scheme (Stripe, Standard Webhooks), once the secrets were tried:
// Mismatch when none matched; Stale/FutureTimestamp when the signature is authentic but the
// timestamp is `skew` seconds away, beyond `toleranceSecs` (not accepted, so no secret is
// reported as matched); else Valid.
VerifyResult acceptWithinWindow(VerifyResult r, qint64 skew, int toleranceSecs);

} // namespace gerbang
