// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminAuth.h"
#include "Directory.h"
#include "Stats.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

namespace gerbang {

namespace http {
class ResponseStream;
}

// GET /admin/v1/live: server-sent events to every subscribed admin client. "stats" carries
// the statistics snapshot once a second (the first one at once), "alert" an alert as it fires,
// "configuration" the new revision when tenants, sources, secrets, allowlists or tokens
// changed. Server-sent events rather than WebSocket: the channel only pushes (commands are
// ordinary requests), so it stays one more response of the same HTTP front, with the same
// limits, TLS, Bearer token and audit, and no second protocol to parse and harden.
//
// A subscriber whose token was revoked or expired is dropped at the next tick; one that stops
// reading is dropped by its connection (HttpConnection::kMaxUnsentStreamBytes). The snapshot
// is serialized once per tick, whatever the number of subscribers.
class LiveChannel : public QObject
{
public:
    struct Access
    {
        std::function<std::shared_ptr<const Directory>()> directory;
        std::function<StatsSnapshot()> stats;
    };
    static constexpr int kMaxSubscribers = 32;
    // Per token, so that one token (a script gone wrong, a stolen viewer token) cannot take
    // every place from the consoles.
    static constexpr int kMaxPerToken = 8;
    static constexpr int kIntervalMs = 1000;

    explicit LiveChannel(Access access, QObject *parent = nullptr);
    ~LiveChannel() override;

    // Why `caller` may not subscribe now (after forgetting those whose clients went away), or
    // an empty string.
    QString refusal(const AdminCaller &caller);
    int subscribers() const { return int(m_subscribers.size()); }
    void subscribe(std::unique_ptr<http::ResponseStream> stream, const AdminCaller &caller);
    void publishAlert(const AlertInfo &alert);
    void publishConfiguration(qint64 revision);

private:
    void tick();
    void publish(QByteArrayView name, const QByteArray &data);
    QByteArray statsEvent() const;

    struct Subscriber
    {
        std::unique_ptr<http::ResponseStream> stream;
        AdminCaller caller;
    };
    Access m_access;
    std::vector<Subscriber> m_subscribers;
    QTimer m_timer; // runs only while somebody listens
};

} // namespace gerbang
