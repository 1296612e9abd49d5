// SPDX-License-Identifier: GPL-3.0-or-later
#include "Verification.h"

namespace gerbang {

QByteArrayView signatureStatusName(SignatureStatus s)
{
    switch (s) {
    case SignatureStatus::Valid:
        return "valid";
    case SignatureStatus::Missing:
        return "missing";
    case SignatureStatus::Malformed:
        return "malformed";
    case SignatureStatus::Mismatch:
        return "mismatch";
    case SignatureStatus::StaleTimestamp:
        return "stale_timestamp";
    case SignatureStatus::FutureTimestamp:
        return "future_timestamp";
    case SignatureStatus::NotApplicable:
        return "not_applicable";
    }
    return "unknown";
}

} // namespace gerbang
