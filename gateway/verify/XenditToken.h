// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/Verification.h"

namespace gerbang {

// Xendit's `x-callback-token`: a static verification token compared in constant time with each
// configured token. It authenticates the sender but says nothing about the body (anyone on the
// path who sees one callback can replay the token with another body), so the diagnostics carry
// `"body_integrity": false` and TLS is what protects the body.
VerifyResult verifyXendit(const VerifyInput &in);

} // namespace gerbang
