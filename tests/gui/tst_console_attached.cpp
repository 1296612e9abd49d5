// SPDX-License-Identifier: GPL-3.0-or-later
// The console attached to a real gerbangd process over its admin API (TLS, a self-signed
// certificate pinned on first use): the same pages as the embedded mode, fed by RemoteBackend.
#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "backend/RemoteBackend.h"
#include "config/Settings.h"
#include "connect/Attachment.h"
#include "connect/ConnectionProfiles.h"
#include "core/DomainLabels.h"
#include "core/Language.h"
#include "pages/AlertsModel.h"
#include "pages/AlertsPage.h"
#include "pages/AuditModel.h"
#include "pages/AuditPage.h"
#include "pages/DashboardPage.h"
#include "pages/DeadLettersPage.h"
#include "pages/EventsPage.h"
#include "pages/MainWindow.h"
#include "pages/SettingsPage.h"
#include "pages/SourceTestDialog.h"
#include "pages/SourcesPage.h"
#include "pages/TenantsPage.h"
#include "pages/WhatsAppCheckDialog.h"
#include "storage/Database.h"
#include "widgets/MessageBar.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::Any, 0);
    return probe.serverPort();
}

} // namespace

class TestConsoleAttached : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GatewayProcess> m_gw;
    quint16 m_adminPort = 0;
    QString m_fingerprint; // "SHA256:AB:…" as gerbangctl admin fingerprint prints it
    QByteArray m_adminToken;
    QByteArray m_viewerToken;
    Language m_language;

    QUrl adminUrl() const { return QUrl(u"https://127.0.0.1:%1"_s.arg(m_adminPort)); }

    bool startGateway(QString *error)
    {
        m_gw = std::make_unique<GatewayProcess>(m_dir.path());
        // Not loopback-only, so the admin API speaks TLS with its self-signed certificate;
        // the same port after a restart, as a service keeps it.
        m_gw->environment().insert(u"GERBANG_ADMIN_LISTEN"_s, u"0.0.0.0:%1"_s.arg(m_adminPort));
        m_gw->environment().insert(u"GERBANG_WHATSAPP_APP_SECRET"_s,
                                   QString::fromLatin1(kFixtureAppSecret.toByteArray()));
        return m_gw->start(error);
    }

    // Waits until the gateway has loaded it (it polls the configuration revision).
    QByteArray createToken(const QString &name, const QString &role)
    {
        const auto loads = [this] { return m_gw->output().count("configuration revision"); };
        const qsizetype before = loads();
        const CommandResult r =
            runCtl(m_dir.path(), {u"admin"_s, u"token"_s, u"create"_s, name, u"--role"_s, role});
        if (r.exitCode != 0 || !QTest::qWaitFor([&] { return loads() > before; }, 5000))
            return {};
        return r.out.trimmed();
    }

    std::unique_ptr<RemoteBackend> attached(const QByteArray &token, const QString &pin)
    {
        auto backend = std::make_unique<RemoteBackend>(
            AdminClient::Target{adminUrl(), token, certificatepin::normalized(pin)});
        backend->attach();
        return backend;
    }

    QStringList column(const QString &sql)
    {
        QString error;
        auto db = openTestDatabase(m_dir.path(), &error);
        if (!db)
            qFatal("cannot open the database: %s", qPrintable(error));
        QSqlQuery q(db->db());
        if (!q.exec(sql))
            qFatal("query failed: %s", qPrintable(sql));
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_language.apply(u"en"_s, false);
        m_adminPort = freePort();
        QString error;
        QVERIFY2(startGateway(&error), qPrintable(error));
        QCOMPARE(m_gw->adminScheme(), u"https"_s);
        const CommandResult fp = runCtl(m_dir.path(), {u"admin"_s, u"fingerprint"_s});
        QCOMPARE(fp.exitCode, 0);
        m_fingerprint = QString::fromLatin1(fp.out.trimmed());
        QVERIFY(m_fingerprint.startsWith(u"SHA256:"_s));
        m_adminToken = createToken(u"desk-admin"_s, u"admin"_s);
        m_viewerToken = createToken(u"desk-viewer"_s, u"viewer"_s);
        QVERIFY(!m_adminToken.isEmpty() && !m_viewerToken.isEmpty());
    }

    void cleanupTestCase()
    {
        QString why;
        if (m_gw)
            QVERIFY2(m_gw->stopCleanly(&why), qPrintable(why));
    }

    void dashboardCountersMoveWhenWebhooksArrive()
    {
        auto backend = attached(m_adminToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        QCOMPARE(backend->role(), AdminRole::Admin);
        QVERIFY(window.windowTitle().contains(backend->where()));

        QSignalSpy stats(backend.get(), &Backend::statsArrived);
        QVERIFY(stats.wait(5000));
        const qint64 before = stats.last().at(1).value<StatsSnapshot>().requests;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(postWhatsApp(m_gw->port(), u"wa_text.json"_s), 200);
        QTRY_VERIFY_WITH_TIMEOUT(stats.last().at(1).value<StatsSnapshot>().requests >= before + 3,
                                 5000);
        // The dashboard drew them: a request rate above zero, and not greyed.
        const auto &rates = window.dashboard()->history().requestRates();
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(rates.cbegin(), rates.cend(),
                                             [](const QList<QPointF> &s) {
                                                 return std::any_of(
                                                     s.cbegin(), s.cend(),
                                                     [](const QPointF &p) { return p.y() > 0; });
                                             }),
                                 5000);
        QVERIFY(!window.dashboard()->isStale());
    }

    void tenantEditedInTheConsoleRoutesTheNextWebhook()
    {
        auto backend = attached(m_adminToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        TenantsPage *page = window.tenants();
        window.showPage(page);
        QCOMPARE(postWhatsApp(m_gw->port(), u"wa_second_waba_text.json"_s), 200);
        // An outcome that stores nothing is audited just after its reply.
        QTRY_COMPARE(column(u"SELECT outcome FROM audit_log WHERE path = '/whatsapp/webhook' "
                            "ORDER BY id DESC LIMIT 1"_s),
                     QStringList{u"unknown_tenant"_s});

        QTest::mouseClick(page->findChild<QPushButton *>(u"newTenant"_s), Qt::LeftButton);
        typeText(page->findChild<QLineEdit *>(u"tenantId"_s), u"desk-firm"_s);
        typeText(page->findChild<QLineEdit *>(u"tenantName"_s), u"Desk Firm"_s);
        typeText(page->findChild<QPlainTextEdit *>(u"tenantWabas"_s), u"100000000000002"_s);
        QPushButton *save = page->findChild<QPushButton *>(u"saveTenant"_s);
        QVERIFY2(save->isEnabled(), qPrintable(page->problems().join(u'\n')));
        QSignalSpy saved(page, &TenantsPage::saved);
        QSignalSpy reloaded(backend.get(), &Backend::configurationChanged);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        // The live channel says when the gateway routes with it.
        QVERIFY(reloaded.count() > 0 || reloaded.wait(5000));
        QCOMPARE(postWhatsApp(m_gw->port(), u"wa_second_waba_text.json"_s), 200);
        QCOMPARE(column(u"SELECT tenant_id FROM events ORDER BY received_at DESC LIMIT 1"_s),
                 QStringList{u"desk-firm"_s});
        // Audited as the token's change, made over the API.
        QVERIFY(!column(u"SELECT id FROM audit_log WHERE outcome = 'changed' AND method = 'API' "
                        "AND detail LIKE '%\"actor\":\"desk-admin\"%' AND tenant = 'desk-firm'"_s)
                     .isEmpty());
        QTRY_VERIFY(page->tenants().size() >= 1);

        // Sources and their allowlists, on the gateway's database through its API.
        SourcesPage *sources = window.sources();
        window.showPage(sources);
        QSignalSpy changed(sources, &SourcesPage::changed);
        Source stripe;
        stripe.name = u"desk-stripe"_s;
        stripe.provider = u"stripe"_s;
        stripe.tenant = u"desk-firm"_s;
        sources->addSource(stripe);
        QVERIFY(changed.wait(5000));
        QVERIFY2(changed.last().at(0).toBool(), qPrintable(changed.last().at(1).toString()));
        sources->setAllowlist(u"desk-stripe"_s, {u"203.0.113.0/24"_s});
        QVERIFY(changed.wait(5000));
        QVERIFY2(changed.last().at(0).toBool(), qPrintable(changed.last().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(sources->allowlists().value(u"desk-stripe"_s),
                                  QStringList{u"203.0.113.0/24"_s}, 5000);
        const CommandResult listed = runCtl(m_dir.path(), {u"allowlist"_s, u"list"_s, u"--json"_s});
        QVERIFY2(listed.out.contains("203.0.113.0/24"), listed.out.constData());
        sources->setAllowlist(u"desk-stripe"_s, {u"not-a-network"_s});
        QVERIFY(changed.wait(5000));
        QVERIFY(!changed.last().at(0).toBool()); // refused by the gateway, named
        QVERIFY(changed.last().at(1).toString().contains(u"not-a-network"_s));
    }

    // The Sources page's test buttons: the gateway signs and sends the event, the dialog
    // follows each step; a source whose allowlist leaves the sender out fails where it should.
    void testEventIsSentAndFollowedFromTheSourcesPage()
    {
        auto backend = attached(m_adminToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        SourcesPage *sources = window.sources();
        window.showPage(sources);
        QSignalSpy loaded(sources, &SourcesPage::loaded);
        QVERIFY(loaded.count() > 0 || loaded.wait(5000));

        auto *testWhatsApp = sources->findChild<QPushButton *>(u"testWhatsApp"_s);
        QVERIFY(testWhatsApp && testWhatsApp->isEnabled());
        QTest::mouseClick(testWhatsApp, Qt::LeftButton);
        auto *dialog = sources->findChild<SourceTestDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QSignalSpy settled(dialog, &SourceTestDialog::settled);
        QVERIFY(settled.wait(20000));
        QVERIFY2(dialog->report().passed(),
                 QJsonDocument(dialog->report().toJson()).toJson().constData());
        auto *steps = dialog->findChild<QTableWidget *>(u"sourceTestSteps"_s);
        QCOMPARE(steps->rowCount(), 5);
        QCOMPARE(steps->item(1, 1)->text(), u"Passed"_s);
        QCOMPARE(steps->item(4, 1)->text(), u"Queued"_s); // no sink: it waits in the outbox
        QVERIFY(dialog->findChild<QLabel *>(u"sourceTestSummary"_s)
                    ->text()
                    .contains(u"went through every step"_s));
        const QString testId = dialog->report().testId;
        QCOMPARE(
            column(u"SELECT outcome FROM audit_log WHERE detail LIKE '%\"test\":\"%1\"%'"_s.arg(
                testId)),
            QStringList{u"accepted"_s});
        dialog->close(); // and deleted
        QTRY_VERIFY(!sources->findChild<SourceTestDialog *>());

        // desk-stripe accepts only 203.0.113.0/24: the gateway's own request is refused (once
        // the gateway has read the source and its allowlist: it polls every second).
        const QString revision =
            column(u"SELECT value FROM meta WHERE key = 'config_revision'"_s).value(0);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_gw->output().contains(u"configuration revision %1 loaded"_s.arg(revision).toUtf8()),
            10000);
        auto *table = sources->findChild<QTableWidget *>(u"sourcesTable"_s);
        const auto rows = table->findItems(u"desk-stripe"_s, Qt::MatchExactly);
        QCOMPARE(rows.size(), 1);
        table->selectRow(rows.first()->row());
        QTest::mouseClick(sources->findChild<QPushButton *>(u"testSource"_s), Qt::LeftButton);
        dialog = sources->findChild<SourceTestDialog *>();
        QVERIFY(dialog);
        QSignalSpy settledAgain(dialog, &SourceTestDialog::settled);
        QVERIFY(settledAgain.wait(20000));
        QVERIFY2(dialog->report().failedStep() == std::optional(TestStep::Reached),
                 QJsonDocument(dialog->report().toJson()).toJson().constData());
        QVERIFY(dialog->findChild<QTableWidget *>(u"sourceTestSteps"_s)
                    ->item(0, 2)
                    ->text()
                    .contains(u"allowlist"_s));
        dialog->close();
    }

    // A viewer checks the WhatsApp setup from the Sources page: the gateway runs the check on
    // itself (its verify token never leaves it), and the console shows the details in its own
    // language, rendered again from each detail's pattern.
    void whatsAppSetupIsCheckedFromTheSourcesPage()
    {
        const CommandResult token = runCtl(
            m_dir.path(), {u"secret"_s, u"set"_s, u"whatsapp-verify-token"_s}, "desk-verify");
        QCOMPARE(token.exitCode, 0);
        m_language.apply(u"id"_s, false);
        const auto english = qScopeGuard([this] { m_language.apply(u"en"_s, false); });
        auto backend = attached(m_viewerToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        SourcesPage *sources = window.sources();
        window.showPage(sources);
        auto *button = sources->findChild<QPushButton *>(u"checkWhatsApp"_s);
        QVERIFY(button && button->isEnabled());
        // The gateway reads the new verify token with its configuration, every second.
        const QString revision =
            column(u"SELECT value FROM meta WHERE key = 'config_revision'"_s).value(0);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_gw->output().contains(u"configuration revision %1 loaded"_s.arg(revision).toUtf8()),
            10000);
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dialog = sources->findChild<WhatsAppCheckDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QSignalSpy settled(dialog, &WhatsAppCheckDialog::settled);
        QVERIFY(settled.wait(20000));
        const WhatsAppSetupReport &report = dialog->report();
        QVERIFY2(report.checks.at(qsizetype(SetupCheck::RouteReachable)).state ==
                     CheckState::Passed,
                 QJsonDocument(report.toJson()).toJson().constData());
        // In Indonesian: the labels, and each detail rendered again from its pattern.
        const SetupCheckResult &secret = report.checks.at(qsizetype(SetupCheck::AppSecret));
        const char *pattern = "Set in the configuration (whatsapp/app_secret).";
        const QString indonesian = QCoreApplication::translate("WhatsAppCheck", pattern);
        QCOMPARE(secret.state, CheckState::Passed);
        QCOMPARE(secret.pattern, QString::fromLatin1(pattern));
        QVERIFY(indonesian != QLatin1StringView(pattern));
        QCOMPARE(secret.detail, indonesian);
        auto *rows = dialog->findChild<QTableWidget *>(u"whatsAppChecks"_s);
        QCOMPARE(rows->item(int(SetupCheck::AppSecret), 1)->text(), labels::of(CheckState::Passed));
        QCOMPARE(rows->item(int(SetupCheck::AppSecret), 2)->text(), indonesian);
        QVERIFY(labels::of(CheckState::Passed) != u"Passed"_s);
        dialog->close();
        // The gateway logged no verify token (the API's answer holds none: tst_source_test).
        QVERIFY(!m_gw->output().contains("desk-verify"));
    }

    void viewerTokenSeesEverythingReadOnly()
    {
        auto backend = attached(m_viewerToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        QCOMPARE(backend->role(), AdminRole::Viewer);
        // The gateway audits every change and every refusal, naming the token: none may come.
        const QString byViewer =
            u"SELECT count(*) FROM audit_log WHERE detail LIKE '%\"actor\":\"desk-viewer\"%'"_s;
        const QString before = column(byViewer).value(0);

        TenantsPage *page = window.tenants();
        window.showPage(page);
        QSignalSpy loaded(page, &TenantsPage::loaded);
        QVERIFY(loaded.count() > 0 || loaded.wait(5000));
        QVERIFY(!page->tenants().isEmpty()); // it reads
        for (const QString &name : {u"newTenant"_s, u"saveTenant"_s, u"deleteTenant"_s}) {
            auto *button = page->findChild<QPushButton *>(name);
            QVERIFY2(button, qPrintable(name));
            QVERIFY2(!button->isEnabled(), qPrintable(name));
            QVERIFY2(button->toolTip().contains(u"admin"_s), qPrintable(button->toolTip()));
        }
        QVERIFY(page->findChild<QLineEdit *>(u"tenantName"_s)->isReadOnly());
        // Save by its shortcut, as a user might try: nothing is sent.
        QTest::keySequence(&window, QKeySequence::Save);
        page->save();
        SourcesPage *sources = window.sources();
        window.showPage(sources);
        QSignalSpy sourcesLoaded(sources, &SourcesPage::loaded);
        QVERIFY(sourcesLoaded.count() > 0 || sourcesLoaded.wait(5000));
        // Every button changes something, but the WhatsApp check, which only reads.
        for (QPushButton *button : sources->findChildren<QPushButton *>())
            QVERIFY2(button->isEnabled() == (button->objectName() == u"checkWhatsApp"_s),
                     qPrintable(button->text()));
        QVERIFY(
            sources->findChild<QPushButton *>(u"editAllowlist"_s)->toolTip().contains(u"admin"_s));
        // Dead letters: listed, never replayed by a viewer.
        DeadLettersPage *dead = window.deadLetters();
        window.showPage(dead);
        QSignalSpy deadLoaded(dead, &DeadLettersPage::loaded);
        QVERIFY(deadLoaded.count() > 0 || deadLoaded.wait(5000));
        for (const QString &name : {u"replaySelected"_s, u"replayAll"_s}) {
            auto *button = dead->findChild<QPushButton *>(name);
            QVERIFY2(button && !button->isEnabled(), qPrintable(name));
            QVERIFY2(button->toolTip().contains(u"operator"_s), qPrintable(button->toolTip()));
        }
        QTest::qWait(300);
        QCOMPARE(column(byViewer).value(0), before);
        QVERIFY(
            column(u"SELECT id FROM audit_log WHERE http_status = 403 AND path LIKE '/admin/%'"_s)
                .isEmpty());
    }

    void alertsAreAcknowledgedWithTheGatewayByAnOperator()
    {
        const QByteArray operatorToken = createToken(u"desk-operator"_s, u"operator"_s);
        QVERIFY(!operatorToken.isEmpty());
        auto viewer = attached(m_viewerToken, m_fingerprint);
        auto backend = attached(operatorToken, m_fingerprint);
        MainWindow viewerWindow(*viewer, m_language);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->link(), Backend::Link::Up, 10000);
        // Attaching to a gateway that has run a while draws its last minutes at once (its
        // /stats/history), not one point a second from now on.
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->history().latencyP50().size() > 5, 3000);
        // Ten bad signatures from one source raise an alert (the default threshold).
        QSignalSpy raised(backend.get(), &Backend::alertRaised);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(postWhatsApp(m_gw->port(), u"wa_text.json"_s, false), 401);
        QVERIFY(raised.count() > 0 || raised.wait(10000));
        QVERIFY(window.banner()->text().contains(u"whatsapp"_s));
        AlertsModel *model = window.alerts()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->unacknowledged() >= 1, 10000);
        // The viewer's console lists it too, and may not acknowledge it.
        AlertsModel *seen = viewerWindow.alerts()->model();
        QTRY_VERIFY_WITH_TIMEOUT(seen->unacknowledged() >= 1, 10000);
        QVERIFY(
            !(seen->flags(seen->index(0, AlertsModel::Acknowledged)) & Qt::ItemIsUserCheckable));
        QVERIFY(!viewerWindow.alerts()->findChild<QPushButton *>(u"acknowledgeAll"_s)->isEnabled());

        QPushButton *all = window.alerts()->findChild<QPushButton *>(u"acknowledgeAll"_s);
        QTRY_VERIFY(all->isEnabled());
        QTest::mouseClick(all, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model->unacknowledged(), 0, 5000);
        QCOMPARE(model->alert(0)->acknowledgedBy, u"desk-operator"_s);
        // The other console sees the gateway's acknowledgement when it reads again.
        viewerWindow.alerts()->activated();
        QTRY_COMPARE_WITH_TIMEOUT(seen->unacknowledged(), 0, 5000);
    }

    void settingsAreChangedOnTheServiceAndSayWhatWaitsForARestart()
    {
        auto backend = attached(m_adminToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        SettingsPage *page = window.settingsPage();
        QSignalSpy loaded(page, &SettingsPage::loaded);
        window.showPage(page);
        QVERIFY(loaded.wait(5000));
        // The gateway's own file; what its environment sets cannot be changed from here.
        QVERIFY(page->field(u"admin/listen"_s)->isReadOnly());
        QVERIFY(page->field(u"admin/listen"_s)->toolTip().contains(u"GERBANG_ADMIN_LISTEN"_s));
        QVERIFY(!page->field(u"retention/raw_days"_s)->isReadOnly());

        page->field(u"retention/raw_days"_s)->setText(u"0"_s);
        QSignalSpy failed(page, &SettingsPage::saveFailed);
        QVERIFY(page->save());
        QVERIFY(failed.wait(5000));
        QVERIFY(page->lastProblems().join(u' ').contains(u"retention/raw_days"_s));

        page->field(u"retention/raw_days"_s)->setText(u"5"_s);
        page->field(u"limits/burst_per_ip"_s)->setText(u"77"_s);
        QSignalSpy saved(page, &SettingsPage::saved);
        QVERIFY(page->save());
        QVERIFY(saved.wait(5000));
        const QString said = page->findChild<MessageBar *>(u"settingsMessages"_s)->text();
        QVERIFY2(said.contains(u"sudo systemctl restart gerbangd"_s), qPrintable(said));
        QVERIFY(!page->findChild<QPushButton *>(u"restartEngine"_s)->isVisible());
        Settings file;
        QString error;
        QVERIFY2(file.load(m_dir.filePath(u"gerbang.ini"_s), true, QProcessEnvironment(), &error),
                 qPrintable(error));
        QCOMPARE(file.value(u"retention/raw_days"_s), u"5"_s);
        QCOMPARE(file.value(u"limits/burst_per_ip"_s), u"77"_s);
        // Read again: the burst waits for the service's restart, and the page says how.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QLabel *l : page->findChildren<QLabel *>()) {
                    if (l->text().contains(u"waiting for a restart"_s) &&
                        l->text().contains(u"systemctl restart gerbangd"_s))
                        return true;
                }
                return false;
            }(),
            5000);
        // Audited as the token's change.
        QVERIFY(!column(u"SELECT id FROM audit_log WHERE detail LIKE '%settings_changed%' AND "
                        "detail LIKE '%\"actor\":\"desk-admin\"%'"_s)
                     .isEmpty());

        // A viewer sees the same values, read-only.
        auto viewer = attached(m_viewerToken, m_fingerprint);
        MainWindow viewerWindow(*viewer, m_language);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->link(), Backend::Link::Up, 10000);
        SettingsPage *read = viewerWindow.settingsPage();
        QTRY_COMPARE_WITH_TIMEOUT(read->field(u"retention/raw_days"_s)->text(), u"5"_s, 5000);
        QVERIFY(read->field(u"retention/raw_days"_s)->isReadOnly());
        QVERIFY(!read->findChild<QPushButton *>(u"saveSettings"_s)->isEnabled());
        QVERIFY(!read->save());
    }

    void auditLogIsBrowsedAndExportedUnderTheToken()
    {
        auto backend = attached(m_adminToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        AuditPage *page = window.audit();
        window.showPage(page);
        page->findChild<QComboBox *>(u"auditPeriod"_s)->setCurrentIndex(4); // all time
        page->refresh();
        AuditModel *model = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, 10000);
        const qint64 stored = column(u"SELECT count(*) FROM audit_log"_s).value(0).toLongLong();
        QVERIFY(model->rowCount() <= stored);
        // The newest row first, as the gateway has it.
        QCOMPARE(model->record(0)->id,
                 column(u"SELECT max(id) FROM audit_log"_s).value(0).toLongLong());

        QTemporaryDir out;
        QSignalSpy finished(page, &AuditPage::exportFinished);
        const QString csv = out.filePath(u"audit.csv"_s);
        page->exportCsv(csv);
        QVERIFY(finished.wait(15000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(4).toString()));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvBytes = csvFile.readAll();
        QVERIFY(csvBytes.startsWith("id,") || csvBytes.startsWith("\"id\""));
        QCOMPARE(qint64(csvBytes.count("\r\n") - 1), finished.last().at(2).toLongLong());
        QVERIFY(finished.last().at(2).toLongLong() >= model->rowCount());

        const QString pdf = out.filePath(u"audit.pdf"_s);
        page->exportPdf(pdf);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(4).toString()));
        QVERIFY(finished.last().at(3).toInt() >= 1); // pages
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.readAll().startsWith("%PDF-"));
        // Named on its title page: the token, the gateway and the desktop user.
        const QString by = page->reportHeading().generatedBy;
        QVERIFY2(by.contains(u"desk-admin"_s) && by.contains(backend->where()), qPrintable(by));
        // Both audited by the gateway, under the token, before a row left it.
        const QStringList formats =
            column(u"SELECT detail FROM audit_log WHERE outcome = 'exported' AND "
                   "detail LIKE '%audit_exported%' AND detail LIKE '%\"actor\":\"desk-admin\"%'"_s);
        QVERIFY2(formats.join(u' ').contains(u"\"format\":\"csv\""_s),
                 qPrintable(formats.join(u' ')));
        QVERIFY(formats.join(u' ').contains(u"\"format\":\"ndjson\""_s));
    }

    void eventsAreBrowsedOpenedAndReplayedWithTheGatewaysAudit()
    {
        // A stored event of its own: a tenant for the first WABA, then its image message.
        const auto loads = [this] { return m_gw->output().count("configuration revision"); };
        const qsizetype before = loads();
        const CommandResult added =
            runCtl(m_dir.path(), {u"tenant"_s, u"add"_s, u"events-firm"_s, u"--name"_s,
                                  u"Events Firm"_s, u"--waba"_s, u"100000000000001"_s});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(loads() > before, 5000);
        QCOMPARE(postWhatsApp(m_gw->port(), u"wa_image.json"_s), 200);

        auto backend = attached(m_adminToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        EventsPage *page = window.events();
        window.showPage(page);
        page->findChild<QLineEdit *>(u"eventTenant"_s)->setText(u"events-firm"_s);
        QSignalSpy loaded(page, &EventsPage::loaded);
        page->reload();
        QVERIFY(loaded.wait(5000));
        QVERIFY(!page->events().isEmpty());
        QCOMPARE(page->events().first().type, u"message.image"_s);
        const QString id = page->events().first().id;
        page->selectEvent(id);
        QPushButton *open = page->findChild<QPushButton *>(u"openPayload"_s);
        QVERIFY(open->isEnabled());
        QSignalSpy shown(page, &EventsPage::payloadShown);
        QTest::mouseClick(open, Qt::LeftButton);
        QVERIFY(shown.wait(5000));
        // The request as it came, readable, and the opening audited under the token.
        QVERIFY(page->shownPayload().contains(u"\"whatsapp_business_account\""_s));
        QVERIFY(page->findChild<QTextBrowser *>(u"eventDetail"_s)
                    ->toPlainText()
                    .contains(u"recorded in the audit log"_s));
        QVERIFY(!column(u"SELECT id FROM audit_log WHERE outcome = 'exported' AND detail LIKE "
                        "'%event_payload_read%' AND detail LIKE '%\"actor\":\"desk-admin\"%'"_s)
                     .isEmpty());
        // Replayed, after the admin confirms; the gateway audits it under the token.
        QSignalSpy replayed(page, &EventsPage::replayFinished);
        QTimer::singleShot(0, page, [page] {
            auto *box = page->findChild<QMessageBox *>(u"eventReplayConfirmation"_s);
            if (box)
                box->findChild<QPushButton *>(u"confirmEventReplay"_s)->click();
        });
        page->replaySelected();
        QVERIFY(replayed.count() > 0 || replayed.wait(5000));
        QVERIFY2(replayed.first().at(0).toBool(), qPrintable(replayed.first().at(1).toString()));
        // One "replay" row per event, naming the token.
        QVERIFY(!column(u"SELECT id FROM audit_log WHERE outcome = 'replay' AND event_ids LIKE "
                        "'%"_s +
                        id + u"%' AND detail LIKE '%\"actor\":\"desk-admin\"%'"_s)
                     .isEmpty());
        // The state filter: it is pending (no sink), not dead.
        page->findChild<QComboBox *>(u"eventState"_s)
            ->setCurrentIndex(page->findChild<QComboBox *>(u"eventState"_s)->findData(u"dead"_s));
        page->reload();
        QVERIFY(loaded.wait(5000));
        QVERIFY(page->events().isEmpty());

        // A viewer lists it, and may neither open nor replay it.
        auto viewer = attached(m_viewerToken, m_fingerprint);
        MainWindow viewerWindow(*viewer, m_language);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->link(), Backend::Link::Up, 10000);
        EventsPage *seen = viewerWindow.events();
        seen->findChild<QLineEdit *>(u"eventTenant"_s)->setText(u"events-firm"_s);
        QSignalSpy seenLoaded(seen, &EventsPage::loaded);
        seen->reload();
        QVERIFY(seenLoaded.wait(5000));
        seen->selectEvent(id);
        QVERIFY(!seen->findChild<QPushButton *>(u"openPayload"_s)->isEnabled());
        QVERIFY(
            seen->findChild<QPushButton *>(u"openPayload"_s)->toolTip().contains(u"operator"_s));
        QVERIFY(!seen->findChild<QPushButton *>(u"replayEvents"_s)->isEnabled());
        seen->openPayload();
        QTest::qWait(200);
        QVERIFY(seen->shownPayload().isEmpty());
    }

    void changedCertificateIsRefusedWithBothFingerprints()
    {
        const QString wrong = u"SHA256:"_s + QString(64, u'A');
        auto backend = attached(m_adminToken, wrong);
        MainWindow window(*backend, m_language);
        window.show();
        QSignalSpy asked(backend.get(), &RemoteBackend::trustRequested);
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Refused, 10000);
        QCOMPARE(asked.count(), 1);
        const QString real = certificatepin::normalized(m_fingerprint);
        QCOMPARE(asked.first().at(0).toString(), real);
        QCOMPARE(asked.first().at(1).toString(), certificatepin::normalized(wrong));
        // The banner names both, and no statistics were taken from that gateway.
        QVERIFY(window.banner()->text().contains(m_fingerprint));
        QVERIFY(window.banner()->text().contains(
            certificatepin::displayed(certificatepin::normalized(wrong))));
        QSignalSpy stats(backend.get(), &Backend::statsArrived);
        QTest::qWait(1500);
        QCOMPARE(stats.count(), 0);
        QCOMPARE(backend->link(), Backend::Link::Refused); // no retry on its own

        // The Attachment never offers a changed certificate for trust.
        ConnectionProfiles::save(
            {u"pinned-elsewhere"_s, adminUrl(), certificatepin::normalized(wrong)});
        QString error;
        const auto profile = Attachment::resolve(u"pinned-elsewhere"_s, m_fingerprint, &error);
        QVERIFY(!profile);
        QVERIFY2(error.contains(m_fingerprint), qPrintable(error));
        ConnectionProfiles::remove(u"pinned-elsewhere"_s);
    }

    void firstUseAsksToTrustAndPinsTheCertificate()
    {
        const QUrl url = adminUrl();
        ConnectionProfiles::remove(ConnectionProfiles::nameFor(url));
        QString error;
        const auto profile = Attachment::resolve(url.toString(), {}, &error);
        QVERIFY2(profile, qPrintable(error));
        QVERIFY(profile->pin.isEmpty());
        QWidget parent;
        parent.show();
        Attachment attachment(*profile, m_viewerToken, true, &parent);
        attachment.backend().attach();
        // The question names the fingerprint to compare; the admin trusts it.
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = parent.findChild<QMessageBox *>(u"trustDialog"_s)) != nullptr, 10000);
        QVERIFY2(box->text().contains(m_fingerprint), qPrintable(box->text()));
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        }
        QTRY_COMPARE_WITH_TIMEOUT(attachment.backend().link(), Backend::Link::Up, 10000);
        const auto saved = ConnectionProfiles::named(ConnectionProfiles::nameFor(url));
        QVERIFY(saved);
        QCOMPARE(saved->pin, certificatepin::normalized(m_fingerprint));
        QCOMPARE(ConnectionProfiles::last(), saved->name);
    }

    void reconnectsByItselfAfterTheGatewayRestarts()
    {
        auto backend = attached(m_adminToken, m_fingerprint);
        MainWindow window(*backend, m_language);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 10000);
        QSignalSpy stats(backend.get(), &Backend::statsArrived);
        QVERIFY(stats.wait(5000));
        // Drawn from the gateway's history first.
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->history().latencyP50().size() > 5, 3000);
        const qint64 pointsBefore = window.dashboard()->history().latencyP50().size();

        m_gw->kill();
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Lost, 20000);
        QVERIFY(window.dashboard()->isStale());
        QVERIFY(window.banner()->text().contains(u"lost"_s));
        QString error;
        QVERIFY2(startGateway(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(backend->link(), Backend::Link::Up, 20000);
        QVERIFY(!window.dashboard()->isStale());
        QVERIFY(window.banner()->text().isEmpty());
        // The charts continue: the points from before the restart are still drawn, new ones
        // come, and the restarted counters count again.
        QCOMPARE(postWhatsApp(m_gw->port(), u"wa_text.json"_s), 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.dashboard()->history().latencyP50().size() > pointsBefore + 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(stats.last().at(1).value<StatsSnapshot>().requests >= 1, 5000);
    }

    void printStatsFromTheCommandLine()
    {
        QTemporaryDir home;
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GERBANG_ADMIN_TOKEN"_s, QString::fromLatin1(m_viewerToken));
        env.insert(u"XDG_CONFIG_HOME"_s, home.path());
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(GERBANG_CONSOLE_PATH),
                      {u"--connect"_s, adminUrl().toString(), u"--trust-fingerprint"_s,
                       m_fingerprint, u"--print-stats"_s});
        QVERIFY(console.waitForFinished(30000));
        const QByteArray err = console.readAllStandardError();
        QCOMPARE(console.exitCode(), 0);
        const QJsonObject stats = QJsonDocument::fromJson(console.readAllStandardOutput()).object();
        QVERIFY2(stats.contains(u"requests"_s) && stats.contains(u"uptime_ms"_s), err.constData());
        QVERIFY(!err.contains(m_viewerToken));

        // Unattended and unpinned: refused, naming the fingerprint to compare.
        console.start(QStringLiteral(GERBANG_CONSOLE_PATH),
                      {u"--connect"_s, adminUrl().toString(), u"--print-stats"_s});
        QVERIFY(console.waitForFinished(30000));
        QCOMPARE(console.exitCode(), 2);
        QVERIFY(console.readAllStandardError().contains(m_fingerprint.toLatin1()));
    }
};

QTEST_MAIN(TestConsoleAttached)
#include "tst_console_attached.moc"
