// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/Verification.h"

namespace gerbang {

// Stripe's `Stripe-Signature: t=<unix secs>,v1=<hex>[,v1=<hex>…][,v0=…]`.
//
// v1 = hex HMAC-SHA256(key = the whole `whsec_…` secret string as bytes, "{t}.{raw body}").
// Any v1 may match any configured secret (Stripe sends one v1 per active endpoint secret while
// a secret is being rolled). v0 and unknown schemes are ignored, never accepted.
//
// Parsing: items are split on ',', whitespace around an item is ignored, empty items are
// skipped; exactly one `t` of digits and at least one `v1` of 64 hex digits are required,
// otherwise Malformed (so a header carrying only v0 or unknown schemes is Malformed).
//
// Order of checks, as in Stripe's own libraries: the signature first, then the timestamp.
// Stale/FutureTimestamp therefore means "correctly signed, but outside the window" (a replay
// or a clock problem); a wrong signature is Mismatch whatever its timestamp. When
// toleranceSecs <= 0 the timestamp is not checked (Stripe's libraries: tolerance 0 disables
// the check).
VerifyResult verifyStripe(const VerifyInput &in);

} // namespace gerbang
