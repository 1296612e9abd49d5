// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoteBackend.h"

#include "RemoteAuditExport.h"
#include "SourceTestRun.h"
#include "admin/AdminQueries.h"
#include "admin/StatsJson.h"
#include "core/DomainLabels.h"
#include "service/AdminRequests.h"
#include "storage/RecordJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

template <class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};

ChangeResult::Refusal refusalOf(int status)
{
    switch (status) {
    case 400:
    case 401:
    case 403:
    case 413:
        return ChangeResult::Refusal::Invalid;
    case 404:
        return ChangeResult::Refusal::NotFound;
    case 409:
        return ChangeResult::Refusal::Conflict;
    default:
        return ChangeResult::Refusal::StoreFailed;
    }
}

// The request body of a change: the keys the admin API's route reads.
std::optional<QJsonObject> bodyOf(const ConsoleChange &change)
{
    using namespace consolechange;
    return std::visit(
        Overloaded{
            [](const AddTenant &c) -> std::optional<QJsonObject> {
                return adminrequest::addTenant(c.tenant);
            },
            [](const UpdateTenant &c) -> std::optional<QJsonObject> {
                return adminrequest::updateTenant(c.patch);
            },
            [](const AddSource &c) -> std::optional<QJsonObject> {
                return adminrequest::addSource(c.source);
            },
            [](const WriteSecret &c) -> std::optional<QJsonObject> {
                return QJsonObject{{u"value"_s, QString::fromUtf8(*c.value)}};
            },
            [](const AcknowledgeAlerts &c) -> std::optional<QJsonObject> {
                if (c.ids.isEmpty())
                    return QJsonObject{{u"all"_s, true}};
                QJsonArray ids;
                for (qint64 id : c.ids)
                    ids.append(id);
                return QJsonObject{{u"ids"_s, ids}};
            },
            [](const ReplayDeadLetters &c) -> std::optional<QJsonObject> {
                if (c.all)
                    return QJsonObject{{u"all"_s, true}};
                return QJsonObject{{u"ids"_s, toJsonArray(c.ids)}, {u"skip_not_dead"_s, true}};
            },
            [](const SetAllowlist &c) -> std::optional<QJsonObject> {
                return QJsonObject{{u"networks"_s, toJsonArray(c.networks)}};
            },
            [](const ReplayEvents &c) -> std::optional<QJsonObject> {
                return QJsonObject{{u"ids"_s, toJsonArray(c.ids)}};
            },
            [](const ChangeSettings &c) -> std::optional<QJsonObject> {
                QJsonObject settings;
                for (auto it = c.changes.cbegin(); it != c.changes.cend(); ++it)
                    settings.insert(it.key(), it.value());
                return QJsonObject{{u"settings"_s, settings}};
            },
            [](const auto &) -> std::optional<QJsonObject> { return std::nullopt; },
        },
        change);
}

} // namespace

RemoteBackend::RemoteBackend(AdminClient::Target target, QObject *parent)
    : Backend(parent)
    , m_client(new AdminClient(std::move(target), this))
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &RemoteBackend::attach);
    connect(m_client, &AdminClient::certificateNotTrusted, this,
            [this](certificatepin::Verdict verdict, const QString &presented) {
                // Every request of this attempt sees the same certificate: said once.
                if (m_certificateRefused)
                    return;
                m_certificateRefused = true;
                m_presented = presented;
                m_retry->stop();
                const QString pinned = m_client->target().pin;
                if (verdict == certificatepin::Verdict::Mismatch) {
                    setLink(Link::Refused,
                            tr("Refused: the gateway at %1 shows the certificate %2, not the "
                               "pinned %3. Someone may be intercepting the connection, or the "
                               "gateway's certificate was replaced: compare with 'gerbangctl "
                               "admin fingerprint' on the gateway before you trust it.")
                                .arg(where(), certificatepin::displayed(presented),
                                     certificatepin::displayed(pinned)));
                } else {
                    setLink(Link::Refused, tr("The certificate of %1 (%2) is not trusted yet.")
                                               .arg(where(), certificatepin::displayed(presented)));
                }
                Q_EMIT trustRequested(presented, pinned);
            });
}

RemoteBackend::~RemoteBackend()
{
    closeLive();
}

QString RemoteBackend::where() const
{
    const QUrl &url = m_client->target().url;
    return u"%1:%2"_s.arg(url.host()).arg(url.port(url.scheme() == u"https"_s ? 443 : 80));
}

QString RemoteBackend::actor() const
{
    return m_tokenName.isEmpty() ? QString() : tr("token %1").arg(m_tokenName);
}

