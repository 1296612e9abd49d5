// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the X-Forwarded-For walk behind trusted proxies
#include "edge/ClientAddress.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const CidrList trusted = [] {
        QStringList problems;
        return CidrList::parse(QStringLiteral("127.0.0.0/8 10.0.0.0/8 ::1 fd00::/8"), &problems);
    }();
    const QByteArray header(reinterpret_cast<const char *>(data), qsizetype(size));
    const QHostAddress peer(QStringLiteral("127.0.0.1"));
    const QHostAddress client = clientAddress(peer, header, trusted);
    if (client.isNull())
        abort(); // never "no address": at worst the peer itself
    // From an untrusted peer the header is never believed.
    const QHostAddress outsider(QStringLiteral("198.51.100.1"));
    if (clientAddress(outsider, header, trusted) != outsider)
        abort();
    return 0;
}
