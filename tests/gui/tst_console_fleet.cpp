// SPDX-License-Identifier: GPL-3.0-or-later
// Two gerbangd on one PostgreSQL database, the console attached to one of them: its Gateways
// page lists both, and a gateway that stops shows so within 10 s. Runs only when
// GERBANG_TEST_DATABASE_URL names a PostgreSQL server (test.sh's PostgreSQL pass).
#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "backend/RemoteBackend.h"
#include "core/Language.h"
#include "crypto/Crypto.h"
#include "pages/DashboardPage.h"
#include "pages/GatewaysPage.h"
#include "pages/MainWindow.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

class TestConsoleFleet : public QObject
{
    Q_OBJECT

private:
    std::array<std::unique_ptr<QTemporaryDir>, 2> m_dirs;
    std::array<std::unique_ptr<GatewayProcess>, 2> m_gws;

    int rowOf(QTableWidget *table, const QString &gatewayId)
    {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 1) && table->item(row, 1)->toolTip() == gatewayId)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!testingOnPostgres())
            QSKIP("several gateways share a PostgreSQL database: set GERBANG_TEST_DATABASE_URL "
                  "(tests/support/pg-cluster.sh start prints one; test.sh does this)");
        QStandardPaths::setTestModeEnabled(true);
        for (auto &dir : m_dirs) {
            dir = std::make_unique<QTemporaryDir>();
            QVERIFY(dir->isValid());
        }
        const QString url = testDatabaseUrl(m_dirs[0]->path());
        const QString masterKey = QString::fromLatin1(crypto::randomBytes(32).toBase64());
        for (int i = 0; i < 2; ++i) {
            m_gws[i] = std::make_unique<GatewayProcess>(m_dirs[i]->path());
            m_gws[i]->environment().insert(u"GERBANG_DATABASE_URL"_s, url);
            m_gws[i]->environment().insert(u"GERBANG_MASTER_KEY"_s, masterKey);
            QString error;
            QVERIFY2(m_gws[i]->start(&error), qPrintable(error));
        }
    }

    void cleanupTestCase()
    {
        for (auto &gw : m_gws) {
            QString why;
            if (gw && gw->isRunning())
                QVERIFY2(gw->stopCleanly(&why), qPrintable(why));
        }
    }

    void gatewaysPageListsTheFleetAndSeesOneStop()
    {
        const auto loads = [this] { return m_gws[0]->output().count("configuration revision"); };
        const qsizetype before = loads();
        const CommandResult created =
            runCtl(m_dirs[0]->path(), {u"admin"_s, u"token"_s, u"create"_s, u"fleet-desk"_s,
                                       u"--role"_s, u"viewer"_s});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(loads() > before, 5000); // the gateway knows the token
        const QByteArray token = created.out.trimmed();
        RemoteBackend backend(
            {QUrl(u"http://127.0.0.1:%1"_s.arg(m_gws[0]->adminPort())), token, {}});
        Language language;
        language.apply(u"en"_s, false);
        MainWindow window(backend, language);
        window.show();
        backend.attach();
        QTRY_COMPARE_WITH_TIMEOUT(backend.link(), Backend::Link::Up, 15000);
        GatewaysPage *page = window.gateways();
        window.showPage(page);
        auto *table = page->findChild<QTableWidget *>(u"gatewayTable"_s);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 15000);
        QString second;
        for (const FleetMember &m : page->members()) {
            QCOMPARE(m.state, GatewayState::Up);
            QVERIFY(!m.beat.version.isEmpty() && !m.beat.host.isEmpty());
        }
        QVERIFY(page->findChild<QLabel *>(u"fleetSummary"_s)->text().contains(u"2 up"_s));
        // The dashboard adds the fleet up, from the same heartbeats.
        DashboardPage *dashboard = window.dashboard();
        dashboard->setScope(DashboardPage::Scope::Fleet);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->findChild<QLabel *>(u"dashboardScopeNote"_s)
                                     ->text()
                                     .startsWith(u"2 gateways up"_s),
                                 10000);
        dashboard->setScope(DashboardPage::Scope::ThisGateway);
        QVERIFY(dashboard->findChild<QLabel *>(u"dashboardScopeNote"_s)->text().isEmpty());
        // The other gateway is the one not attached: it stops, and the page says so in time.
        for (const FleetMember &m : page->members()) {
            if (!m.beat.adminUrl.contains(QString::number(m_gws[0]->adminPort())))
                second = m.beat.id;
        }
        QVERIFY(!second.isEmpty());
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(m_gws[1]->terminate(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const int row = rowOf(table, second);
                return row >= 0 && table->item(row, 0)->text() == u"Stopped"_s;
            }(),
            10000);
        qInfo("the stopped gateway showed as stopped after %lld ms", clock.elapsed());
    }
};

QTEST_MAIN(TestConsoleFleet)
#include "tst_console_fleet.moc"