void RemoteBackend::setLink(Link link, const QString &problem)
{
    const bool changed = link != m_link || problem != m_problem;
    m_link = link;
    m_problem = problem;
    if (changed)
        Q_EMIT linkChanged(link);
}

void RemoteBackend::trust(const QString &fingerprint)
{
    m_client->setPin(fingerprint);
    m_backoffMs = kFirstBackoffMs;
    attach();
}

void RemoteBackend::attach()
{
    const quint64 attempt = ++m_attempt;
    m_retry->stop();
    closeLive();
    m_certificateRefused = false;
    if (m_link != Link::Lost)
        setLink(Link::Connecting);
    m_client->call(
        this, "GET", u"/admin/v1/whoami"_s, std::nullopt, [this, attempt](AdminClient::Reply r) {
            if (attempt != m_attempt || m_certificateRefused)
                return;
            if (r.status == 401)
                return setLink(Link::Refused,
                               tr("The gateway refused the token: %1").arg(r.problem()));
            if (!r.ok())
                return lost(r.problem());
            m_role =
                fromWire<AdminRole>(r.body.value(u"role"_s).toString()).value_or(AdminRole::Viewer);
            m_tokenName = r.body.value(u"name"_s).toString();
            openLive();
            m_client->call(this, "GET", u"/admin/v1/stats/history"_s, std::nullopt,
                           [this, attempt](AdminClient::Reply h) {
                               if (attempt != m_attempt || !h.ok())
                                   return;
                               StatsHistory history;
                               seedHistory(history, h.body);
                               Q_EMIT historyArrived(history);
                           });
        });
}

void RemoteBackend::openLive()
{
    m_events.reset();
    m_live = m_client->open(u"/admin/v1/live"_s, "text/event-stream");
    connect(m_live, &QNetworkReply::readyRead, this, &RemoteBackend::liveData);
    connect(m_live, &QNetworkReply::finished, this, &RemoteBackend::liveEnded);
}

void RemoteBackend::closeLive()
{
    if (QNetworkReply *live = m_live.data()) {
        m_live.clear();
        live->disconnect(this);
        live->abort();
        live->deleteLater();
    }
}

void RemoteBackend::liveData()
{
    QNetworkReply *live = m_live.data();
    if (!live || live->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return;
    QList<ServerSentEvents::Event> events;
    if (!m_events.feed(live->readAll(), &events))
        return lost(tr("the live channel sent something that is not a Gerbang event stream"));
    for (const ServerSentEvents::Event &e : std::as_const(events)) {
        const QJsonObject data = QJsonDocument::fromJson(e.data).object();
        if (e.name == "stats") {
            if (m_link != Link::Up) {
                m_backoffMs = kFirstBackoffMs;
                setLink(Link::Up);
            }
            Q_EMIT statsArrived(QDateTime::currentMSecsSinceEpoch(), statsFromJson(data));
        } else if (e.name == "alert") {
            Q_EMIT alertRaised(alertFromJson(data));
        } else if (e.name == "configuration") {
            Q_EMIT configurationChanged();
        }
    }
}

void RemoteBackend::liveEnded()
{
    QNetworkReply *live = m_live.data();
    if (!live)
        return;
    m_live.clear();
    live->deleteLater();
    if (m_certificateRefused)
        return;
    const int status = live->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401)
        return setLink(Link::Refused, tr("The gateway refused the token."));
    if (status != 0 && status != 200) {
        const QJsonObject body = QJsonDocument::fromJson(live->readAll()).object();
        return lost(body.value(u"message"_s).toString(tr("HTTP status %1").arg(status)));
    }
    lost(status == 200 ? tr("the gateway closed the live channel") : live->errorString());
}

void RemoteBackend::lost(const QString &why)
{
    closeLive();
    setLink(Link::Lost, why);
    m_retry->start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
}

template <typename T>
void RemoteBackend::list(QObject *receiver, const QString &path, const QString &key,
                         std::function<T(const QJsonObject &)> decode, Done<Fetched<QList<T>>> done)
{
    m_client->call(receiver, "GET", path, std::nullopt,
                   [key, decode = std::move(decode), done = std::move(done)](AdminClient::Reply r) {
                       Fetched<QList<T>> out;
                       if (!r.ok()) {
                           out.error = r.problem();
                       } else {
                           for (const QJsonValue &v : r.body.value(key).toArray())
                               out.value.append(decode(v.toObject()));
                       }
                       done(std::move(out));
                   });
}

void RemoteBackend::tenants(QObject *receiver, Done<Fetched<QList<Tenant>>> done)
{
    list<Tenant>(receiver, u"/admin/v1/tenants"_s, u"tenants"_s, tenantFromJson, std::move(done));
}

