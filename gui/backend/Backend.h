// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsoleChange.h"
#include "Stats.h"
#include "StatsHistory.h"
#include "config/SettingsJson.h"
#include "report/AuditExport.h"
#include "sourcetest/SourceTestReport.h"
#include "sourcetest/WhatsAppSetupCheck.h"
#include "storage/AlertRepository.h"
#include "storage/EventRepository.h"
#include "storage/GatewayRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SecretRepository.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>

namespace gerbang {

// What a read brought back, or why it brought nothing (for people; never holds a secret).
template <typename T> struct Fetched
{
    T value{};
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// The Sources & secrets page's data. `secrets` is empty when the role may not list them.
struct SourceListing
{
    QList<Source> sources;
    QList<SecretInfo> secrets;
    QStringList tenantIds;
    bool secretsListed = true;
    // Client networks allowed, by scope: "*" (every source) or a source's name.
    QMap<QString, QStringList> allowlists;
};

// The newest dead letters; `total` is how many there are in all (-1: not known here).
struct DeadLetterListing
{
    QList<OutboxItem> items;
    qint64 total = -1;
};

// An export of the audit log to a file: the rows `filter` selects, oldest first.
struct AuditExportRequest
{
    enum class Format
    {
        Csv,
        Pdf
    };
    AuditFilter filter;
    Format format = Format::Csv;
    QString path;
    AuditExport::Report report; // PDF: the title page
};

// A gateway of the fleet (those sharing the database) and its state, as judged where the
// heartbeats are read.
struct FleetMember
{
    GatewayBeat beat;
    GatewayState state = GatewayState::Up;
};

// The one interface between the console's pages and a gateway. Two implementations:
// LocalBackend (the engine embedded in this process and the console's database thread) and
// RemoteBackend (a running gerbangd, through its admin API). No page knows which one it has.
//
// Everything is asynchronous and comes back on the GUI thread, which never waits on a
// database or on the network: a read or change hands its result to `done`, unless `receiver`
// is gone by then. Statistics and alerts are pushed through the signals.
class Backend : public QObject
{
    Q_OBJECT
public:
    template <typename R> using Done = std::function<void(R)>;

    // How the console reaches its gateway right now.
    enum class Link
    {
        Down,       // this machine's engine is stopped; or not attached yet
        Connecting, // attaching, or attaching again after a loss
        Up,         // statistics arrive
        Lost,       // was up; trying again with backoff (what is shown is getting old)
        Refused,    // refused for good until the admin acts: bad token, certificate changed
    };
    Q_ENUM(Link)

    using QObject::QObject;

    virtual bool isLocal() const = 0;
    // What the admin works as: the OS user on this machine is admin; a token has its role.
    virtual AdminRole role() const = 0;
    bool allows(AdminRole needed) const { return role() >= needed; }
    bool allows(const ConsoleChange &change) const { return allows(requiredRole(change)); }
    // "this machine" or the gateway's address, for the status bar and reports.
    virtual QString where() const = 0;
    // Who the audit log names for what this console does: the desktop user, or the token.
    virtual QString actor() const = 0;
    virtual Link link() const = 0;
    // Why the link is Refused or Lost (for people).
    virtual QString linkProblem() const = 0;

    virtual void tenants(QObject *receiver, Done<Fetched<QList<Tenant>>> done) = 0;
    virtual void sources(QObject *receiver, Done<Fetched<SourceListing>> done) = 0;
    virtual void gateways(QObject *receiver, Done<Fetched<QList<FleetMember>>> done) = 0;
    // The alerts in the gateway's audit log, newest first, with their acknowledgements.
    virtual void alerts(QObject *receiver, const AlertFilter &filter,
                        Done<Fetched<QList<StoredAlert>>> done) = 0;
    virtual void deadLetters(QObject *receiver, int limit,
                             Done<Fetched<DeadLetterListing>> done) = 0;
    // Stored events' metadata, newest first (never their content).
    virtual void events(QObject *receiver, const EventFilter &filter,
                        Done<Fetched<QList<WebhookEvent>>> done) = 0;
    // A page of the audit log (AuditFilter's keyset paging), newest first.
    virtual void auditRows(QObject *receiver, const AuditFilter &filter,
                           Done<Fetched<QList<AuditRecord>>> done) = 0;
    // Audited by the gateway before the first row leaves it; no row leaves when that fails.
    // The file is replaced only by a complete export.
    virtual void exportAudit(QObject *receiver, const AuditExportRequest &request,
                             Done<AuditExport::Result> done) = 0;
    // Checks the whole audit log's hash chains and checkpoints (README "The audit log as
    // evidence"); a log that does not verify is a value, not an error.
    virtual void verifyAudit(QObject *receiver, Done<Fetched<AuditVerification>> done) = 0;
    // The settings the gateway's file and environment give now (a restart would run with
    // them), with where each comes from and whether one waits for a restart.
    virtual void settings(QObject *receiver, Done<Fetched<SettingsListing>> done) = 0;
    // A change: refused before it is sent when role() does not allow it.
    virtual void apply(QObject *receiver, ConsoleChange change, Done<ChangeResult> done) = 0;
    // Sends a signed test event of source `name` ("whatsapp" or "whatsapp:APP": `tenant` picks
    // the WABA) through the gateway's public route and follows it through the gateway
    // (sourcetest/SourceProbe.h): `progress` gets the report each time it changes, the last one
    // settled, or why there is no test (no such source; the role). Needs operator.
    virtual void testSource(QObject *receiver, const QString &name, const QString &tenant,
                            Done<Fetched<SourceTestReport>> progress) = 0;
    // Checks the WhatsApp setup of `app` ("" for the first Meta app) as `gerbangctl whatsapp
    // check` does, the route check included; the details in the console's language.
    virtual void checkWhatsApp(QObject *receiver, const QString &app,
                               Done<Fetched<WhatsAppSetupReport>> done) = 0;

Q_SIGNALS:
    // About once a second while the link is up: the gateway's statistics at `atMs`.
    void statsArrived(qint64 atMs, const gerbang::StatsSnapshot &snapshot);
    void alertRaised(const gerbang::AlertInfo &alert);
    // On attaching: the gateway's series of the last minutes, so that charts start drawn.
    void historyArrived(const gerbang::StatsHistory &history);
    // Tenants, sources, secrets or allowlists changed (by anyone): pages reload.
    void configurationChanged();
    void linkChanged(gerbang::Backend::Link link);

protected:
    // Calls `done(result)` unless `receiver` is gone.
    template <typename R> static Done<R> guarded(QObject *receiver, Done<R> done)
    {
        return [guard = QPointer<QObject>(receiver), done = std::move(done)](R result) {
            if (guard)
                done(std::move(result));
        };
    }
};

} // namespace gerbang
