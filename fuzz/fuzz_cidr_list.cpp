// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the allowlist / trusted-proxy CIDR parser and membership test
#include "net/CidrList.h"

#include <QStringList>

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList problems;
    const CidrList list = CidrList::parse(text, &problems);
    // Whatever parsed must round-trip: its own text parses again, to the same networks.
    QStringList again;
    const CidrList reparsed = CidrList::parse(list.toStrings().join(u'\n'), &again);
    if (!again.isEmpty() || reparsed.toStrings() != list.toStrings())
        abort();
    for (const QString &net : list.toStrings()) {
        const QHostAddress base(net.section(u'/', 0, 0));
        if (!list.contains(base))
            abort(); // a network contains its own base address
    }
    return 0;
}
