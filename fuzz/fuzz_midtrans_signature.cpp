// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Midtrans signature_key verifier (JSON body)
#include "FuzzRequest.h"
#include "verify/MidtransSignature.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<QByteArray> secrets = {QByteArray(), "SB-Mid-server-FAKEFAKEFAKEFAKEFAKE"};
    const fuzz::Input in = fuzz::parse(data, size);
    const VerifyResult r = verifyMidtrans({in.request, secrets, in.nowSecs, in.toleranceSecs});
    fuzz::checkResult(in, r.matchedSecret, r.diagnostics, secrets,
                      r.status == SignatureStatus::Valid);
    return 0;
}