void RemoteBackend::sources(QObject *receiver, Done<Fetched<SourceListing>> done)
{
    // Four reads, one answer: the sources, their secrets (an admin token only), the tenant ids
    // the source dialog offers, and the allowlists.
    auto out = std::make_shared<Fetched<SourceListing>>();
    auto waiting = std::make_shared<int>(allows(AdminRole::Admin) ? 4 : 3);
    auto finish = [out, waiting, done = guarded(receiver, std::move(done))](const QString &error) {
        if (out->error.isEmpty())
            out->error = error;
        if (--*waiting == 0)
            done(std::move(*out));
    };
    out->value.secretsListed = allows(AdminRole::Admin);
    list<Source>(this, u"/admin/v1/sources"_s, u"sources"_s, sourceFromJson,
                 [out, finish](Fetched<QList<Source>> r) {
                     out->value.sources = r.value;
                     finish(r.error);
                 });
    list<Tenant>(this, u"/admin/v1/tenants"_s, u"tenants"_s, tenantFromJson,
                 [out, finish](Fetched<QList<Tenant>> r) {
                     for (const Tenant &t : std::as_const(r.value))
                         out->value.tenantIds << t.id;
                     finish(r.error);
                 });
    m_client->call(this, "GET", u"/admin/v1/allowlists"_s, std::nullopt,
                   [out, finish](AdminClient::Reply r) {
                       for (const QJsonValue &v : r.body.value(u"allowlists"_s).toArray()) {
                           const QJsonObject a = v.toObject();
                           out->value.allowlists.insert(a.value(u"scope"_s).toString(),
                                                        fromJsonArray(a.value(u"networks"_s)));
                       }
                       finish(r.ok() ? QString() : r.problem());
                   });
    if (out->value.secretsListed) {
        list<SecretInfo>(this, u"/admin/v1/secrets"_s, u"secrets"_s, secretFromJson,
                         [out, finish](Fetched<QList<SecretInfo>> r) {
                             out->value.secrets = r.value;
                             finish(r.error);
                         });
    }
}

void RemoteBackend::gateways(QObject *receiver, Done<Fetched<QList<FleetMember>>> done)
{
    list<FleetMember>(
        receiver, u"/admin/v1/gateways"_s, u"gateways"_s,
        [](const QJsonObject &o) {
            FleetMember m;
            m.beat = gatewayFromJson(o, &m.state);
            return m;
        },
        std::move(done));
}

void RemoteBackend::alerts(QObject *receiver, const AlertFilter &filter,
                           Done<Fetched<QList<StoredAlert>>> done)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(filter.limit));
    if (filter.unacknowledgedOnly)
        query.addQueryItem(u"unacknowledged"_s, u"true"_s);
    if (filter.beforeId)
        query.addQueryItem(u"before"_s, QString::number(*filter.beforeId));
    list<StoredAlert>(receiver, u"/admin/v1/alerts?"_s + query.toString(QUrl::FullyEncoded),
                      u"alerts"_s, storedAlertFromJson, std::move(done));
}

void RemoteBackend::deadLetters(QObject *receiver, int limit, Done<Fetched<DeadLetterListing>> done)
{
    // The API lists them; how many there are in all comes with the statistics.
    list<OutboxItem>(receiver, u"/admin/v1/dead-letters?limit=%1"_s.arg(limit), u"dead_letters"_s,
                     deadLetterFromJson, [done = std::move(done)](Fetched<QList<OutboxItem>> r) {
                         done(Fetched<DeadLetterListing>{{r.value, -1}, r.error});
                     });
}

void RemoteBackend::settings(QObject *receiver, Done<Fetched<SettingsListing>> done)
{
    m_client->call(receiver, "GET", u"/admin/v1/settings"_s, std::nullopt,
                   [done = std::move(done)](AdminClient::Reply r) {
                       Fetched<SettingsListing> out;
                       if (r.ok())
                           out.value = settingsListingFromJson(r.body);
                       else
                           out.error = r.problem();
                       done(std::move(out));
                   });
}

void RemoteBackend::auditRows(QObject *receiver, const AuditFilter &filter,
                              Done<Fetched<QList<AuditRecord>>> done)
{
    list<AuditRecord>(receiver,
                      u"/admin/v1/audit?"_s + QString::fromLatin1(adminquery::auditQuery(filter)),
                      u"rows"_s, auditFromJson, std::move(done));
}

void RemoteBackend::exportAudit(QObject *receiver, const AuditExportRequest &request,
                                Done<AuditExport::Result> done)
{
    auto *job = new RemoteAuditExport(*m_client, request, guarded(receiver, std::move(done)), this);
    job->start();
}

