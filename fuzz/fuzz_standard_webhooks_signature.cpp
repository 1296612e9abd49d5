// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Standard Webhooks header parser and verifier
#include "FuzzRequest.h"
#include "verify/StandardWebhooksSignature.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<QByteArray> secrets = {"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                                              "whsec_!!not-base64", QByteArray(),
                                              "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"};
    const fuzz::Input in = fuzz::parse(data, size);
    const VerifyResult r =
        verifyStandardWebhooks({in.request, secrets, in.nowSecs, in.toleranceSecs});
    fuzz::checkResult(in, r.matchedSecret, r.diagnostics, secrets,
                      r.status == SignatureStatus::Valid);
    return 0;
}
