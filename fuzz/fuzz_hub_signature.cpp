// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: Meta's X-Hub-Signature-256 parser and verifier
#include "FuzzRequest.h"
#include "whatsapp/HubSignature.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<QByteArray> secrets = {"test-app-secret-0123456789abcdef",
                                              "It's a Secret to Everybody"};
    const fuzz::Input in = fuzz::parse(data, size);
    const SignatureStatus s =
        verifyHubSignature(in.request.header("x-hub-signature-256"), in.request.body, secrets);
    if (s == SignatureStatus::StaleTimestamp || s == SignatureStatus::FutureTimestamp)
        abort(); // the scheme has no timestamp
    return 0;
}
