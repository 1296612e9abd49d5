// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/AdminTokenRepository.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <optional>

namespace gerbang {

// Who called the admin API.
struct AdminCaller
{
    QString name; // the token's name: the actor in audit rows
    AdminRole role = AdminRole::Viewer;
    qint64 expiresAtMs = 0;
    QByteArray tokenSha256; // which token: a long-lived request (the live channel) re-checks it
};

// Checks "Authorization: Bearer TOKEN" against the tokens of the current configuration: the
// presented token's SHA-256 is compared with every stored digest in constant time, with no
// early exit, so neither timing nor the answer tells whether a name or a prefix exists.
// An expired token is refused like an unknown one.
std::optional<AdminCaller> authenticateAdmin(QByteArrayView authorization,
                                             const QList<AdminToken> &tokens, qint64 nowMs);

// Whether the token `caller` authenticated with still exists and has not expired.
bool stillAuthorized(const AdminCaller &caller, const QList<AdminToken> &tokens, qint64 nowMs);

// Failed authentications per client network (an IPv4 address, an IPv6 /64): after `limit`
// failures within `windowMs`, the network is refused (429) until the window has passed. A
// guessing client is slowed down without slowing anyone else. Bounded: the oldest entries go
// first when the table is full.
class AuthFailureLimiter
{
public:
    AuthFailureLimiter(int limit, qint64 windowMs)
        : m_limit(limit)
        , m_windowMs(windowMs)
    {
    }

    // Seconds until `client` may try again, or 0 when it may now.
    int blockedForSecs(const QHostAddress &client, qint64 nowMs);
    // Counts a failure; true when this one started a block (audit it once).
    bool failed(const QHostAddress &client, qint64 nowMs);

private:
    struct Entry
    {
        qint64 windowStartMs = 0;
        int failures = 0;
    };
    const int m_limit;
    const qint64 m_windowMs;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace gerbang
