// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalBackend.h"

#include "SourceTestRun.h"
#include "audit/AuditSigningKey.h"
#include "audit/AuditVerifier.h"
#include "audit/ReportSignature.h"
#include "concurrency/AsyncTask.h"
#include "core/Console.h"
#include "core/DbWorker.h"
#include "core/DomainLabels.h"
#include "domain/Clock.h"
#include "sourcetest/TestEventTrace.h"
#include "storage/AllowlistRepository.h"
#include "storage/Database.h"
#include "storage/EventRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/Retention.h"
#include "storage/SourceRepository.h"
#include "storage/TenantRepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QSslCertificate>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

template <class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};

// The audit row's path names what the desktop user did: "gerbang console: save tenant".
ChangeResult applyHere(const DbContext &ctx, const ConsoleChange &change,
                       const RetentionPolicy &policy)
{
    using namespace consolechange;
    const auto service = [&ctx](const QString &action) { return ctx.service(action); };
    return std::visit(
        Overloaded{
            [&](const AddTenant &c) { return service(u"save tenant"_s).addTenant(c.tenant); },
            [&](const UpdateTenant &c) {
                return service(u"save tenant"_s).updateTenant(c.id, c.patch);
            },
            [&](const RemoveTenant &c) { return service(u"delete tenant"_s).removeTenant(c.id); },
            [&](const AddSource &c) { return service(u"add source"_s).addSource(c.source); },
            [&](const RemoveSource &c) { return service(u"remove source"_s).removeSource(c.name); },
            [&](const WriteSecret &c) {
                AdminService s = service(c.rotate ? u"rotate secret"_s : u"set secret"_s);
                ChangeResult r =
                    c.rotate ? s.rotateSecret(c.name, *c.value, 0) : s.setSecret(c.name, *c.value);
                c.value->fill('\0');
                return r;
            },
            [&](const RetireSecret &c) { return service(u"retire secret"_s).retireSecret(c.name); },
            [&](const AcknowledgeAlerts &c) {
                return service(u"acknowledge alerts"_s).acknowledgeAlerts(c.ids);
            },
            [&](const ReplayDeadLetters &c) {
                return service(c.all ? u"replay all dead letters"_s
                                     : u"replay selected dead letters"_s)
                    .replayDeadLetters(c.all ? QStringList() : c.ids, false);
            },
            [&](const ReplayEvents &c) { return service(u"replay events"_s).replayEvents(c.ids); },
            [&](const RunRetention &) { return service(u"purge now"_s).runRetention(policy); },
            [&](const SetAllowlist &c) {
                return service(u"set allowlist"_s).setAllowlist(c.scope, c.networks);
            },
            [&](const ReadEventPayload &c) {
                return service(u"open event payload"_s).readEventPayload(c.id);
            },
            [&](const ChangeSettings &) {
                // Written from LocalBackend::apply, which reloads the console afterwards.
                return ChangeResult::refused(ChangeResult::Refusal::Invalid, QString());
            },
        },
        change);
}

} // namespace

LocalBackend::LocalBackend(Console &console, QObject *parent)
    : Backend(parent)
    , m_console(console)
    , m_poll(new QTimer(this))
{
    connect(&m_console, &Console::stateChanged, this, [this] { Q_EMIT linkChanged(link()); });
    connect(&m_console, &Console::alertRaised, this, &Backend::alertRaised);
    connect(&m_console, &Console::configurationReloaded, this, &Backend::configurationChanged);
    connect(m_poll, &QTimer::timeout, this, &LocalBackend::poll);
    m_poll->start(1000);
}

QString LocalBackend::where() const
{
    return tr("this computer");
}

QString LocalBackend::actor() const
{
    return Actor::localUserName();
}

Backend::Link LocalBackend::link() const
{
    switch (m_console.state()) {
    case Console::State::Running:
        return Link::Up;
    case Console::State::Starting:
        return Link::Connecting;
    case Console::State::Failed:
        return Link::Refused;
    case Console::State::Stopped:
    case Console::State::Stopping:
        break;
    }
    return Link::Down;
}

QString LocalBackend::linkProblem() const
{
    return m_console.lastError();
}

void LocalBackend::poll()
{
    if (m_console.canSnapshot())
        Q_EMIT statsArrived(QDateTime::currentMSecsSinceEpoch(), m_console.snapshot());
}

void LocalBackend::tenants(QObject *receiver, Done<Fetched<QList<Tenant>>> done)
{
    m_console.db().run<Fetched<QList<Tenant>>>(
        receiver,
        [](DbContext &ctx) {
            Fetched<QList<Tenant>> r;
            if (!ctx.db)
                r.error = ctx.error;
            else
                r.value = TenantRepository(*ctx.db).list(&r.error);
            return r;
        },
        std::move(done));
}

