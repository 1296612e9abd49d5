// SPDX-License-Identifier: GPL-3.0-or-later
#include "LiveChannel.h"

#include "StatsJson.h"
#include "domain/Clock.h"
#include "http/ResponseStream.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

LiveChannel::LiveChannel(Access access, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LiveChannel::tick);
}

LiveChannel::~LiveChannel() = default;

QString LiveChannel::refusal(const AdminCaller &caller)
{
    std::erase_if(m_subscribers, [](const Subscriber &s) { return !s.stream->isOpen(); });
    if (m_subscribers.size() >= size_t(kMaxSubscribers))
        return u"the live channel has its maximum of %1 subscribers"_s.arg(kMaxSubscribers);
    const auto mine =
        std::count_if(m_subscribers.cbegin(), m_subscribers.cend(),
                      [&](const Subscriber &s) { return s.caller.name == caller.name; });
    if (mine >= kMaxPerToken)
        return u"this token has its maximum of %1 live subscriptions"_s.arg(kMaxPerToken);
    return {};
}

void LiveChannel::subscribe(std::unique_ptr<http::ResponseStream> stream, const AdminCaller &caller)
{
    // At once, so that a client shows figures without waiting for the next tick.
    if (!stream->sendEvent("stats", statsEvent()))
        return;
    m_subscribers.push_back({std::move(stream), caller});
    if (!m_timer.isActive())
        m_timer.start();
}

void LiveChannel::publishAlert(const AlertInfo &alert)
{
    publish("alert", compact(alertJson(alert)));
}

void LiveChannel::publishConfiguration(qint64 revision)
{
    publish("configuration", compact(QJsonObject{{u"revision"_s, revision}}));
}

void LiveChannel::tick()
{
    const auto directory = m_access.directory();
    const QList<AdminToken> tokens = directory ? directory->adminTokens : QList<AdminToken>{};
    const qint64 now = nowMs();
    std::erase_if(m_subscribers, [&](const Subscriber &s) {
        return !s.stream->isOpen() || !stillAuthorized(s.caller, tokens, now);
    });
    if (m_subscribers.empty()) {
        m_timer.stop();
        return;
    }
    publish("stats", statsEvent());
}

void LiveChannel::publish(QByteArrayView name, const QByteArray &data)
{
    std::erase_if(m_subscribers,
                  [&](const Subscriber &s) { return !s.stream->sendEvent(name, data); });
}

QByteArray LiveChannel::statsEvent() const
{
    return compact(statsJson(m_access.stats()));
}

} // namespace gerbang
