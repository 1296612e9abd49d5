// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceProbe.h"

#include "domain/Clock.h"

#include <QDebug>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {
constexpr int kPollMs = 250;
// The audit row's time is the gateway's clock: some slack for two machines' clocks.
constexpr qint64 kClockSlackMs = 120'000;
} // namespace

SourceProbe::SourceProbe(TestEventPlan plan, Tracer tracer, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_tracer(std::move(tracer))
{
    m_poll.setSingleShot(true);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &SourceProbe::trace);
}

void SourceProbe::start(const QUrl &gateway, const SignedRequest &request)
{
    m_url = TestEventSender::target(gateway, request).toString();
    m_sentAtMs = nowMs();
    m_since.start();
    m_sender.send(gateway, request, [this](const TestReply &reply) {
        m_reply = reply;
        if (m_reply.answered)
            trace();
        else
            judge(std::nullopt);
    });
}

void SourceProbe::follow(const QString &url, const TestReply &reply)
{
    m_url = url;
    m_sentAtMs = nowMs();
    m_since.start();
    m_reply = reply;
    if (m_reply.answered)
        trace();
    else
        judge(std::nullopt);
}

void SourceProbe::trace()
{
    m_tracer(this, m_plan.testId, m_sentAtMs - kClockSlackMs,
             [this](const std::optional<TestEventTrace> &t, const QString &error) {
                 if (!t)
                     qWarning().noquote() << "source test: cannot follow the event:" << error;
                 judge(t);
             });
}

void SourceProbe::judge(const std::optional<TestEventTrace> &trace)
{
    if (m_done)
        return;
    const bool final = !m_reply.answered || m_since.elapsed() >= m_waitMs;
    m_report = SourceTestReport::judge(m_plan, m_url, m_reply, trace, final, m_localize);
    Q_EMIT progressed();
    if (m_report.settled) {
        m_done = true;
        Q_EMIT finished();
        return;
    }
    m_poll.start();
}

} // namespace gerbang
