// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientAddress.h"

namespace gerbang {

QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                           const CidrList &trustedProxies)
{
    QHostAddress current = normalizedAddress(peer);
    if (trustedProxies.isEmpty() || forwardedFor.isEmpty() || !trustedProxies.contains(current))
        return current;
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        QByteArray hop = hops[i].trimmed();
        // "[2001:db8::1]:443" and "203.0.113.7:443" forms carry a port; strip it.
        if (hop.startsWith('[')) {
            const qsizetype close = hop.indexOf(']');
            hop = close > 0 ? hop.mid(1, close - 1) : QByteArray();
        } else if (hop.count(':') == 1) {
            hop = hop.left(hop.indexOf(':'));
        }
        const QHostAddress address(QString::fromLatin1(hop));
        if (address.isNull())
            return current; // malformed: stop at the last hop we can vouch for
        current = normalizedAddress(address);
        if (!trustedProxies.contains(current))
            return current;
    }
    return current;
}

} // namespace gerbang