void LocalBackend::sources(QObject *receiver, Done<Fetched<SourceListing>> done)
{
    m_console.db().run<Fetched<SourceListing>>(
        receiver,
        [](DbContext &ctx) {
            Fetched<SourceListing> r;
            if (!ctx.db || !ctx.vault) {
                r.error = ctx.error;
                return r;
            }
            r.value.sources = SourceRepository(*ctx.db).list(&r.error);
            if (r.error.isEmpty())
                r.value.secrets = SecretRepository(*ctx.db, *ctx.vault).list(&r.error);
            if (r.error.isEmpty()) {
                for (const Tenant &t : TenantRepository(*ctx.db).list(&r.error))
                    r.value.tenantIds << t.id;
            }
            if (r.error.isEmpty()) {
                const QHash<QString, QStringList> lists =
                    AllowlistRepository(*ctx.db).all(&r.error);
                for (auto it = lists.cbegin(); it != lists.cend(); ++it)
                    r.value.allowlists.insert(it.key(), it.value());
            }
            return r;
        },
        std::move(done));
}

void LocalBackend::gateways(QObject *receiver, Done<Fetched<QList<FleetMember>>> done)
{
    m_console.db().run<Fetched<QList<FleetMember>>>(
        receiver,
        [](DbContext &ctx) {
            Fetched<QList<FleetMember>> r;
            if (!ctx.db) {
                r.error = ctx.error;
                return r;
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const GatewayBeat &beat : GatewayRepository(*ctx.db).all(&r.error))
                r.value.append(FleetMember{beat, beat.stateAt(now)});
            return r;
        },
        std::move(done));
}

void LocalBackend::alerts(QObject *receiver, const AlertFilter &filter,
                          Done<Fetched<QList<StoredAlert>>> done)
{
    m_console.db().run<Fetched<QList<StoredAlert>>>(
        receiver,
        [filter](DbContext &ctx) {
            Fetched<QList<StoredAlert>> r;
            if (!ctx.db)
                r.error = ctx.error;
            else
                r.value = AlertRepository(*ctx.db).list(filter, &r.error);
            return r;
        },
        std::move(done));
}

void LocalBackend::deadLetters(QObject *receiver, int limit, Done<Fetched<DeadLetterListing>> done)
{
    m_console.db().run<Fetched<DeadLetterListing>>(
        receiver,
        [limit](DbContext &ctx) {
            Fetched<DeadLetterListing> r;
            if (!ctx.db) {
                r.error = ctx.error;
                return r;
            }
            OutboxRepository outbox(*ctx.db);
            r.value.items = outbox.list(wire(DeliveryState::Dead), limit, &r.error);
            if (!r.error.isEmpty())
                return r;
            if (const auto counts = outbox.counts(&r.error))
                r.value.total = std::max<qint64>(counts->dead, r.value.items.size());
            return r;
        },
        std::move(done));
}

void LocalBackend::settings(QObject *receiver, Done<Fetched<SettingsListing>> done)
{
    // The file is read on the database thread, as the admin API reads it on its worker's.
    const Settings running = m_console.settings();
    m_console.db().run<Fetched<SettingsListing>>(
        receiver,
        [running](DbContext &) {
            return Fetched<SettingsListing>{settingsListingFromJson(settingsListingJson(
                                                running.configPath(), running.reread(), &running)),
                                            {}};
        },
        std::move(done));
}

void LocalBackend::auditRows(QObject *receiver, const AuditFilter &filter,
                             Done<Fetched<QList<AuditRecord>>> done)
{
    m_console.db().run<Fetched<QList<AuditRecord>>>(
        receiver,
        [filter](DbContext &ctx) {
            Fetched<QList<AuditRecord>> r;
            if (!ctx.db)
                r.error = ctx.error;
            else
                r.value = AuditRepository(*ctx.db).list(filter, &r.error);
            return r;
        },
        std::move(done));
}

