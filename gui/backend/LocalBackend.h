// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Backend.h"

class QTimer;

namespace gerbang {

class Console;

// The gateway embedded in this process: statistics from its engine once a second while it
// runs, reads and changes on the console's database thread through the AdminService, as the
// desktop user (an admin: whoever may open the data directory may change everything in it).
class LocalBackend : public Backend
{
    Q_OBJECT
public:
    explicit LocalBackend(Console &console, QObject *parent = nullptr);

    Console &console() const { return m_console; }

    bool isLocal() const override { return true; }
    AdminRole role() const override { return AdminRole::Admin; }
    QString where() const override;
    QString actor() const override;
    Link link() const override;
    QString linkProblem() const override;

    void tenants(QObject *receiver, Done<Fetched<QList<Tenant>>> done) override;
    void sources(QObject *receiver, Done<Fetched<SourceListing>> done) override;
    void gateways(QObject *receiver, Done<Fetched<QList<FleetMember>>> done) override;
    void alerts(QObject *receiver, const AlertFilter &filter,
                Done<Fetched<QList<StoredAlert>>> done) override;
    void deadLetters(QObject *receiver, int limit, Done<Fetched<DeadLetterListing>> done) override;
    void settings(QObject *receiver, Done<Fetched<SettingsListing>> done) override;
    void events(QObject *receiver, const EventFilter &filter,
                Done<Fetched<QList<WebhookEvent>>> done) override;
    void auditRows(QObject *receiver, const AuditFilter &filter,
                   Done<Fetched<QList<AuditRecord>>> done) override;
    void exportAudit(QObject *receiver, const AuditExportRequest &request,
                     Done<AuditExport::Result> done) override;
    void verifyAudit(QObject *receiver, Done<Fetched<AuditVerification>> done) override;
    void apply(QObject *receiver, ConsoleChange change, Done<ChangeResult> done) override;
    void testSource(QObject *receiver, const QString &name, const QString &tenant,
                    Done<Fetched<SourceTestReport>> progress) override;
    void checkWhatsApp(QObject *receiver, const QString &app,
                       Done<Fetched<WhatsAppSetupReport>> done) override;

    // One sample of the engine's statistics (the timer calls it about once a second).
    void poll();

private:
    Console &m_console;
    QTimer *m_poll;
};

} // namespace gerbang
