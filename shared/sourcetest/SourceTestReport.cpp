// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceTestReport.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// Each text is marked where it is used (lupdate does not expand macros); context "SourceTest".
class Judge
{
public:
    Judge(SourceTestReport &report, const alerttexts::Translate &localize)
        : m_report(report)
        , m_localize(localize)
    {
        for (const auto &step : allOf<TestStep>())
            m_report.steps.append({step.value, StepState::Skipped, {}});
    }
    QString text(const char *source) const { return m_localize(source); }
    void set(TestStep step, StepState state, QString detail)
    {
        TestStepResult &r = m_report.steps[qsizetype(step)];
        r.state = state;
        r.detail = std::move(detail);
        if (state == StepState::Failed)
            m_report.settled = true;
    }
    void passedUpTo(TestStep last, const TestEventPlan &plan, const TestReply &reply,
                    const std::optional<TestEventTrace> &trace)
    {
        set(TestStep::Reached, StepState::Passed,
            text(QT_TRANSLATE_NOOP("SourceTest", "The gateway answered HTTP %1."))
                .arg(reply.status));
        if (last == TestStep::Reached)
            return;
        set(TestStep::SignatureVerified, StepState::Passed,
            text(QT_TRANSLATE_NOOP("SourceTest",
                                   "The signature was verified with the secret the gateway "
                                   "holds for '%1'."))
                .arg(plan.source));
        if (last == TestStep::SignatureVerified)
            return;
        const QString tenant = trace && !trace->tenant.isEmpty() ? trace->tenant : plan.tenant;
        set(TestStep::Routed, StepState::Passed,
            text(QT_TRANSLATE_NOOP("SourceTest", "Routed to tenant '%1'.")).arg(tenant));
        if (last == TestStep::Routed)
            return;
        set(TestStep::Stored, StepState::Passed,
            trace && !trace->eventId.isEmpty()
                ? text(QT_TRANSLATE_NOOP("SourceTest", "Stored as event %1 before the 200."))
                      .arg(trace->eventId)
                : text(QT_TRANSLATE_NOOP("SourceTest", "Stored before the 200.")));
    }

private:
    SourceTestReport &m_report;
    const alerttexts::Translate &m_localize;
};

void judgeDelivery(Judge &j, SourceTestReport &report, const TestEventPlan &plan,
                   const std::optional<TestEventTrace> &trace, bool final)
{
    const auto queued = [&](QString why) {
        j.set(TestStep::Delivered, StepState::Queued, std::move(why));
        report.settled = true;
    };
    const QString state = trace ? trace->deliveryState : QString();
    if (state == wireName(DeliveryState::Delivered)) {
        j.set(TestStep::Delivered, StepState::Passed,
              j.text(QT_TRANSLATE_NOOP("SourceTest", "Delivered to the sink (HTTP %1)."))
                  .arg(trace->lastStatus));
        report.settled = true;
    } else if (state == wireName(DeliveryState::Dead)) {
        j.set(TestStep::Delivered, StepState::Failed,
              j.text(QT_TRANSLATE_NOOP("SourceTest",
                                       "The sink never took it and it became a dead letter "
                                       "after %1 attempts: %2"))
                  .arg(trace->attempts)
                  .arg(trace->lastError));
    } else if (trace && trace->attempts > 0) {
        j.set(TestStep::Delivered, StepState::Failed,
              j.text(QT_TRANSLATE_NOOP("SourceTest",
                                       "The sink did not take it (%1). It stays queued and is "
                                       "retried; check that the core system is up and "
                                       "sink/url points at it."))
                  .arg(trace->lastError.isEmpty() ? u"HTTP %1"_s.arg(trace->lastStatus)
                                                  : trace->lastError));
    } else if (!plan.sinkConfigured) {
        queued(j.text(QT_TRANSLATE_NOOP("SourceTest",
                                        "Queued: no sink is configured (sink/url), so events "
                                        "wait in the outbox.")));
    } else if (final) {
        queued(j.text(QT_TRANSLATE_NOOP("SourceTest",
                                        "Queued: the sink has not been tried yet; the event "
                                        "waits in the outbox.")));
    }
}

} // namespace

std::optional<TestEventPlan> TestEventPlan::fromJson(const QJsonObject &o)
{
    TestEventPlan p;
    p.testId = o.value(u"test_id"_s).toString();
    p.source = o.value(u"source"_s).toString();
    const auto provider = fromWire<Provider>(o.value(u"provider"_s).toString());
    if (p.testId.isEmpty() || !provider)
        return std::nullopt;
    p.provider = *provider;
    p.tenant = o.value(u"tenant"_s).toString();
    p.tenantEnabled = o.value(u"tenant_enabled"_s).toBool(true);
    p.routedBy = o.value(u"routed_by"_s).toString();
    p.sinkConfigured = o.value(u"sink_configured"_s).toBool();
    return p;
}

QJsonObject TestEventPlan::toJson() const
{
    return {{u"test_id"_s, testId},
            {u"source"_s, source},
            {u"provider"_s, wire(provider)},
            {u"tenant"_s, tenant},
            {u"tenant_enabled"_s, tenantEnabled},
            {u"routed_by"_s, routedBy},
            {u"sink_configured"_s, sinkConfigured}};
}

QJsonObject TestReply::toJson() const
{
    return {{u"answered"_s, answered},
            {u"status"_s, status},
            {u"status_word"_s, replyStatus},
            {u"network_error"_s, networkError}};
}

TestReply TestReply::fromJson(const QJsonObject &o)
{
    TestReply r;
    r.answered = o.value(u"answered"_s).toBool();
    r.status = o.value(u"status"_s).toInt();
    r.replyStatus = o.value(u"status_word"_s).toString();
    r.networkError = o.value(u"network_error"_s).toString();
    return r;
}

