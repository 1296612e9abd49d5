// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcetest/SourceTestReport.h"
#include "sourcetest/TestEventSender.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>

namespace gerbang {

// Follows one test event through a gateway (its audit row, its event, its delivery) until
// every step is judged or the wait is over: gerbangctl source test and the console's "Send
// test event". It sends the event itself (start()), or follows one the gateway sent when an
// admin asked through the admin API (follow()). What the gateway made of it comes from
// `tracer`: the database here, or the admin API.
class SourceProbe : public QObject
{
    Q_OBJECT
public:
    using TraceDone = std::function<void(std::optional<TestEventTrace> trace, QString error)>;
    // `probe`: the probe asking, for callers whose answers come back only to a living
    // receiver.
    using Tracer = std::function<void(QObject *probe, const QString &testId, qint64 sinceMs,
                                      const TraceDone &done)>;

    SourceProbe(TestEventPlan plan, Tracer tracer, QObject *parent = nullptr);

    // How long to follow a stored event towards the sink (default 15 s).
    void setWaitMs(int ms) { m_waitMs = ms; }
    void setTranslate(alerttexts::Translate localize) { m_localize = std::move(localize); }
    // The sender start() uses (to trust the gateway's own certificate).
    TestEventSender &sender() { return m_sender; }

    // Sends `request` to `gateway` and follows it.
    void start(const QUrl &gateway, const SignedRequest &request);
    // Follows a test the gateway sent to `url` and was answered `reply`.
    void follow(const QString &url, const TestReply &reply);
    const SourceTestReport &report() const { return m_report; }

Q_SIGNALS:
    void progressed(); // report() has changed
    void finished();   // report() is settled

private:
    void trace();
    void judge(const std::optional<TestEventTrace> &trace);

    TestEventPlan m_plan;
    Tracer m_tracer;
    int m_waitMs = 15'000;
    alerttexts::Translate m_localize = alerttexts::english;
    TestEventSender m_sender;
    QTimer m_poll;
    QElapsedTimer m_since;
    qint64 m_sentAtMs = 0;
    QString m_url;
    TestReply m_reply;
    SourceTestReport m_report;
    bool m_done = false;
};

} // namespace gerbang
