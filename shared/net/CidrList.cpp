// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/CidrList.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gerbang {

QHostAddress normalizedAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

CidrList CidrList::parse(const QString &text, QStringList *problems)
{
    CidrList list;
    static const QRegularExpression separators(u"[\\s,]+"_s);
    for (QString line : text.split(u'\n')) {
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        for (const QString &entry : line.split(separators, Qt::SkipEmptyParts)) {
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
