// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminAuth.h"

#include "crypto/Crypto.h"
#include "net/CidrList.h"

#include <algorithm>

namespace gerbang {
namespace {

constexpr int kMaxEntries = 10000;

} // namespace

std::optional<AdminCaller> authenticateAdmin(QByteArrayView authorization,
                                             const QList<AdminToken> &tokens, qint64 nowMs)
{
    constexpr QByteArrayView scheme = "Bearer ";
    if (!authorization.startsWith(scheme) || authorization.size() > 512)
        return std::nullopt;
    const QByteArrayView token = authorization.sliced(scheme.size()).trimmed();
    if (token.isEmpty())
        return std::nullopt;
    const QByteArray digest = AdminTokenRepository::digestOf(token);
    const AdminToken *match = nullptr;
    for (const AdminToken &t : tokens) {
        if (crypto::constantTimeEquals(digest, t.sha256) && !match)
            match = &t;
    }
    if (!match || match->expiredAt(nowMs))
        return std::nullopt;
    return AdminCaller{match->name, match->role, match->expiresAtMs, match->sha256};
}

bool stillAuthorized(const AdminCaller &caller, const QList<AdminToken> &tokens, qint64 nowMs)
{
    return std::any_of(tokens.cbegin(), tokens.cend(), [&](const AdminToken &t) {
        return t.sha256 == caller.tokenSha256 && t.role == caller.role && !t.expiredAt(nowMs);
    });
}

int AuthFailureLimiter::blockedForSecs(const QHostAddress &client, qint64 nowMs)
{
    const auto it = m_entries.constFind(clientNetworkKey(client));
    if (it == m_entries.constEnd() || it->failures < m_limit)
        return 0;
    const qint64 left = it->windowStartMs + m_windowMs - nowMs;
    return left > 0 ? int((left + 999) / 1000) : 0;
}

bool AuthFailureLimiter::failed(const QHostAddress &client, qint64 nowMs)
{
    const QByteArray key = clientNetworkKey(client);
    if (m_entries.size() >= kMaxEntries && !m_entries.contains(key)) {
        // Drop the windows that have passed; if none has, the oldest one.
        for (auto it = m_entries.begin(); it != m_entries.end();)
            it = nowMs - it->windowStartMs >= m_windowMs ? m_entries.erase(it) : std::next(it);
        if (m_entries.size() >= kMaxEntries) {
            auto oldest = m_entries.begin();
            for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
                oldest = it->windowStartMs < oldest->windowStartMs ? it : oldest;
            m_entries.erase(oldest);
        }
    }
    Entry &e = m_entries[key];
    if (nowMs - e.windowStartMs >= m_windowMs)
        e = Entry{nowMs, 0};
    e.failures += 1;
    return e.failures == m_limit;
}

} // namespace gerbang
