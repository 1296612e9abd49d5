// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AlertTexts.h"
#include "domain/Vocabulary.h"
#include "sourcetest/TestEventTrace.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace gerbang {

// What is known about a test before it is sent (AdminService::prepareTestEvent's result).
struct TestEventPlan
{
    QString testId;
    QString source; // a source's name, or "whatsapp" / "whatsapp:APP"
    Provider provider = Provider::WhatsApp;
    QString tenant;            // the tenant the event should reach (empty: WhatsApp, by route)
    bool tenantEnabled = true; //
    QString routedBy;          // e.g. "WABA 100000000000001", "source stripe-acme"
    bool sinkConfigured = false;

    static std::optional<TestEventPlan> fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

// The gateway's answer to the test request.
struct TestReply
{
    bool answered = false;
    QString networkError; // why not
    int status = 0;
    QString replyStatus; // the "status" of the JSON body: accepted, duplicate, unknown_tenant, ...

    // {"answered", "status", "status_word", "network_error"}: the admin API's answer when the
    // gateway sent the test itself.
    QJsonObject toJson() const;
    static TestReply fromJson(const QJsonObject &o);
};

struct TestStepResult
{
    TestStep step = TestStep::Reached;
    StepState state = StepState::Skipped;
    QString detail; // in the reader's language
};

// Each step of one test event, judged from the plan, the reply and the gateway's trace.
struct SourceTestReport
{
    QString testId;
    QString source;
    QString url;
    QList<TestStepResult> steps; // one per TestStep, in order
    // Nothing more will change: a step failed, or delivery ended (delivered or given up).
    bool settled = false;

    bool passed() const;
    // The first failed step, if any.
    std::optional<TestStep> failedStep() const;
    // {"test_id", "source", "url", "passed", "failed_step", "steps": [{"step", "state",
    // "detail"}]}: gerbangctl source test --json.
    QJsonObject toJson() const;

    // `final`: the last look (the wait is over), so an event still waiting is "queued".
    static SourceTestReport judge(const TestEventPlan &plan, const QString &url,
                                  const TestReply &reply,
                                  const std::optional<TestEventTrace> &trace, bool final,
                                  const alerttexts::Translate &localize = alerttexts::english);
};

} // namespace gerbang
