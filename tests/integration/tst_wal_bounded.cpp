// SPDX-License-Identifier: GPL-3.0-or-later
// Under sustained load the SQLite WAL stays small: the writer starts it over once the
// checkpointer has caught up, instead of appending to it for as long as traffic lasts (which
// grew it by 40 MB a second at full speed, and slowed every commit down).
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace gerbang::test;

namespace {

// Bytes the process has written to files and sockets (Linux /proc/PID/io, "wchar").
qint64 bytesWritten(qint64 pid)
{
    QFile io(u"/proc/%1/io"_s.arg(pid));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

} // namespace

class TestWalBounded : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        if (testingOnPostgres())
            QSKIP("SQLite's write-ahead log; PostgreSQL manages its own");
        QVERIFY(m_dir.isValid());
        QFile ini(m_dir.path() + u"/gerbang.ini"_s);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ini.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GERBANG_CONFIG"_s, ini.fileName());
        const CommandResult r = runCtl(m_dir.path(),
                                       {u"tenant"_s, u"add"_s, u"acme"_s, u"--name"_s, u"Acme"_s,
                                        u"--waba"_s, u"100000000000001"_s},
                                       {}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void walStaysSmallUnderSustainedLoad()
    {
        GatewayProcess gw(m_dir.path());
        gw.environment().insert(u"GERBANG_CONFIG"_s, m_dir.path() + u"/gerbang.ini"_s);
        gw.environment().insert(u"GERBANG_WHATSAPP_APP_SECRET"_s,
                                QString::fromLatin1(kFixtureAppSecret));
        gw.environment().insert(u"GERBANG_RATE_GLOBAL"_s, u"0"_s);
        gw.environment().insert(u"GERBANG_RATE_PER_IP"_s, u"0"_s);
        QString error;
        QVERIFY2(gw.start(&error), qPrintable(error));
        const quint16 port = gw.port();
        const QByteArray fixture = readFixture(u"wa_text.json"_s);
        const QByteArray fixtureWamid = kFixtureTextWamid.toByteArray();
        const QString wal = gw.databasePath() + u"-wal"_s;
        const qint64 written0 = bytesWritten(gw.pid());
        QVERIFY(written0 >= 0);

        // Enough writing for the WAL to have passed its restart size (16 MiB) several times over.
        constexpr qint64 kEnough = 160LL << 20;
        std::atomic<bool> stop = false;
        std::atomic<int> accepted = 0;
        std::atomic<int> refused = 0;
        std::vector<std::thread> clients;
        for (int t = 0; t < 4; ++t) {
            clients.emplace_back([&, t] {
                for (int i = 0; !stop; ++i) {
                    QByteArray body = fixture;
                    const QByteArray wamid =
                        "wamid.wal-" + QByteArray::number(t) + '-' + QByteArray::number(i);
                    body.replace(fixtureWamid, wamid);
                    const HttpResult r = httpRequest(port, "POST", "/whatsapp/webhook", body,
                                                     {{"Content-Type", "application/json"},
                                                      {"X-Hub-Signature-256", hubSignature(body)}},
                                                     5000);
                    (r.status == 200 ? accepted : refused) += 1;
                }
            });
        }
        qint64 largestWal = 0;
        qint64 written = 0;
        QElapsedTimer clock;
        clock.start();
        while (written < kEnough && clock.elapsed() < 120000) {
            QTest::qWait(20);
            largestWal = std::max(largestWal, QFileInfo(wal).size());
            written = bytesWritten(gw.pid()) - written0;
        }
        stop = true;
        for (std::thread &c : clients)
            c.join();
        qInfo("%d webhooks accepted, %lld MiB written, largest WAL %lld MiB", accepted.load(),
              written >> 20, largestWal >> 20);
        QCOMPARE(refused.load(), 0);
        QVERIFY2(written >= kEnough, "the load did not write enough to test the WAL");
        // Restart size plus what one commit and the last copy may add. Without restarts the WAL
        // holds about half of what was written (the other half being the copies into the
        // database file): some 80 MiB.
        QVERIFY2(largestWal < (32LL << 20),
                 qPrintable(u"the WAL grew to %1 bytes"_s.arg(largestWal)));
        QCOMPARE(gw.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWalBounded)
#include "tst_wal_bounded.moc"