void LocalBackend::exportAudit(QObject *receiver, const AuditExportRequest &request,
                               Done<AuditExport::Result> done)
{
    const DatabaseTarget database = m_console.database();
    const QString dataDir = m_console.dataDir();
    const QString by = actor();
    // An export may read a year of traffic: its own thread and connection, so the audit table
    // and the other pages keep the database thread.
    AsyncTask::run(
        receiver,
        [request, database, dataDir, by] {
            AuditExport::Result r;
            const bool pdf = request.format == AuditExportRequest::Format::Pdf;
            // Writable: the export's own audit row goes first, and without it no row leaves.
            auto db = Database::open({database, 5000, false}, &r.error);
            if (!db)
                return r;
            if (!AdminService(*db, nullptr,
                              Actor::local(u"CONSOLE"_s, u"gerbang console: export"_s))
                     .recordAuditExport(request.filter, pdf ? u"pdf"_s : u"csv"_s, &r.error)) {
                r.error = AuditExport::tr("the export could not be audited, so it was not made: %1")
                              .arg(r.error);
                return r;
            }
            // The period's verification goes into the PDF's words and into FILE.sig.
            LocalReportSigner signer;
            QString signError;
            const bool verified =
                signer.verify(*db, dataDir, request.filter.fromMs, request.filter.toMs, &signError);
            AuditExport::Report report = request.report;
            if (verified) {
                report.proof = signer.verification();
                report.publicKeyText = AuditSigningKey::publicKeyText(signer.publicKey());
            }
            if (pdf) {
                r = AuditExport::writePdf(*db, request.filter, report, request.path);
            } else {
                QSaveFile file(request.path);
                if (!file.open(QIODevice::WriteOnly)) {
                    r.error = file.errorString();
                    return r;
                }
                r = AuditExport::writeCsv(*db, request.filter, file);
                if (r.ok && !file.commit()) {
                    r.ok = false;
                    r.error = file.errorString();
                }
            }
            if (!r.ok)
                return r;
            r.verified = verified && signer.verification().ok();
            if (!verified || !signer.sign(request.path, pdf ? u"pdf"_s : u"csv"_s, by,
                                          ReportSignature::periodOf(request.filter), &signError))
                r.signatureProblem = signError;
            return r;
        },
        std::move(done));
}

void LocalBackend::verifyAudit(QObject *receiver, Done<Fetched<AuditVerification>> done)
{
    const DatabaseTarget database = m_console.database();
    const QString dataDir = m_console.dataDir();
    // A walk over the whole log: its own thread and connection, like an export.
    AsyncTask::run(
        receiver,
        [database, dataDir] {
            Fetched<AuditVerification> r;
            auto db = Database::open({database, 5000, true}, &r.error);
            if (!db)
                return r;
            AuditVerifier::Options options;
            QString keyError;
            if (const auto key = AuditSigningKey::load(dataDir, &keyError))
                options.trustedKeys << key->publicKey();
            r.value =
                AuditVerifier(*db).verify(options, nowMs(), &r.error).value_or(AuditVerification());
            return r;
        },
        std::move(done));
}

void LocalBackend::events(QObject *receiver, const EventFilter &filter,
                          Done<Fetched<QList<WebhookEvent>>> done)
{
    m_console.db().run<Fetched<QList<WebhookEvent>>>(
        receiver,
        [filter](DbContext &ctx) {
            Fetched<QList<WebhookEvent>> r;
            if (!ctx.db)
                r.error = ctx.error;
            else
                r.value = EventRepository(*ctx.db).list(filter, &r.error);
            return r;
        },
        std::move(done));
}

void LocalBackend::apply(QObject *receiver, ConsoleChange change, Done<ChangeResult> done)
{
    if (std::holds_alternative<consolechange::RunRetention>(change) &&
        m_console.state() == Console::State::Running) {
        // The running engine purges on its own thread; its snapshot shows when it ran.
        m_console.engine().purgeNow();
        ChangeResult started;
        started.result = QJsonObject{{u"started"_s, true}};
        return done(started);
    }
    if (const auto *settings = std::get_if<consolechange::ChangeSettings>(&change)) {
        // The file the console was started with; once written, the console reads it again
        // and a running engine takes what applies on reload (retention) at once.
        const QString path = m_console.configPathFromArguments();
        const QHash<QString, QString> changes = settings->changes;
        m_console.db().run<ChangeResult>(
            receiver,
            [path, changes](DbContext &ctx) {
                if (!ctx.db)
                    return ChangeResult::refused(ChangeResult::Refusal::StoreFailed, ctx.error);
                return ctx.service(u"save settings"_s)
                    .changeSettings(path, changes, QProcessEnvironment::systemEnvironment());
            },
            [this, done = std::move(done)](ChangeResult r) {
                if (r.ok()) {
                    QString error;
                    if (!m_console.load(&error) && r.message.isEmpty())
                        r.message = error;
                    else if (m_console.state() == Console::State::Running &&
                             !r.result.value(u"reloadable"_s).toArray().isEmpty())
                        m_console.engine().setRetentionPolicy(
                            RetentionPolicy::fromSettings(m_console.settings()));
                }
                done(std::move(r));
            });
        return;
    }
    m_console.db().run<ChangeResult>(
        receiver,
        [change = std::move(change),
         policy = RetentionPolicy::fromSettings(m_console.settings())](DbContext &ctx) {
            if (!ctx.db) {
                if (const auto *secret = std::get_if<consolechange::WriteSecret>(&change))
                    secret->value->fill('\0');
                return ChangeResult::refused(ChangeResult::Refusal::StoreFailed, ctx.error);
            }
            return applyHere(ctx, change, policy);
        },
        std::move(done));
}

