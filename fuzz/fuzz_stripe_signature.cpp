// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Stripe-Signature header parser and verifier
#include "FuzzRequest.h"
#include "verify/StripeSignature.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<QByteArray> secrets = {"whsec_test_FAKEsecret0123456789", QByteArray(),
                                              "whsec_test_OLDsecret9876543210"};
    const fuzz::Input in = fuzz::parse(data, size);
    const VerifyResult r = verifyStripe({in.request, secrets, in.nowSecs, in.toleranceSecs});
    fuzz::checkResult(in, r.matchedSecret, r.diagnostics, secrets,
                      r.status == SignatureStatus::Valid);
    return 0;
}
