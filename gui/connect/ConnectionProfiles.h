// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace gerbang {

// A saved way to reach a gateway: a name, the admin API's address and the certificate pinned
// on first use. The token is not here: it lives in the OS keyring (TokenKeyring).
struct ConnectionProfile
{
    QString name;
    QUrl url;
    QString pin; // the admin certificate's SHA-256 (lower-case hex); empty until trusted
};

// The profiles in the console's preferences (QSettings), and which one the console used last
// (empty: the gateway on this computer), so that the console reopens it on start.
class ConnectionProfiles
{
public:
    static QList<ConnectionProfile> all();
    static std::optional<ConnectionProfile> named(const QString &name);
    static std::optional<ConnectionProfile> forUrl(const QUrl &url);
    // Adds or replaces the profile of that name.
    static void save(const ConnectionProfile &profile);
    static void remove(const QString &name);
    static QString last();
    static void setLast(const QString &name);
    // The name a profile made from an address gets: "host:port".
    static QString nameFor(const QUrl &url);
    // An admin API address as typed ("gw.firm.local:8443", "https://10.0.0.5:8443"): https
    // unless said otherwise; null when it is not an address.
    static QUrl parseAddress(const QString &text);
};

} // namespace gerbang
