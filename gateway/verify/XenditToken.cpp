// SPDX-License-Identifier: GPL-3.0-or-later
#include "XenditToken.h"

#include "GenericSignature.h"

using namespace Qt::StringLiterals;

namespace gerbang {

VerifyResult verifyXendit(const VerifyInput &in)
{
    constexpr QByteArrayView name = "x-callback-token";
    VerifyResult r;
    r.diagnostics = requestDiagnostics(in.request, "xendit", name);
    r.diagnostics.insert(u"body_integrity"_s, false);
    const QByteArray token = in.request.header(name).trimmed();
    if (token.isEmpty()) {
        r.status = SignatureStatus::Missing;
        return r;
    }
    if (in.request.headerCount(name) > 1) {
        r.status = SignatureStatus::Malformed;
        r.diagnostics.insert(u"reason"_s, u"repeated_header"_s);
        return r;
    }
    // The token is the secret itself: compare it, never a value derived from the request.
    r.matchedSecret = matchSecrets(in.secrets, {token}, [](const QByteArray &s) { return s; });
    r.status = r.matchedSecret >= 0 ? SignatureStatus::Valid : SignatureStatus::Mismatch;
    return r;
}

} // namespace gerbang
