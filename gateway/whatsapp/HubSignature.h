// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/Verification.h"

#include <QByteArray>
#include <QList>

namespace gerbang {

// Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. Checks the raw
// bytes against every accepted secret (current, then the previous one during a rotation) in
// constant time. `header` is null when the header was absent. `matchedSecret` receives the
// index of the secret that matched (-1 when none did).
SignatureStatus verifyHubSignature(const QByteArray &header, QByteArrayView body,
                                   const QList<QByteArray> &secrets, int *matchedSecret = nullptr);

// The same check in the shape every provider's scheme has. A failure's diagnostics name the
// header, its scheme prefix and length, the content type and the body's digest; a valid
// request has none (its audit row says only which secret matched).
VerifyResult verifyWhatsAppSignature(const VerifyInput &in);

} // namespace gerbang
