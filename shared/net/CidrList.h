// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace gerbang {

// A list of IPv4 and IPv6 networks ("203.0.113.0/24", "2001:db8::/32", or single addresses).
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) match their IPv4 networks.
class CidrList
{
public:
    // Parses entries separated by commas, whitespace or newlines; '#' starts a comment (so a
    // file of one network per line, with comments, parses as is). Problems name the bad entry.
    static CidrList parse(const QString &text, QStringList *problems);
    static CidrList fromFile(const QString &path, QStringList *problems);

    bool isEmpty() const { return m_networks.isEmpty(); }
    qsizetype size() const { return m_networks.size(); }
    bool contains(const QHostAddress &address) const;
    QStringList toStrings() const;

private:
    QList<QPair<QHostAddress, int>> m_networks;
};

// The canonical text of an address: IPv4-mapped IPv6 shown as IPv4.
QHostAddress normalizedAddress(const QHostAddress &address);

// The network one client is taken to control, as a hash key: an IPv4 address, or an IPv6
// /64 (the smallest block a provider hands one customer; keyed per /128, one host could
// count as 2^64 clients). Per-client limits count by this key.
QByteArray clientNetworkKey(const QHostAddress &address);
// The key for logs and tables: "203.0.113.7" or "2001:db8:1:2::/64".
QString clientNetworkText(const QByteArray &key);

} // namespace gerbang
