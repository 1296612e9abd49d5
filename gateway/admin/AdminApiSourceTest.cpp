// SPDX-License-Identifier: GPL-3.0-or-later
// POST /admin/v1/sources/{name}/test and GET /admin/v1/test-events/{id} (issue 19): the
// gateway signs a test event with its own secret and sends it to its own public route, so no
// secret leaves it; the caller follows the event through the trace.
#include "AdminApi.h"
#include "AdminQueries.h"
#include "AdminWorker.h"
#include "JsonBody.h"
#include "domain/Clock.h"
#include "domain/TestEvent.h"
#include "sourcetest/TestEventTrace.h"

#include <QJsonDocument>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace gerbang {
void AdminApi::testSource(const AdminCall &call, http::Responder &responder)
{
    const QByteArray raw = call.request.body.trimmed().isEmpty() ? "{}" : call.request.body;
    JsonBody body(raw, {"tenant"_L1});
    const QString tenant = body.text("tenant"_L1, false, 64).value_or(QString());
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    const QUrl gateway =
        TestEventSender::reachable(QUrl(m_access.webhookUrl ? m_access.webhookUrl() : QString()));
    if (!gateway.isValid() || gateway.port() <= 0)
        return responder.send(error(503, ApiError::StoreUnavailable,
                                    u"this gateway's webhook listener is not running"_s));
    const QString name = call.params.value(0);
    TestEventOptions options;
    options.tenant = tenant;
    options.appSecretSetting = m_access.settings.value(u"whatsapp/app_secret"_s).toUtf8();
    options.sinkConfigured = !m_access.settings.value(u"sink/url"_s).isEmpty();
    options.nowMs = nowMs();
    // Written on the worker's thread with the plan, read here after its queued answer.
    auto request = std::make_shared<SignedRequest>();
    auto certificates = std::make_shared<QList<QSslCertificate>>();
    const QString certificatePath = m_access.settings.value(u"tls/certificate"_s);
    serve(
        call, wire(Change::SourceTested), name, 200,
        [name, options, request, certificates, certificatePath](AdminService &s) {
            ChangeResult r = s.prepareTestEvent(name, options, request.get());
            if (r.ok() && !certificatePath.isEmpty())
                *certificates = QSslCertificate::fromPath(certificatePath);
            return r;
        },
        responder, {},
        [this, gateway, request, certificates](ChangeResult made, Answer answer) {
            m_testSender.trustCertificates(*certificates);
            const QString url = TestEventSender::target(gateway, *request).toString();
            m_testSender.send(
                gateway, *request,
                [made = std::move(made), answer, url](const TestReply &reply) mutable {
                    made.result.insert(u"url"_s, url);
                    made.result.insert(u"reply"_s, reply.toJson());
                    answer(made);
                });
        });
}

void AdminApi::testEvent(const AdminCall &call, http::Responder &responder)
{
    const QString id = call.params.value(0);
    if (!testevent::isId(id))
        return responder.send(error(404, Outcome::NotFound, u"no test '%1'"_s.arg(id.left(40))));
    const auto since = adminquery::testTraceSince(call.request.query, nowMs());
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&since))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    read(
        [id, since = std::get<qint64>(since)](Database &db, QString *e) {
            const std::optional<TestEventTrace> trace = traceTestEvent(db, id, since, e);
            return trace ? trace->toJson() : QJsonObject();
        },
        responder);
}

} // namespace gerbang