void RemoteBackend::verifyAudit(QObject *receiver, Done<Fetched<AuditVerification>> done)
{
    m_client->call(receiver, "GET", u"/admin/v1/audit/verify"_s, std::nullopt,
                   [done = std::move(done)](const AdminClient::Reply &r) {
                       Fetched<AuditVerification> out;
                       if (r.ok())
                           out.value = AuditVerification::fromJson(r.body);
                       else
                           out.error = r.problem();
                       done(std::move(out));
                   });
}

void RemoteBackend::events(QObject *receiver, const EventFilter &filter,
                           Done<Fetched<QList<WebhookEvent>>> done)
{
    list<WebhookEvent>(receiver,
                       u"/admin/v1/events?"_s + QString::fromLatin1(adminquery::eventQuery(filter)),
                       u"events"_s, eventFromJson, std::move(done));
}

void RemoteBackend::apply(QObject *receiver, ConsoleChange change, Done<ChangeResult> done)
{
    const auto wipe = [&change] {
        if (const auto *secret = std::get_if<consolechange::WriteSecret>(&change))
            secret->value->fill('\0');
    };
    const AdminRole needed = requiredRole(change);
    if (!allows(needed)) {
        wipe();
        return done(ChangeResult::refused(
            ChangeResult::Refusal::Invalid,
            tr("this token (%1) may not make this change; it needs the %2 role")
                .arg(labels::of(m_role), labels::of(needed))));
    }
    const ChangeRoute route = routeOf(change);
    const std::optional<QJsonObject> body = bodyOf(change);
    wipe();
    m_client->call(receiver, route.method, route.path, body,
                   [done = std::move(done)](AdminClient::Reply r) {
                       if (r.ok()) {
                           ChangeResult c;
                           c.result = r.body;
                           return done(std::move(c));
                       }
                       done(ChangeResult::refused(refusalOf(r.status), r.problem()));
                   });
}

void RemoteBackend::testSource(QObject *receiver, const QString &name, const QString &tenant,
                               Done<Fetched<SourceTestReport>> progress)
{
    if (!allows(AdminRole::Operator))
        return progress({{},
                         tr("this token (%1) may not send test events; it needs the %2 role")
                             .arg(labels::of(m_role), labels::of(AdminRole::Operator))});
    // The gateway signs the event with its own secret and sends it to its own public route:
    // the secret never leaves it.
    QJsonObject body;
    if (!tenant.isEmpty())
        body.insert(u"tenant"_s, tenant);
    m_client->call(
        receiver, "POST",
        u"/admin/v1/sources/%1/test"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(name))),
        body, [this, receiver, progress = std::move(progress)](const AdminClient::Reply &r) {
            const std::optional<TestEventPlan> plan =
                r.ok() ? TestEventPlan::fromJson(r.body) : std::nullopt;
            if (!plan)
                return progress(
                    {{}, r.ok() ? tr("the gateway's answer holds no test") : r.problem()});
            auto *probe = new SourceProbe(
                *plan,
                [this](QObject *asking, const QString &testId, qint64 sinceMs,
                       const SourceProbe::TraceDone &done) {
                    m_client->call(
                        asking, "GET",
                        u"/admin/v1/test-events/%1?since=%2"_s.arg(testId).arg(sinceMs),
                        std::nullopt, [done](const AdminClient::Reply &trace) {
                            done(trace.ok() ? std::optional(TestEventTrace::fromJson(trace.body))
                                            : std::nullopt,
                                 trace.problem());
                        });
                },
                receiver);
            followSourceTest(probe, progress);
            probe->follow(r.body.value(u"url"_s).toString(),
                          TestReply::fromJson(r.body.value(u"reply"_s).toObject()));
        });
}

void RemoteBackend::checkWhatsApp(QObject *receiver, const QString &app,
                                  Done<Fetched<WhatsAppSetupReport>> done)
{
    // The gateway presents its own verify token to its own route: the token stays there.
    QUrlQuery query;
    if (!app.isEmpty())
        query.addQueryItem(u"app"_s, app);
    const QString encoded = query.toString(QUrl::FullyEncoded);
    m_client->call(receiver, "GET",
                   u"/admin/v1/whatsapp/check"_s + (encoded.isEmpty() ? QString() : u'?' + encoded),
                   std::nullopt, [done = std::move(done)](const AdminClient::Reply &r) {
                       std::optional<WhatsAppSetupReport> report =
                           r.ok() ? WhatsAppSetupReport::fromJson(r.body) : std::nullopt;
                       if (!report)
                           return done({{},
                                        r.ok() ? tr("the gateway's answer holds no WhatsApp check")
                                               : r.problem()});
                       report->localize(labels::whatsAppCheckText);
                       done({*report, {}});
                   });
}

} // namespace gerbang
