// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/Verification.h"

namespace gerbang {

// Midtrans HTTP notifications carry their signature in the JSON body:
// `signature_key` = hex SHA-512(order_id + status_code + gross_amount + server key).
//
// The three fields are used exactly as Midtrans sent them, as JSON strings. A number in their
// place (e.g. `"gross_amount": 100000.00`) is Malformed rather than reformatted: a number has
// lost the spelling Midtrans hashed ("100000.00" vs "100000"), so any reformatting would be a
// guess. Missing `signature_key` → Missing; a missing field, non-string value, or a signature
// that is not 128 hex digits → Malformed; otherwise each server key is tried (constant time,
// no early exit). Midtrans signs no timestamp: there is no replay window to check.
VerifyResult verifyMidtrans(const VerifyInput &in);

} // namespace gerbang
