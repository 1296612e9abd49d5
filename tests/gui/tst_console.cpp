// SPDX-License-Identifier: GPL-3.0-or-later
// The console's pages driven like an admin would, over a real embedded engine.
#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "config/Settings.h"
#include "pages/AlertsModel.h"
#include "pages/AlertsPage.h"
#include "pages/DashboardPage.h"
#include "pages/FirstRunDialog.h"
#include "pages/SettingsPage.h"
#include "pages/SourceTestDialog.h"
#include "pages/SourcesPage.h"
#include "pages/TenantsPage.h"
#include "pages/WhatsAppCheckDialog.h"
#include "storage/Database.h"
#include "storage/TenantRepository.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

class TestConsole : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ConsoleFixture> m_fx;

    TenantsPage *tenants() const { return m_fx->window->tenants(); }

    template <typename T> T *child(QWidget *parent, const QString &name)
    {
        T *w = parent->findChild<T *>(name);
        if (!w)
            qFatal("no widget %s", qPrintable(name));
        return w;
    }

    std::unique_ptr<Database> openDb()
    {
        QString error;
        auto db = Database::open(
            {DatabaseTarget::sqlite(Database::sqlitePathIn(m_fx->dataDir())), 5000, false}, &error);
        if (!db)
            qFatal("cannot open the database: %s", qPrintable(error));
        return db;
    }

    QStringList column(const QString &sql)
    {
        auto db = openDb();
        QSqlQuery q(db->db());
        QStringList out;
        if (!q.exec(sql))
            qFatal("query failed: %s", qPrintable(sql));
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    // Types into the tenant form and presses Save; waits for the engine to load the change.
    void editAndSave(const QString &id, const QString &name, const QString &wabas)
    {
        if (!id.isEmpty()) {
            QLineEdit *idEdit = child<QLineEdit>(tenants(), u"tenantId"_s);
            idEdit->clear();
            typeText(idEdit, id);
        }
        QLineEdit *nameEdit = child<QLineEdit>(tenants(), u"tenantName"_s);
        nameEdit->clear();
        typeText(nameEdit, name);
        QPlainTextEdit *wabaEdit = child<QPlainTextEdit>(tenants(), u"tenantWabas"_s);
        wabaEdit->clear();
        typeText(wabaEdit, wabas);
        QPushButton *save = child<QPushButton>(tenants(), u"saveTenant"_s);
        QVERIFY2(save->isEnabled(), qPrintable(tenants()->problems().join(u'\n')));
        QSignalSpy saved(tenants(), &TenantsPage::saved);
        QSignalSpy reloaded(m_fx->console.get(), &Console::configurationReloaded);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        // The engine polls the configuration revision: it routes with the change from here.
        QVERIFY(reloaded.count() > 0 || reloaded.wait(5000));
    }

    void selectTenant(const QString &id)
    {
        QListWidget *list = child<QListWidget>(tenants(), u"tenantList"_s);
        QTRY_VERIFY(list->count() > 0);
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toString() == id) {
                list->setCurrentRow(i);
                return;
            }
        }
        QFAIL("tenant not listed");
    }

