// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl source test NAME: a signed test event through the gateway's public route, each
// step reported (issue 19).
#include "Cli.h"
#include "Output.h"
#include "config/InstallationId.h"
#include "crypto/Crypto.h"
#include "domain/Clock.h"
#include "sourcetest/SourceProbe.h"
#include "storage/GatewayRepository.h"

#include <QEventLoop>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {

// Where this data directory's gateway takes webhooks, as it bound them: its heartbeat says
// (the address it bound), else its configuration (it never ran, or not here).
QUrl gatewayListenUrl(Invocation &inv)
{
    if (inv.isSet(u"url"_s))
        return QUrl(inv.value(u"url"_s));
    const QString id = existingInstallationId(inv.dataDir());
    QString error;
    for (const GatewayBeat &beat : GatewayRepository(inv.database()).all(&error)) {
        if (!id.isEmpty() && beat.id == id && !beat.webhookUrl.isEmpty())
            return QUrl(beat.webhookUrl);
    }
    return TestEventSender::configuredAddress(inv.settings());
}

namespace {

void printReport(const SourceTestReport &report)
{
    Table table({u"STEP"_s, u"RESULT"_s, u"DETAIL"_s});
    for (const TestStepResult &s : report.steps)
        table.addRow({wire(s.step), wire(s.state), s.detail});
    printOut(u"test event %1 to %2\n"_s.arg(report.testId, report.url));
    table.print({});
}

} // namespace

int sourceTest(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"tenant"_s,
                  u"WhatsApp: send to this tenant's WABA (default: the first enabled tenant "
                  "that has one)."_s,
                  u"ID"_s);
    inv.addOption(u"url"_s,
                  u"The gateway's public address (default: where this data directory's "
                  "gateway listens). Not with --gateway, whose gateway sends the test to its "
                  "own address."_s,
                  u"URL"_s);
    inv.addOption(u"wait"_s, u"Seconds to follow the stored event to the sink (default 15)."_s,
                  u"SECONDS"_s);
    inv.addOption(u"json"_s, u"Print the report as one JSON object."_s);
    if (auto rc = inv.parse(1, 1))
        return *rc;
    int waitSecs = 15;
    if (inv.isSet(u"wait"_s)) {
        bool ok = false;
        waitSecs = inv.value(u"wait"_s).toInt(&ok);
        if (!ok || waitSecs < 0 || waitSecs > 600)
            return inv.usageError(u"--wait takes a number of seconds from 0 to 600"_s);
    }
    if (inv.remote() && inv.isSet(u"url"_s))
        return inv.usageError(u"--url cannot be used with --gateway"_s);
    if (!inv.open(!inv.remote()))
        return ExitFailed;
    const QString name = inv.positional().first();

    std::unique_ptr<SourceProbe> probe;
    if (inv.remote()) {
        // The gateway signs the event and sends it to its own public address: its secrets never
        // leave it (Xendit's scheme sends the secret itself).
        QJsonObject body;
        if (inv.isSet(u"tenant"_s))
            body.insert(u"tenant"_s, inv.value(u"tenant"_s));
        const std::optional<QJsonObject> sent =
            inv.post(u"/admin/v1/sources/%1/test"_s.arg(name), body);
        if (!sent)
            return ExitFailed;
        const std::optional<TestEventPlan> plan = TestEventPlan::fromJson(*sent);
        if (!plan)
            return inv.fail(u"the gateway's answer holds no test plan"_s);
        probe = std::make_unique<SourceProbe>(*plan, [&inv](QObject *, const QString &testId,
                                                            qint64 sinceMs,
                                                            const SourceProbe::TraceDone &done) {
            const std::optional<QJsonObject> trace =
                inv.get(u"/admin/v1/test-events/%1?since=%2"_s.arg(testId).arg(sinceMs));
            done(trace ? std::optional(TestEventTrace::fromJson(*trace)) : std::nullopt,
                 u"the gateway did not answer"_s);
        });
        probe->setWaitMs(waitSecs * 1000);
        probe->follow(sent->value(u"url"_s).toString(),
                      TestReply::fromJson(sent->value(u"reply"_s).toObject()));
    } else {
        TestEventOptions options;
        options.tenant = inv.value(u"tenant"_s);
        options.appSecretSetting = inv.settings().value(u"whatsapp/app_secret"_s).toUtf8();
        options.sinkConfigured = !inv.settings().value(u"sink/url"_s).isEmpty();
        options.nowMs = nowMs();
        SignedRequest request;
        const ChangeResult prepared = inv.service().prepareTestEvent(name, options, &request);
        crypto::cleanse(&options.appSecretSetting);
        if (!prepared.ok())
            return inv.fail(prepared.message);
        const std::optional<TestEventPlan> plan = TestEventPlan::fromJson(prepared.result);
        if (!plan)
            return inv.fail(u"internal error: the test's plan does not read back"_s);
        Database &db = inv.database();
        probe = std::make_unique<SourceProbe>(*plan, [&db](QObject *, const QString &testId,
                                                           qint64 sinceMs,
                                                           const SourceProbe::TraceDone &done) {
            QString error;
            std::optional<TestEventTrace> trace = traceTestEvent(db, testId, sinceMs, &error);
            done(std::move(trace), error);
        });
        probe->setWaitMs(waitSecs * 1000);
        if (const QString certificate = inv.settings().value(u"tls/certificate"_s);
            !certificate.isEmpty())
            probe->sender().trustCertificates(QSslCertificate::fromPath(certificate));
        probe->start(TestEventSender::reachable(gatewayListenUrl(inv)), request);
    }
    QEventLoop loop;
    QObject::connect(probe.get(), &SourceProbe::finished, &loop, &QEventLoop::quit);
    if (!probe->report().settled)
        loop.exec();

    const SourceTestReport &report = probe->report();
    if (inv.isSet(u"json"_s))
        printJson(report.toJson());
    else
        printReport(report);
    if (const std::optional<TestStep> failed = report.failedStep())
        return inv.fail(u"source test failed at step '%1'"_s.arg(wire(*failed)));
    if (!inv.isSet(u"json"_s))
        printOut(u"source test passed\n"_s);
    return ExitOk;
}

} // namespace gerbang::ctl
