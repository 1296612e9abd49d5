// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/CidrList.h"

#include <QFile>
#include <QRegularExpression>
#include <QtEndian>
#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace gerbang {

QHostAddress normalizedAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

QByteArray clientNetworkKey(const QHostAddress &address)
{
    const QHostAddress a = normalizedAddress(address);
    if (a.protocol() == QAbstractSocket::IPv4Protocol) {
        // Network byte order, so that a prefix of the key is a prefix of the address.
        const quint32 v4 = qToBigEndian(a.toIPv4Address());
        return QByteArray(reinterpret_cast<const char *>(&v4), sizeof v4);
    }
    const Q_IPV6ADDR v6 = a.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8);
}

QString clientNetworkText(const QByteArray &key)
{
    if (key.size() == 4) {
        quint32 v4 = 0;
        std::memcpy(&v4, key.constData(), sizeof v4);
        return QHostAddress(qFromBigEndian(v4)).toString();
    }
    Q_IPV6ADDR v6{};
    std::memcpy(v6.c, key.constData(), std::min<size_t>(size_t(key.size()), sizeof v6.c));
    return QHostAddress(v6).toString() + u"/64"_s;
}

CidrList CidrList::parse(const QString &text, QStringList *problems)
{
    CidrList list;
    static const QRegularExpression separators(u"[\\s,]+"_s);
    for (QString line : text.split(u'\n')) {
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        for (const QString &entry : line.split(separators, Qt::SkipEmptyParts)) {
            // Strict syntax first: QHostAddress also takes inet_aton short forms ("10.1" is
            // 10.0.0.1) and stops at odd characters, which in an allowlist hide typos.
            static const QRegularExpression ipv4Syntax(u"^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$"_s);
            static const QRegularExpression ipv6Syntax(u"^[0-9A-Fa-f:.]+(/\\d{1,3})?$"_s);
            if (!(entry.contains(u':') ? ipv6Syntax : ipv4Syntax).match(entry).hasMatch()) {
                problems->append(
                    u"'%1' is not an IP address or CIDR network"_s.arg(entry.left(80)));
                continue;
            }
            // QHostAddress::parseSubnet accepts "a.b.c.d" with an implied /32 and also
            // netmask forms; require either a bare address or address/prefix.
            const auto subnet =
                QHostAddress::parseSubnet(entry.contains(u'/')   ? entry
                                          : entry.contains(u':') ? entry + u"/128"_s
                                                                 : entry + u"/32"_s);
            if (subnet.first.isNull() || subnet.second < 0) {
                problems->append(
                    u"'%1' is not an IP address or CIDR network"_s.arg(entry.left(80)));
                continue;
            }
            // Addresses are compared in their IPv4 form (normalizedAddress), so an IPv4-mapped
            // network ("::ffff:192.0.2.0/120") is kept as the IPv4 network it means.
            bool isV4 = false;
            const quint32 v4 = subnet.first.toIPv4Address(&isV4);
            if (isV4 && subnet.first.protocol() == QAbstractSocket::IPv6Protocol) {
                if (subnet.second < 96) {
                    problems->append(
                        u"'%1' mixes IPv4-mapped and IPv6 space"_s.arg(entry.left(80)));
                    continue;
                }
                const int prefix = subnet.second - 96;
                const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
                list.m_networks.append({QHostAddress(v4 & mask), prefix});
                continue;
            }
            list.m_networks.append(subnet);
        }
    }
    return list;
}

CidrList CidrList::fromFile(const QString &path, QStringList *problems)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        problems->append(u"cannot read %1: %2"_s.arg(path, f.errorString()));
        return {};
    }
    return parse(QString::fromUtf8(f.readAll()), problems);
}

bool CidrList::contains(const QHostAddress &address) const
{
    const QHostAddress a = normalizedAddress(address);
    for (const auto &net : m_networks) {
        if (a.isInSubnet(net))
            return true;
    }
    return false;
}

QStringList CidrList::toStrings() const
{
    QStringList out;
    for (const auto &net : m_networks)
        out << net.first.toString() + u'/' + QString::number(net.second);
    return out;
}

} // namespace gerbang
