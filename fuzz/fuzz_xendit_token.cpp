// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Xendit x-callback-token check
#include "FuzzRequest.h"
#include "verify/XenditToken.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<QByteArray> secrets = {"xnd_fake_callback_token_0123456789abcdef",
                                              QByteArray()};
    const fuzz::Input in = fuzz::parse(data, size);
    const VerifyResult r = verifyXendit({in.request, secrets, in.nowSecs, in.toleranceSecs});
    fuzz::checkResult(in, r.matchedSecret, r.diagnostics, secrets,
                      r.status == SignatureStatus::Valid);
    return 0;
}
