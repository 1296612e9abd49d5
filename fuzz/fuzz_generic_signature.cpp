// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the generic X-Webhook-Signature / X-Hub-Signature-256 verifier
#include "FuzzRequest.h"
#include "verify/GenericSignature.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<QByteArray> secrets = {"It's a Secret to Everybody", QByteArray(),
                                              "test-app-secret-0123456789abcdef"};
    const fuzz::Input in = fuzz::parse(data, size);
    const VerifyResult r = verifyGeneric({in.request, secrets, in.nowSecs, in.toleranceSecs});
    fuzz::checkResult(in, r.matchedSecret, r.diagnostics, secrets,
                      r.status == SignatureStatus::Valid);
    return 0;
}