bool SourceTestReport::passed() const
{
    return !failedStep() && steps.size() == qsizetype(allOf<TestStep>().size()) &&
           steps.constLast().state != StepState::Skipped;
}

std::optional<TestStep> SourceTestReport::failedStep() const
{
    for (const TestStepResult &s : steps) {
        if (s.state == StepState::Failed)
            return s.step;
    }
    return std::nullopt;
}

QJsonObject SourceTestReport::toJson() const
{
    QJsonArray list;
    for (const TestStepResult &s : steps)
        list.append(QJsonObject{
            {u"step"_s, wire(s.step)}, {u"state"_s, wire(s.state)}, {u"detail"_s, s.detail}});
    const std::optional<TestStep> failed = failedStep();
    return {{u"test_id"_s, testId},
            {u"source"_s, source},
            {u"url"_s, url},
            {u"passed"_s, passed()},
            {u"failed_step"_s, failed ? QJsonValue(wire(*failed)) : QJsonValue()},
            {u"steps"_s, list}};
}

SourceTestReport SourceTestReport::judge(const TestEventPlan &plan, const QString &url,
                                         const TestReply &reply,
                                         const std::optional<TestEventTrace> &trace, bool final,
                                         const alerttexts::Translate &localize)
{
    SourceTestReport report;
    report.testId = plan.testId;
    report.source = plan.source;
    report.url = url;
    Judge j(report, localize);
    if (!reply.answered) {
        j.set(TestStep::Reached, StepState::Failed,
              j.text(QT_TRANSLATE_NOOP("SourceTest",
                                       "No gateway answered at %1 (%2). Is gerbangd running "
                                       "(systemctl status gerbangd) and listening there?"))
                  .arg(url, reply.networkError));
        return report;
    }
    const int status = reply.status;
    // The reply's "status" (200) or "error" word: the outcome's wire name where there is one,
    // else the error code (invalid_signature).
    const QString word = reply.replyStatus;
    if (status == 403 || status == 429) {
        j.set(
            TestStep::Reached, StepState::Failed,
            status == 403
                ? j.text(QT_TRANSLATE_NOOP("SourceTest", "The gateway refused the address the test "
                                                         "came from (403): the source's or every "
                                                         "source's allowlist leaves it out."))
                : j.text(QT_TRANSLATE_NOOP("SourceTest", "The gateway's rate limit refused the "
                                                         "test (429); try again shortly.")));
    } else if (status == 404) {
        j.passedUpTo(TestStep::Reached, plan, reply, trace);
        j.set(TestStep::Routed, StepState::Failed,
              !plan.tenantEnabled
                  ? j.text(QT_TRANSLATE_NOOP("SourceTest",
                                             "Tenant '%1' is disabled, so the gateway does not "
                                             "serve this source's route (404). Enable the "
                                             "tenant to receive its events."))
                        .arg(plan.tenant)
                  : j.text(QT_TRANSLATE_NOOP("SourceTest",
                                             "The gateway does not serve this route (404 %1): "
                                             "it does not know the source. Was it removed, or "
                                             "does the gateway use another database?"))
                        .arg(word));
    } else if (status == 503 && word == wireName(Outcome::NotConfigured)) {
        j.passedUpTo(TestStep::Reached, plan, reply, trace);
        j.set(TestStep::SignatureVerified, StepState::Failed,
              j.text(QT_TRANSLATE_NOOP("SourceTest",
                                       "The gateway holds no secret for '%1' and refuses its "
                                       "events (503). Set it: gerbangctl secret set %1"))
                  .arg(plan.source));
    } else if (word == u"invalid_signature"_s ||
               (trace && trace->outcome == wireName(Outcome::Rejected))) {
        j.passedUpTo(TestStep::Reached, plan, reply, trace);
        j.set(TestStep::SignatureVerified, StepState::Failed,
              j.text(QT_TRANSLATE_NOOP("SourceTest",
                                       "The gateway refused the signature (HTTP %1): the "
                                       "secret it holds for '%2' is not the one this test was "
                                       "signed with (one set in its environment?)."))
                  .arg(status)
                  .arg(plan.source));
    } else if (status == 200 &&
               (word == wireName(Outcome::UnknownTenant) || word == wireName(Outcome::Empty))) {
        j.passedUpTo(TestStep::SignatureVerified, plan, reply, trace);
        j.set(TestStep::Routed, StepState::Failed,
              j.text(QT_TRANSLATE_NOOP("SourceTest",
                                       "No enabled tenant is mapped to %1: the gateway answered "
                                       "200 and stored nothing. Map it on the Tenants page (or "
                                       "gerbangctl tenant update)."))
                  .arg(plan.routedBy));
    } else if (status == 200 &&
               (word == wireName(Outcome::Accepted) || word == wireName(Outcome::Duplicate))) {
        j.passedUpTo(TestStep::Stored, plan, reply, trace);
        judgeDelivery(j, report, plan, trace, final);
    } else if (status == 503) {
        j.passedUpTo(TestStep::Routed, plan, reply, trace);
        j.set(TestStep::Stored, StepState::Failed,
              j.text(QT_TRANSLATE_NOOP("SourceTest",
                                       "The gateway could not store the event (503 %1): its "
                                       "database is failing or its queue is full."))
                  .arg(word));
    } else {
        j.passedUpTo(TestStep::SignatureVerified, plan, reply, trace);
        j.set(TestStep::Routed, StepState::Failed,
              j.text(QT_TRANSLATE_NOOP("SourceTest",
                                       "The gateway did not take the event (HTTP %1 %2)."))
                  .arg(status)
                  .arg(word));
    }
    if (final)
        report.settled = true;
    return report;
}

} // namespace gerbang
