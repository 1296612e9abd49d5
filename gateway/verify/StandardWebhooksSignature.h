// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/StandardWebhooksKey.h"
#include "verify/Verification.h"

namespace gerbang {

// Standard Webhooks (standardwebhooks.com; Svix and others): headers `webhook-id`,
// `webhook-timestamp` (Unix seconds) and `webhook-signature`, a space-separated list of
// `<version>,<base64>`; only `v1` entries are considered (others, e.g. `v1a`, are ignored).
// v1 = base64 HMAC-SHA256(key, "{id}.{timestamp}.{raw body}"), where the key is the base64
// decoding of the secret after its `whsec_` prefix (a secret without the prefix is decoded
// whole). The given base64 is decoded and the bytes compared in constant time.
//
// Missing `webhook-signature` → Missing; missing id or timestamp, a timestamp that is not
// digits, no v1 entry, or a v1 entry that is not base64 of 32 bytes → Malformed.
//
// A configured secret that is not valid base64 is a configuration error, not the sender's:
// it can never match (so the result is Mismatch, not Malformed, which would blame the
// request), and the diagnostics list its index under `unusable_secrets`.
//
// As for Stripe, the signature is checked first and the timestamp (±toleranceSecs; the
// specification's default is 300 s; <= 0 disables the check) only for a correctly signed
// request, so Stale/FutureTimestamp always mean "authentic but outside the window".
VerifyResult verifyStandardWebhooks(const VerifyInput &in);

} // namespace gerbang