private Q_SLOTS:
    void init() { m_fx = std::make_unique<ConsoleFixture>(); }

    void cleanup() { m_fx.reset(); }

    void tenantMappingPersistsAndRoutes()
    {
        QVERIFY(m_fx->start());
        m_fx->window->showPage(tenants());
        // Before any mapping the engine does not know the WABA.
        QCOMPARE(postWhatsApp(m_fx->port(), u"wa_text.json"_s), 200);
        QTRY_COMPARE(column(u"SELECT outcome FROM audit_log ORDER BY id DESC LIMIT 1"_s),
                     QStringList{u"unknown_tenant"_s});

        QTest::mouseClick(child<QPushButton>(tenants(), u"newTenant"_s), Qt::LeftButton);
        editAndSave(u"firm-a"_s, u"Firm A"_s, u"100000000000001"_s);

        // Persisted through the shared repository…
        auto db = openDb();
        const auto stored = TenantRepository(*db).find(u"firm-a"_s, nullptr);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->name, u"Firm A"_s);
        QCOMPARE(stored->wabaIds, QStringList{u"100000000000001"_s});
        // …and the running engine routes a signed POST with it, without a restart.
        QCOMPARE(postWhatsApp(m_fx->port(), u"wa_text.json"_s), 200);
        QCOMPARE(column(u"SELECT tenant_id FROM events"_s), QStringList{u"firm-a"_s});

        // Editing the mapping: the tenant now also owns the second WABA.
        selectTenant(u"firm-a"_s);
        QCOMPARE(child<QLineEdit>(tenants(), u"tenantId"_s)->isReadOnly(), true);
        editAndSave(QString(), u"Firm A Legal"_s, u"100000000000001\n100000000000002"_s);
        QCOMPARE(postWhatsApp(m_fx->port(), u"wa_second_waba_text.json"_s), 200);
        QCOMPARE(column(u"SELECT tenant_id FROM events ORDER BY received_at"_s),
                 (QStringList{u"firm-a"_s, u"firm-a"_s}));
        QCOMPARE(column(u"SELECT name FROM tenants"_s), QStringList{u"Firm A Legal"_s});
    }

    void invalidInputShowsErrorsAndSavesNothing()
    {
        QVERIFY(m_fx->start());
        m_fx->window->showPage(tenants());
        QTest::mouseClick(child<QPushButton>(tenants(), u"newTenant"_s), Qt::LeftButton);
        editAndSave(u"firm-a"_s, u"Firm A"_s, u"100000000000001"_s);

        QTest::mouseClick(child<QPushButton>(tenants(), u"newTenant"_s), Qt::LeftButton);
        typeText(child<QLineEdit>(tenants(), u"tenantId"_s), u"Firm B!"_s);
        typeText(child<QLineEdit>(tenants(), u"tenantName"_s), u"Firm B"_s);
        typeText(child<QPlainTextEdit>(tenants(), u"tenantWabas"_s), u"12ab\n100000000000001"_s);
        QLabel *idError = child<QLabel>(tenants(), u"idError"_s);
        QLabel *wabaError = child<QLabel>(tenants(), u"wabaError"_s);
        QVERIFY(idError->isVisible());
        QVERIFY(wabaError->isVisible());
        QVERIFY2(wabaError->text().contains(u"'12ab' is not numeric"_s),
                 qPrintable(wabaError->text()));
        QVERIFY2(wabaError->text().contains(u"already belongs to tenant 'firm-a'"_s),
                 qPrintable(wabaError->text()));
        QPushButton *save = child<QPushButton>(tenants(), u"saveTenant"_s);
        QVERIFY(!save->isEnabled());
        // Ctrl+S (or a forced save) is refused too, with a message and nothing written.
        QSignalSpy failed(tenants(), &TenantsPage::saveFailed);
        tenants()->save();
        QCOMPARE(failed.count(), 1);
        QVERIFY(child<MessageBar>(tenants(), u"tenantMessages"_s)->isVisible());
        QTest::qWait(300);
        QCOMPARE(column(u"SELECT id FROM tenants ORDER BY id"_s), QStringList{u"firm-a"_s});
        QCOMPARE(column(u"SELECT count(*) FROM tenant_routes"_s), QStringList{u"1"_s});

        // Fixing the fields clears the errors.
        QLineEdit *idEdit = child<QLineEdit>(tenants(), u"tenantId"_s);
        idEdit->setText(u"firm-b"_s);
        child<QPlainTextEdit>(tenants(), u"tenantWabas"_s)->setPlainText(u"100000000000002"_s);
        QVERIFY(!idError->isVisible());
        QVERIFY(!wabaError->isVisible());
        QVERIFY(save->isEnabled());
    }

    void revertUndoesUnsavedEdits()
    {
        QVERIFY(m_fx->start());
        m_fx->window->showPage(tenants());
        QTest::mouseClick(child<QPushButton>(tenants(), u"newTenant"_s), Qt::LeftButton);
        editAndSave(u"firm-a"_s, u"Firm A"_s, u"100000000000001"_s);
        selectTenant(u"firm-a"_s);
        QLineEdit *name = child<QLineEdit>(tenants(), u"tenantName"_s);
        QCheckBox *enabled = child<QCheckBox>(tenants(), u"tenantEnabled"_s);
        name->setText(u"Someone else"_s);
        enabled->setChecked(false);
        QVERIFY(tenants()->isDirty());
        QPushButton *revert = child<QPushButton>(tenants(), u"revertTenant"_s);
        QVERIFY(revert->isEnabled());
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(name->text(), u"Firm A"_s);
        QVERIFY(enabled->isChecked());
        QVERIFY(!tenants()->isDirty());
        QCOMPARE(column(u"SELECT name FROM tenants"_s), QStringList{u"Firm A"_s});
    }

    void chartsReceivePointsAfterRealRequests()
    {
        QVERIFY(m_fx->start());
        DashboardPage *dash = m_fx->window->dashboard();
        m_fx->window->showPage(dash);
        m_fx->backend->poll();
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(postWhatsApp(m_fx->port(), u"wa_text.json"_s), 200);
            QCOMPARE(postWhatsApp(m_fx->port(), u"wa_status_read.json"_s, false), 401);
        }
        QTest::qWait(1100);
        m_fx->backend->poll();

        auto series = [&](const QString &chart) {
            QMap<QString, QLineSeries *> out;
            const auto all = child<QChartView>(dash, chart)->chart()->series();
            for (QAbstractSeries *s : all)
                out.insert(s->objectName(), qobject_cast<QLineSeries *>(s));
            return out;
        };
        auto maxY = [](QLineSeries *s) {
            double top = 0;
            for (const QPointF &p : s->points())
                top = qMax(top, p.y());
            return top;
        };
        const auto failures = series(u"failuresChart"_s);
        QVERIFY2(failures.contains(u"whatsapp"_s), qPrintable(failures.keys().join(u',')));
        QCOMPARE(maxY(failures.value(u"whatsapp"_s)), 5.0);
        const auto rates = series(u"ratesChart"_s);
        QVERIFY2(rates.contains(u"accepted"_s) || rates.contains(u"unknown_tenant"_s),
                 qPrintable(rates.keys().join(u',')));
        double total = 0;
        for (QLineSeries *s : rates)
            total += maxY(s);
        QVERIFY(total > 0);
        const auto latency = series(u"latencyChart"_s);
        QVERIFY(latency.value(u"p99"_s)->count() >= 2);
        QVERIFY(maxY(latency.value(u"p99"_s)) > 0);
        QCOMPARE(dash->history().failuresLastHour(u"whatsapp"_s), 5);
    }

    void rateLimitTableShowsOffender()
    {
        QVERIFY(m_fx->start({{u"limits/rate_per_ip"_s, u"2"_s}}));
        DashboardPage *dash = m_fx->window->dashboard();
        const QHostAddress offender(u"127.0.0.7"_s);
        int limited = 0;
        for (int i = 0; i < 12; ++i)
            limited += postWhatsApp(m_fx->port(), u"wa_text.json"_s, false, offender) == 429;
        QVERIFY(limited >= 5);
        QTableView *table = child<QTableView>(dash, u"offenderTable"_s);
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 5000);
        QCOMPARE(table->model()->index(0, 0).data().toString(), u"127.0.0.7"_s);
        QCOMPARE(table->model()->index(0, 1).data().toString(), QString::number(limited));
    }

    void alertRaisesBannerAndHistory()
    {
        QVERIFY(m_fx->start({{u"alerts/signature_failures"_s, u"3"_s}}));
        QSignalSpy alerts(m_fx->console.get(), &Console::alertRaised);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(postWhatsApp(m_fx->port(), u"wa_text.json"_s, false), 401);
        QVERIFY(alerts.count() > 0 || alerts.wait(5000));
        MessageBar *banner = m_fx->window->banner();
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(u"whatsapp"_s), qPrintable(banner->text()));
        // The banner follows a language switch like the pages do.
        m_fx->language->apply(u"id"_s, false);
        QTRY_VERIFY2(banner->text().contains(u"kegagalan tanda tangan dari sumber 'whatsapp'"_s),
                     qPrintable(banner->text()));
        m_fx->language->apply(u"en"_s, false);
        QTRY_VERIFY(banner->text().startsWith(u"3 signature failures"_s));
        // The alert's audit row, read back from the gateway's database.
        AlertsModel *model = m_fx->window->alerts()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
        m_fx->backend->poll(); // a snapshot repeating the alert adds no row
        QTest::qWait(100);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->unacknowledged(), 1);
        QCOMPARE(model->alert(0)->source, u"whatsapp"_s);
        QListWidget *nav = child<QListWidget>(m_fx->window.get(), u"navigation"_s);
        const int alertsRow = int(m_fx->window->pages().indexOf(m_fx->window->alerts()));
        QTRY_COMPARE(nav->item(alertsRow)->text(), u"Alerts (1)"_s);
        QVERIFY(model->flags(model->index(0, AlertsModel::Acknowledged)) & Qt::ItemIsUserCheckable);
        QSignalSpy acknowledged(model, &AlertsModel::acknowledged);
        QVERIFY(model->setData(model->index(0, AlertsModel::Acknowledged), Qt::Checked,
                               Qt::CheckStateRole));
        QVERIFY(acknowledged.wait(5000));
        QVERIFY(acknowledged.first().at(0).toBool());
        QTRY_COMPARE(model->unacknowledged(), 0);
        QTRY_COMPARE(nav->item(alertsRow)->text(), u"Alerts"_s);
        // Stored with the gateway, by whom: every console and gerbangctl see it.
        QVERIFY(model->alert(0)->acknowledgedBy.startsWith(u"os:"_s));
        const CommandResult listed = runCtl(m_fx->dataDir(), {u"alerts"_s, u"list"_s, u"--json"_s});
        QVERIFY2(listed.out.contains("acknowledged_by"), listed.err.constData());
        QVERIFY2(!listed.out.contains("\"acknowledged_at\":null"), listed.out.constData());
    }

    // Issue 19: an alert for a quiet failure (here a certificate within its 14 days) shows
    // in the banner with what to do next, in both languages, and in the alert history with its
    // kind; the gateway checks at start.
    void quietFailureAlertInBothLanguages()
    {
        // A certificate valid for five days, made with the openssl command line.
        QTemporaryDir tls;
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(u"openssl"_s,
                      {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                       u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"5"_s,
                       u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s, tls.filePath(u"key.pem"_s),
                       u"-out"_s, tls.filePath(u"cert.pem"_s)});
        QVERIFY(openssl.waitForFinished(30000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());
        QFile::setPermissions(tls.filePath(u"key.pem"_s), QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(m_fx->start({{u"tls/certificate"_s, tls.filePath(u"cert.pem"_s)},
                             {u"tls/private_key"_s, tls.filePath(u"key.pem"_s)}}));
        MessageBar *banner = m_fx->window->banner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->text().contains(u"expires"_s),
                                 10000);
        QVERIFY2(banner->text().contains(u"gerbangctl tls reload"_s), qPrintable(banner->text()));
        QCOMPARE(banner->kind(), MessageBar::Kind::Warning);
        m_fx->language->apply(u"id"_s, false);
        QTRY_VERIFY2(banner->text().contains(u"kedaluwarsa pada"_s), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(u"Perbarui sertifikatnya"_s), qPrintable(banner->text()));
        AlertsModel *model = m_fx->window->alerts()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
        QCOMPARE(model->index(0, AlertsModel::Kind).data().toString(),
                 u"Sertifikat akan kedaluwarsa"_s);
        QVERIFY(model->index(0, AlertsModel::Description)
                    .data()
                    .toString()
                    .contains(tls.filePath(u"cert.pem"_s)));
        m_fx->language->apply(u"en"_s, false);
        QTRY_VERIFY(banner->text().startsWith(u"The TLS certificate"_s));
        QCOMPARE(model->index(0, AlertsModel::Kind).data().toString(), u"Certificate expiring"_s);
        QVERIFY(model->index(0, AlertsModel::Description)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"Renew it"_s));
    }

    void sourcesAndSecretsShowFingerprintsOnly()
    {
        QVERIFY(m_fx->start());
        SourcesPage *page = m_fx->window->sources();
        m_fx->window->showPage(tenants());
        QTest::mouseClick(child<QPushButton>(tenants(), u"newTenant"_s), Qt::LeftButton);
        editAndSave(u"firm-a"_s, u"Firm A"_s, u"100000000000001"_s);
        m_fx->window->showPage(page);
        Source s;
        s.name = u"firm-a-stripe"_s;
        s.provider = u"stripe"_s;
        s.tenant = u"firm-a"_s;
        QSignalSpy changed(page, &SourcesPage::changed);
        page->addSource(s);
        QVERIFY(changed.wait(5000));
        QVERIFY2(changed.last().at(0).toBool(), qPrintable(changed.last().at(1).toString()));
        QSignalSpy loaded(page, &SourcesPage::loaded);
        QSignalSpy reloaded(m_fx->console.get(), &Console::configurationReloaded);
        page->writeSecret(u"firm-a-stripe"_s, "whsec_not_shown_anywhere", false);
        QVERIFY(changed.wait(5000));
        QVERIFY(changed.last().at(0).toBool());
        QTRY_VERIFY(!page->secretList().isEmpty());
        QCOMPARE(page->secretList().size(), 1);
        const QString fingerprint = page->secretList().first().fingerprint;
        QVERIFY(!fingerprint.isEmpty());
        QTableView *secrets = child<QTableView>(page, u"secretsTable"_s);
        QString shown;
        for (int c = 0; c < secrets->model()->columnCount(); ++c)
            shown += secrets->model()->index(0, c).data().toString() + u' ';
        QVERIFY(shown.contains(fingerprint));
        QVERIFY(!shown.contains(u"whsec_not_shown"_s));
        QVERIFY(!changed.last().at(1).toString().contains(u"whsec_not_shown"_s));
        QCOMPARE(column(u"SELECT name FROM sources"_s), QStringList{u"firm-a-stripe"_s});

        // Send test event: signed here with the stored secret, sent to the engine's public
        // route, followed through its store (once the engine has read the secret's revision).
        const qint64 revision =
            column(u"SELECT value FROM meta WHERE key = 'config_revision'"_s).value(0).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(
            !reloaded.isEmpty() && reloaded.constLast().at(0).toLongLong() >= revision, 5000);
        SourceTestDialog *dialog = page->testSource(u"firm-a-stripe"_s);
        QSignalSpy settled(dialog, &SourceTestDialog::settled);
        QVERIFY(settled.wait(20000));
        QVERIFY2(dialog->report().passed(),
                 QJsonDocument(dialog->report().toJson()).toJson().constData());
        QCOMPARE(dialog->report().steps.at(2).detail, u"Routed to tenant 'firm-a'."_s);
        QCOMPARE(column(u"SELECT count(*) FROM events WHERE provider_event_id = 'evt_%1'"_s.arg(
                     dialog->report().testId)),
                 QStringList{u"1"_s});
        dialog->close();

        // The WhatsApp setup check against the embedded engine: firm-a's WABA reaches it, and
        // the route is checked where the engine listens.
        WhatsAppCheckDialog *check = page->checkWhatsApp();
        QSignalSpy checked(check, &WhatsAppCheckDialog::settled);
        QVERIFY(checked.wait(20000));
        const WhatsAppSetupReport &report = check->report();
        QCOMPARE(report.checks.size(), 5);
        QVERIFY2(report.checks.at(qsizetype(SetupCheck::WabaTenants)).state == CheckState::Passed,
                 QJsonDocument(report.toJson()).toJson().constData());
        QVERIFY2(report.url.endsWith(u"/whatsapp/webhook"_s), qPrintable(report.url));
        auto *rows = check->findChild<QTableWidget *>(u"whatsAppChecks"_s);
        QCOMPARE(rows->rowCount(), 5);
        QCOMPARE(rows->item(int(SetupCheck::WabaTenants), 1)->text(), u"Passed"_s);
        check->close();

        page->removeSource(u"firm-a-stripe"_s);
        QVERIFY(changed.wait(5000));
        QCOMPARE(column(u"SELECT count(*) FROM sources"_s), QStringList{u"0"_s});
    }

    void settingsAreValidatedAndWrittenForGerbangd()
    {
        QVERIFY(m_fx->start());
        SettingsPage *page = m_fx->window->settingsPage();
        m_fx->window->showPage(page);
        QSignalSpy loaded(page, &SettingsPage::loaded);
        page->load();
        QVERIFY(loaded.wait(5000));
        // A refused value writes nothing.
        QLineEdit *days = page->field(u"retention/audit_days"_s);
        const QByteArray before = [&] {
            QFile f(m_fx->configPath());
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QSignalSpy failed(page, &SettingsPage::saveFailed);
        const auto refused = [&] {
            failed.clear();
            return page->save() && failed.wait(5000);
        };
        days->setText(u"0"_s);
        QVERIFY(refused());
        QVERIFY(page->lastProblems().join(u' ').contains(u"retention/audit_days"_s));
        QVERIFY(days->styleSheet().contains(u"border"_s)); // the field is marked
        days->setText(u"365"_s);
        page->field(u"storage/database_url"_s)->setText(u"mysql://db.example/gerbang"_s);
        QVERIFY(refused());
        QVERIFY(page->lastProblems().join(u' ').contains(u"storage/database_url"_s));
        QVERIFY(!page->lastProblems().join(u' ').contains(u"db.example"_s)); // URL not echoed
        page->field(u"storage/database_url"_s)->clear();
        days->setText(u"0"_s);
        QVERIFY(refused());
        QFile file(m_fx->configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        file.close();
        // A good value is written to the INI file gerbangd reads, and the page says a restart
        // is needed.
        days->setText(u"90"_s);
        page->field(u"limits/rate_per_ip"_s)->setText(u"25"_s);
        QSignalSpy saved(page, &SettingsPage::saved);
        QVERIFY(page->save());
        QVERIFY(saved.wait(5000));
        // The retention period reaches the running engine at once; the rate limit at restart.
        const QString said = child<MessageBar>(page, u"settingsMessages"_s)->text();
        QVERIFY2(said.contains(u"applied to the running engine"_s), qPrintable(said));
        QVERIFY2(said.contains(u"restart"_s), qPrintable(said));
        QVERIFY(child<QPushButton>(page, u"restartEngine"_s)->isVisible());
        Settings reread;
        QString error;
        QVERIFY2(reread.load(m_fx->configPath(), true, QProcessEnvironment(), &error),
                 qPrintable(error));
        QCOMPARE(reread.value(u"retention/audit_days"_s), u"90"_s);
        QCOMPARE(reread.value(u"limits/rate_per_ip"_s), u"25"_s);
        // Untouched keys stay as they were (the secret among them).
        QCOMPARE(reread.value(u"whatsapp/app_secret"_s), QString::fromLatin1(kFixtureAppSecret));
        // Who changed what, and when: one audit row naming the desktop user and the new values.
        QString settingsRow;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto db = openDb();
                QSqlQuery q(db->db());
                q.exec(u"SELECT method || ' ' || detail FROM audit_log WHERE outcome = 'changed' "
                       "AND detail LIKE '%settings_changed%'"_s);
                settingsRow = q.next() ? q.value(0).toString() : QString();
                return !settingsRow.isEmpty();
            }(),
            5000);
        QVERIFY2(settingsRow.startsWith(u"CONSOLE "_s), qPrintable(settingsRow));
        QVERIFY2(settingsRow.contains(u"\"actor\":\"os:"_s), qPrintable(settingsRow));
        QVERIFY2(settingsRow.contains(u"\"retention/audit_days\":\"90\""_s),
                 qPrintable(settingsRow));
        QCOMPARE(QFileInfo(m_fx->configPath()).permissions() &
                     (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        // Purge now runs the engine's retention job; the page shows when it ran.
        QLabel *purgeTimes = child<QLabel>(page, u"purgeTimes"_s);
        QTest::mouseClick(child<QPushButton>(page, u"purgeNow"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_fx->console->snapshot().lastPurgeMs > 0, 10000);
        m_fx->backend->poll(); // the statistics bring the purge time
        QVERIFY2(!purgeTimes->text().contains(u"never"_s), qPrintable(purgeTimes->text()));
        // Restart applies it.
        m_fx->console->restartEngine();
        QTRY_COMPARE_WITH_TIMEOUT(m_fx->console->state(), Console::State::Running, 15000);
        QCOMPARE(m_fx->console->settings().value(u"limits/rate_per_ip"_s), u"25"_s);
    }

    void firstRunWritesConfigurationKeySecretsAndTenant()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(u"conf/gerbang.ini"_s);
        const QString data = dir.filePath(u"data"_s);
        Console console({u"gerbang"_s, u"--config"_s, config});
        QVERIFY(!console.configurationExists());
        {
            // An admin whose gateway runs elsewhere sets nothing up here.
            FirstRunDialog elsewhere(console);
            elsewhere.show();
            QTest::mouseClick(child<QPushButton>(&elsewhere, u"firstRunConnectInstead"_s),
                              Qt::LeftButton);
            QCOMPARE(elsewhere.result(), FirstRunDialog::ConnectInstead);
            QVERIFY(!console.configurationExists());
        }
        FirstRunDialog dialog(console);
        auto field = [&](const QString &name) { return child<QLineEdit>(&dialog, name); };
        field(u"firstRunDataDir"_s)->setText(data);
        field(u"firstRunListen"_s)->setText(u"127.0.0.1:0"_s);
        QCOMPARE(field(u"firstRunAppSecret"_s)->echoMode(), QLineEdit::Password);
        typeText(field(u"firstRunAppSecret"_s), QString::fromLatin1(kFixtureAppSecret));
        typeText(field(u"firstRunVerifyToken"_s), u"verify-me"_s);
        typeText(field(u"firstRunTenantId"_s), u"firm-a"_s);
        typeText(field(u"firstRunTenantName"_s), u"Firm A"_s);
        typeText(field(u"firstRunWaba"_s), u"100000000000001"_s);
        QSignalSpy done(&dialog, &FirstRunDialog::setupFinished);
        dialog.finish();
        QVERIFY(done.count() > 0 || done.wait(10000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(done.first().at(1).toString().contains(u"Back it up"_s));
        QVERIFY(field(u"firstRunAppSecret"_s)->text().isEmpty()); // not kept in the widget

        // What gerbangd will read: the file, the key, the sealed secrets, the tenant.
        QVERIFY(console.configurationExists());
        QCOMPARE(console.dataDir(), data);
        QVERIFY(QFileInfo::exists(data + u"/master.key"_s));
        QCOMPARE(QFileInfo(config).permissions() & QFileDevice::ReadOther,
                 QFileDevice::Permissions());
        QString error;
        auto db = Database::open(
            {DatabaseTarget::sqlite(Database::sqlitePathIn(data)), 5000, false}, &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT name FROM secrets ORDER BY name"_s));
        QStringList secrets;
        while (q.next())
            secrets << q.value(0).toString();
        QCOMPARE(secrets, (QStringList{u"whatsapp"_s, u"whatsapp-verify-token"_s}));
        QVERIFY(TenantRepository(*db).find(u"firm-a"_s, &error).has_value());
        db.reset();

        // And the engine it configured verifies with the stored app secret and routes.
        console.startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(console.state(), Console::State::Running, 15000);
        QCOMPARE(postWhatsApp(console.listenPort(), u"wa_text.json"_s), 200);
        const HttpResult check = httpRequest(
            console.listenPort(), "GET",
            "/whatsapp/webhook?hub.mode=subscribe&hub.challenge=42&hub.verify_token=verify-me");
        QCOMPARE(check.status, 200);
        console.shutdown();
        db = Database::open({DatabaseTarget::sqlite(Database::sqlitePathIn(data)), 5000, false},
                            &error);
        QSqlQuery events(db->db());
        QVERIFY(events.exec(u"SELECT tenant_id FROM events"_s) && events.next());
        QCOMPARE(events.value(0).toString(), u"firm-a"_s);
    }

    void engineStopsAndStartsFromTheToolbar()
    {
        QVERIFY(m_fx->start());
        QAction *stop = m_fx->window->findChild<QAction *>(u"stopAction"_s);
        QAction *start = m_fx->window->findChild<QAction *>(u"startAction"_s);
        QVERIFY(stop->isEnabled());
        QVERIFY(!start->isEnabled());
        stop->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_fx->console->state(), Console::State::Stopped, 15000);
        QVERIFY(start->isEnabled());
        QCOMPARE(child<QLabel>(m_fx->window.get(), u"engineState"_s)->text(), u"Engine stopped"_s);
        start->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_fx->console->state(), Console::State::Running, 15000);
        QCOMPARE(httpRequest(m_fx->port(), "GET", "/health").status, 200);
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