void LocalBackend::testSource(QObject *receiver, const QString &name, const QString &tenant,
                              Done<Fetched<SourceTestReport>> progress)
{
    const Settings &settings = m_console.settings();
    TestEventOptions options;
    options.tenant = tenant;
    options.appSecretSetting = settings.value(u"whatsapp/app_secret"_s).toUtf8();
    options.sinkConfigured = !settings.value(u"sink/url"_s).isEmpty();
    options.nowMs = nowMs();
    // The engine's address while it runs, else where the configuration says it listens (the
    // test then says that nothing answered there).
    const QString listen = m_console.listenUrl();
    const QUrl gateway = TestEventSender::reachable(
        listen.isEmpty() ? TestEventSender::configuredAddress(settings) : QUrl(listen));
    const QString certificatePath = settings.value(u"tls/certificate"_s);
    // Both filled on the database thread (the GUI thread reads no file), read here after.
    auto request = std::make_shared<SignedRequest>();
    auto certificates = std::make_shared<QList<QSslCertificate>>();
    m_console.db().run<ChangeResult>(
        receiver,
        [name, options, request, certificates, certificatePath](DbContext &ctx) {
            if (!ctx.db)
                return ChangeResult::refused(ChangeResult::Refusal::StoreFailed, ctx.error);
            if (!certificatePath.isEmpty())
                *certificates = QSslCertificate::fromPath(certificatePath);
            return ctx.service(u"send test event"_s).prepareTestEvent(name, options, request.get());
        },
        [this, receiver, request, gateway, certificates,
         progress = std::move(progress)](const ChangeResult &r) {
            const std::optional<TestEventPlan> plan =
                r.ok() ? TestEventPlan::fromJson(r.result) : std::nullopt;
            if (!plan)
                return progress(
                    {{}, r.ok() ? tr("the test's plan does not read back") : r.message});
            auto *probe = new SourceProbe(
                *plan,
                [this](QObject *asking, const QString &testId, qint64 sinceMs,
                       const SourceProbe::TraceDone &done) {
                    m_console.db().run<Fetched<TestEventTrace>>(
                        asking,
                        [testId, sinceMs](DbContext &ctx) {
                            Fetched<TestEventTrace> out;
                            if (!ctx.db) {
                                out.error = ctx.error;
                                return out;
                            }
                            if (auto t = traceTestEvent(*ctx.db, testId, sinceMs, &out.error))
                                out.value = *t;
                            return out;
                        },
                        [done](const Fetched<TestEventTrace> &t) {
                            done(t.ok() ? std::optional(t.value) : std::nullopt, t.error);
                        });
                },
                receiver);
            probe->sender().trustCertificates(*certificates);
            followSourceTest(probe, progress);
            probe->start(gateway, *request);
        });
}

void LocalBackend::checkWhatsApp(QObject *receiver, const QString &app,
                                 Done<Fetched<WhatsAppSetupReport>> done)
{
    const Settings &settings = m_console.settings();
    // The engine's address while it runs, else where the configuration says it listens.
    const QString listen = m_console.listenUrl();
    WhatsAppSetupInput input = WhatsAppSetupInput::fromSettings(
        settings, app,
        listen.isEmpty() ? TestEventSender::configuredAddress(settings) : QUrl(listen), nowMs());
    input.localize = labels::whatsAppCheckText;
    const QString certificatePath = settings.value(u"tls/certificate"_s);
    // Both filled on the database thread (the GUI thread reads no file), read here after.
    auto stored = std::make_shared<std::optional<WhatsAppStoredChecks>>();
    auto certificates = std::make_shared<QList<QSslCertificate>>();
    m_console.db().run<QString>(
        receiver,
        [input, stored, certificates, certificatePath](DbContext &ctx) {
            if (!ctx.db)
                return ctx.error;
            QString error;
            *stored = WhatsAppStoredChecks::read(*ctx.db, *ctx.vault, input, &error);
            if (*stored && !certificatePath.isEmpty())
                *certificates = QSslCertificate::fromPath(certificatePath);
            return error;
        },
        [receiver, input, stored, certificates, done = std::move(done)](const QString &error) {
            if (!*stored)
                return done({{}, error});
            auto *check = new WhatsAppSetupCheck(input, receiver);
            check->trustCertificates(*certificates);
            QObject::connect(check, &WhatsAppSetupCheck::finished, check, [check, done] {
                done({check->report(), {}});
                check->deleteLater();
            });
            check->start(std::move(**stored));
        });
}

} // namespace gerbang
