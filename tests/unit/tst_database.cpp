// SPDX-License-Identifier: GPL-3.0-or-later
// The storage layer on both dialects: database URLs, migrations, value round trips and the
// store's dedup. The PostgreSQL cases run when GERBANG_TEST_DATABASE_URL names a server
// (tests/support/pg-cluster.sh), each on a fresh database; the SQLite ones always.
#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "crypto/Vault.h"
#include "storage/Database.h"
#include "storage/DatabaseTarget.h"
#include "store/StoreWriter.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <limits>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

Q_DECLARE_METATYPE(DatabaseTarget::Kind)

namespace {

constexpr auto kPassword = "s3cr%t-Pa55";

QList<bool> dialects()
{
    return testingOnPostgres() ? QList<bool>{false, true} : QList<bool>{false};
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    // A fresh store of the given dialect for the current test case.
    std::unique_ptr<Database> freshDatabase(bool postgres, bool migrated = true)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        const auto target = DatabaseTarget::resolve(
            postgres ? testDatabaseUrl(m_dir->path()) : QString(), m_dir->path(), &error);
        if (!target)
            qFatal("%s", qPrintable(error));
        auto db = Database::open({*target, 5000, false}, &error);
        if (!db || (migrated && !db->migrate(&error)))
            qFatal("cannot open the test store: %s", qPrintable(error));
        return db;
    }

    void addDialectColumn()
    {
        QTest::addColumn<bool>("postgres");
        for (bool pg : dialects())
            QTest::newRow(pg ? "postgresql" : "sqlite") << pg;
    }

private Q_SLOTS:
    void urlParsing_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("options");
        // Sessions are named after the program.
        const QString app = QCoreApplication::applicationName();
        const QString defaults = u"connect_timeout=10;application_name='%1'"_s.arg(app);
        QTest::newRow("full") << u"postgresql://gerbang:pw@db.example:6543/store"_s
                              << u"db.example"_s << 6543 << u"gerbang"_s << u"pw"_s << u"store"_s
                              << defaults;
        QTest::newRow("postgres scheme, default port")
            << u"postgres://u@10.0.0.5/gerbang"_s << u"10.0.0.5"_s << 5432 << u"u"_s << QString()
            << u"gerbang"_s << defaults;
        QTest::newRow("percent-encoded")
            << u"postgresql://us%40er:p%3Aw%2Fd%20x@h/d%C3%A9b"_s << u"h"_s << 5432 << u"us@er"_s
            << u"p:w/d x"_s << u"d\u00e9b"_s << defaults;
        QTest::newRow("socket directory")
            << u"postgresql://gerbang@/store?host=/run/postgresql&port=5433"_s
            << u"/run/postgresql"_s << 5433 << u"gerbang"_s << QString() << u"store"_s << defaults;
        QTest::newRow("percent-encoded socket directory")
            << u"postgresql:///store?host=%2Ftmp%2Fpg%20dir"_s << u"/tmp/pg dir"_s << 5432
            << QString() << QString() << u"store"_s << defaults;
        QTest::newRow("ipv6") << u"postgresql://u@[::1]:5440/x"_s << u"::1"_s << 5440 << u"u"_s
                              << QString() << u"x"_s << defaults;
        QTest::newRow("database defaults to the user")
            << u"postgresql://alice@h"_s << u"h"_s << 5432 << u"alice"_s << QString() << u"alice"_s
            << defaults;
        QTest::newRow("ssl and own timeout")
            << u"postgresql://u@h/d?sslmode=verify-full&sslrootcert=/etc/ssl/it's.pem&connect_timeout=3"_s
            << u"h"_s << 5432 << u"u"_s << QString() << u"d"_s
            << u"sslmode='verify-full';sslrootcert='/etc/ssl/it\\'s.pem';connect_timeout='3';"
               "application_name='%1'"_s.arg(app);
        QTest::newRow("user and password as parameters")
            << u"postgresql://h/d?user=bob&password=x%26y"_s << u"h"_s << 5432 << u"bob"_s
            << u"x&y"_s << u"d"_s << defaults;
    }
    void urlParsing()
    {
        QFETCH(QString, url);
        QString error;
        const auto t = DatabaseTarget::fromUrl(url, &error);
        QVERIFY2(t, qPrintable(error));
        QVERIFY(t->isPostgres());
        QTEST(t->host, "host");
        QTEST(t->port, "port");
        QTEST(t->user, "user");
        QTEST(t->password, "password");
        QTEST(t->databaseName, "database");
        QTEST(t->connectOptions, "options");
    }

    void badUrlsAreRefusedWithoutTheirPassword_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        const QString pw = QString::fromLatin1(kPassword).replace(u"%"_s, u"%25"_s);
        QTest::newRow("port out of range")
            << u"postgresql://u:%1@h:99999/d"_s.arg(pw) << u"not a valid URL"_s;
        QTest::newRow("space in host")
            << u"postgresql://u:%1@h st/d"_s.arg(pw) << u"not a valid URL"_s;
        QTest::newRow("other scheme") << u"mysql://u:%1@h/d"_s.arg(pw) << u"postgresql://"_s;
        QTest::newRow("no scheme") << u"u:%1@h/d"_s.arg(pw) << u"postgresql://"_s;
        QTest::newRow("typo in a parameter")
            << u"postgresql://u:%1@h/d?sslmod=require"_s.arg(pw) << u"'sslmod'"_s;
        QTest::newRow("bad port parameter")
            << u"postgresql://u:%1@h/d?port=x"_s.arg(pw) << u"port"_s;
        QTest::newRow("path with two names")
            << u"postgresql://u:%1@h/d/e"_s.arg(pw) << u"one database name"_s;
        QTest::newRow("separator in an option")
            << u"postgresql://u:%1@h/d?application_name=a;b"_s.arg(pw) << u"';'"_s;
    }
    void badUrlsAreRefusedWithoutTheirPassword()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!DatabaseTarget::fromUrl(url, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1StringView(kPassword)), qPrintable(error));
        QVERIFY2(!error.contains(u"s3cr"_s), qPrintable(error));
    }

    void describeAndRedactHideThePassword()
    {
        QString error;
        auto t =
            DatabaseTarget::fromUrl(u"postgresql://gerbang:s3cr%25t-Pa55@db:5433/store"_s, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->password, QLatin1StringView(kPassword));
        QCOMPARE(t->describe(), u"postgresql://gerbang@db:5433/store"_s);
        QCOMPARE(t->redact(u"FATAL: password s3cr%t-Pa55 (s3cr%25t-Pa55) refused"_s),
                 u"FATAL: password *** (***) refused"_s);
        t = DatabaseTarget::fromUrl(u"postgresql://u:pw@/d?host=/run/pg"_s, &error);
        QCOMPARE(t->describe(), u"postgresql://u@/d?host=/run/pg&port=5432"_s);
        QCOMPARE(DatabaseTarget::resolve({}, u"/var/lib/gerbang"_s, &error)->describe(),
                 u"/var/lib/gerbang/gerbang.sqlite"_s);
    }

    void connectionErrorNamesTheServerButNotThePassword()
    {
        // Nothing listens on port 1: the driver's error comes back, redacted.
        QString error;
        const auto t = DatabaseTarget::fromUrl(
            u"postgresql://gerbang:s3cr%25t-Pa55@127.0.0.1:1/store?connect_timeout=2"_s, &error);
        QVERIFY2(t, qPrintable(error));
        QVERIFY(!Database::open({*t, 1000, false}, &error));
        QVERIFY2(error.contains(u"postgresql://gerbang@127.0.0.1:1/store"_s), qPrintable(error));
        QVERIFY2(!error.contains(u"s3cr"_s), qPrintable(error));
    }

    void migrationListsAgree()
    {
        // Every schema version exists for both dialects, or no program starts.
        QCOMPARE(Database::migrationListProblem(), QString());
        QVERIFY(Database::schemaVersionSupported() >= 3);
    }

    void migrateCreatesTheSchemaOnce_data() { addDialectColumn(); }
    void migrateCreatesTheSchemaOnce()
    {
        QFETCH(bool, postgres);
        auto db = freshDatabase(postgres);
        QCOMPARE(db->isPostgres(), postgres);
        QString error;
        QVERIFY2(db->migrate(&error), qPrintable(error)); // idempotent
        QSqlQuery q(db->db());
        QVERIFY(
            q.exec(postgres ? u"SELECT version FROM schema_version"_s : u"PRAGMA user_version"_s) &&
            q.next());
        QCOMPARE(q.value(0).toInt(), Database::schemaVersionSupported());
        QVERIFY(!q.next());
        QCOMPARE(db->configRevision(), 1);
        QVERIFY2(db->inWriteTransaction(&error, [&] { return db->bumpConfigRevision(&error); }),
                 qPrintable(error));
        QCOMPARE(db->configRevision(), 2);
    }

    void gatewaysStartingTogetherMigrateOnce()
    {
        if (!testingOnPostgres())
            QSKIP("needs GERBANG_TEST_DATABASE_URL (a PostgreSQL server; see pg-cluster.sh)");
        auto first = freshDatabase(true, false);
        const DatabaseTarget target = first->target();
        first.reset();
        // Several connections migrate an empty database at the same moment.
        std::atomic<int> ok{0};
        QStringList errors;
        std::mutex errorsMutex;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back(QThread::create([&] {
                QString error;
                auto db = Database::open({target, 5000, false}, &error);
                if (db && db->migrate(&error)) {
                    ok += 1;
                    return;
                }
                std::lock_guard lock(errorsMutex);
                errors << error;
            }));
            threads.back()->start();
        }
        for (auto &t : threads)
            QVERIFY(t->wait(60000));
        QVERIFY2(ok == 4, qPrintable(errors.join(u"; "_s)));
        QString error;
        auto db = Database::open({target, 5000, false}, &error);
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT count(*), min(version) FROM schema_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toInt(), Database::schemaVersionSupported());
        QVERIFY(q.exec(u"SELECT value FROM meta"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"1"_s);
        QVERIFY(!q.next());
    }

    void newerSchemaIsRefused_data() { addDialectColumn(); }
    void newerSchemaIsRefused()
    {
        QFETCH(bool, postgres);
        auto db = freshDatabase(postgres);
        const int newer = Database::schemaVersionSupported() + 1;
        QVERIFY(QSqlQuery(db->db()).exec(
            postgres ? u"UPDATE schema_version SET version = %1"_s.arg(newer)
                     : u"PRAGMA user_version = %1"_s.arg(newer)));
        QString error;
        QVERIFY(!db->migrate(&error));
        QVERIFY2(error.contains(u"newer than this Gerbang supports"_s), qPrintable(error));
        QVERIFY2(error.contains(db->describe()), qPrintable(error));
    }

    // A store written by the first version keeps its rows through every migration, and the
    // events it never handed over are queued in the outbox (version 4).
    void upgradeFromVersion1KeepsRows_data() { addDialectColumn(); }
    void upgradeFromVersion1KeepsRows()
    {
        QFETCH(bool, postgres);
        auto db = freshDatabase(postgres, false);
        QString error;
        QVERIFY2(db->migrateTo(1, &error), qPrintable(error));
        QSqlQuery q(db->db());
        for (const QString &sql :
             {u"INSERT INTO tenants (id, name, enabled, created_at, updated_at) "
              "VALUES ('firm-a', 'Firm A', 1, 1700000000000, 1700000000000)"_s,
              u"INSERT INTO tenant_routes (kind, value, tenant_id) "
              "VALUES ('waba', '100000000000001', 'firm-a')"_s,
              u"INSERT INTO events (id, tenant_id, provider, type, dedup_key, received_at) "
              "VALUES ('ev_1', 'firm-a', 'whatsapp', 'message.text', 'wamid.1', 1700000000001)"_s,
              u"INSERT INTO audit_log (received_at, source_ip, method, path, outcome, "
              "signature_status, http_status, processing_us, body_size) VALUES "
              "(1700000000001, '127.0.0.1', 'POST', '/whatsapp/webhook', 'accepted', 'valid', "
              "200, 10, 2)"_s})
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        QVERIFY2(db->migrate(&error), qPrintable(error));
        QVERIFY(q.exec(u"SELECT t.name, r.value FROM tenants t JOIN tenant_routes r "
                       "ON r.tenant_id = t.id"_s) &&
                q.next());
        QCOMPARE(q.value(0).toString(), u"Firm A"_s);
        QCOMPARE(q.value(1).toString(), u"100000000000001"_s);
        QVERIFY(q.exec(u"SELECT event_id, tenant_id, state, next_attempt_at FROM outbox"_s) &&
                q.next());
        QCOMPARE(q.value(0).toString(), u"ev_1"_s);
        QCOMPARE(q.value(1).toString(), u"firm-a"_s);
        QCOMPARE(q.value(2).toString(), u"pending"_s);
        QCOMPARE(q.value(3).toLongLong(), 1700000000001);
        QVERIFY(q.exec(u"SELECT count(*) FROM audit_log"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // Columns and tables of the later versions exist.
        QVERIFY(q.exec(u"SELECT retire_at FROM secrets"_s));
        QVERIFY(q.exec(u"SELECT body_limit FROM sources"_s));
        QVERIFY(q.exec(u"SELECT scope FROM allowlist_entries"_s));
        QVERIFY(q.exec(u"SELECT job FROM maintenance"_s));
    }

    void valuesRoundTrip_data() { addDialectColumn(); }
    void valuesRoundTrip()
    {
        QFETCH(bool, postgres);
        auto db = freshDatabase(postgres);
        QByteArray blob;
        for (int i = 0; i < 256; ++i)
            blob += char(i);
        blob += crypto::randomBytes(64 * 1024);
        const qint64 big = std::numeric_limits<qint64>::max() - 7;
        QSqlQuery q(db->db());
        QVERIFY(q.prepare(u"INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, "
                          "ciphertext) VALUES (?, ?, ?, ?, ?, ?)"_s));
        for (const QVariant &v :
             {QVariant(u"r1"_s), QVariant(big), QVariant(u"k'\"\\"_s),
              QVariant(qint64(blob.size())), QVariant(u"caf\u00e9"_s), QVariant(blob)})
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(
            q.exec(u"SELECT received_at, key_id, size, sha256, ciphertext FROM raw_payloads"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), big);
        QCOMPARE(q.value(1).toString(), u"k'\"\\"_s);
        QCOMPARE(q.value(2).toLongLong(), qint64(blob.size()));
        QCOMPARE(q.value(3).toString(), u"caf\u00e9"_s);
        QCOMPARE(q.value(4).toByteArray(), blob);
    }

    // The store's dedup: the first insert of a key is fresh, a repeat is a duplicate until the
    // key expires. On PostgreSQL too (numRowsAffected of the upsert tells them apart).
    void storeWriterTellsFreshFromDuplicate_data() { addDialectColumn(); }
    void storeWriterTellsFreshFromDuplicate()
    {
        QFETCH(bool, postgres);
        auto db = freshDatabase(postgres);
        StoreWriterOptions options;
        options.database = db->target();
        options.dedupTtlMs = 60'000;
        const Vault vault(crypto::randomBytes(32));
        QObject receiver;
        QList<CommitResult> results;
        StoreWriter writer(
            options, vault, &receiver, [&](QList<CommitResult> r) { results += r; },
            [](std::shared_ptr<const Directory>) {}, [](quint64, bool, QString) {});
        QString error;
        QVERIFY2(writer.startWriter(&error), qPrintable(error));
        quint64 nextId = 1;
        auto submit = [&](const QStringList &keys) {
            IngestJob job;
            job.id = nextId++;
            job.rawId = u"raw_%1"_s.arg(job.id);
            job.sealedRaw = vault.seal(Vault::Purpose::RawPayload, "{}", job.rawId.toLatin1());
            job.rawSha256Hex = crypto::sha256("{}").toHex();
            job.rawSize = 2;
            job.provider = u"whatsapp"_s;
            for (const QString &k : keys)
                job.events << ExtractedEvent{u"firm-a"_s, u"message.text"_s, k, k, u"/entry/0"_s,
                                             0,           u"waba:1"_s};
            job.audit.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
            return writer.submit(std::move(job));
        };
        QVERIFY(submit({u"wamid.1"_s, u"wamid.2"_s}));
        QTRY_COMPARE(results.size(), 1);
        QVERIFY2(results[0].ok, qPrintable(results[0].error));
        QCOMPARE(results[0].stored, 2);
        QCOMPARE(results[0].duplicates, 0);
        QVERIFY(submit({u"wamid.2"_s, u"wamid.3"_s}));
        QVERIFY(submit({u"wamid.1"_s}));
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results[1].stored, 1);
        QCOMPARE(results[1].duplicates, 1);
        QCOMPARE(results[2].stored, 0);
        QCOMPARE(results[2].duplicates, 1);
        // An expired key is fresh again.
        QVERIFY(QSqlQuery(db->db()).exec(
            u"UPDATE dedup_keys SET expires_at = 1 WHERE key = 'wamid.1'"_s));
        QVERIFY(submit({u"wamid.1"_s}));
        QTRY_COMPARE(results.size(), 4);
        QCOMPARE(results[3].stored, 1);
        writer.stopWriter();
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT count(*) FROM events"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        QVERIFY(q.exec(u"SELECT outcome FROM audit_log ORDER BY id"_s));
        QStringList outcomes;
        while (q.next())
            outcomes << q.value(0).toString();
        QCOMPARE(outcomes,
                 QStringList({u"accepted"_s, u"accepted"_s, u"duplicate"_s, u"accepted"_s}));
    }

    void lockKeysSerializesTransactions()
    {
        if (!testingOnPostgres())
            QSKIP("needs GERBANG_TEST_DATABASE_URL (a PostgreSQL server; see pg-cluster.sh)");
        auto a = freshDatabase(true);
        QString error;
        auto b = Database::open({a->target(), 300, false}, &error);
        QVERIFY2(b, qPrintable(error));
        QVERIFY(QSqlQuery(a->db()).exec(u"BEGIN"_s));
        QVERIFY2(a->lockKeys({u"t\nk2"_s, u"t\nk1"_s, u"t\nk1"_s}, &error), qPrintable(error));
        // Another connection waits for a shared key (here: until its lock timeout) ...
        QVERIFY(!b->inWriteTransaction(&error, [&] { return b->lockKeys({u"t\nk1"_s}, &error); }));
        QVERIFY2(error.contains(u"lock timeout"_s), qPrintable(error));
        // ... but not for others, and gets it once the holder's transaction ends.
        QVERIFY2(b->inWriteTransaction(&error, [&] { return b->lockKeys({u"t\nk3"_s}, &error); }),
                 qPrintable(error));
        QVERIFY(QSqlQuery(a->db()).exec(u"COMMIT"_s));
        QVERIFY2(b->inWriteTransaction(&error, [&] { return b->lockKeys({u"t\nk1"_s}, &error); }),
                 qPrintable(error));
    }

    // PostgreSQL answers the COMMIT of a transaction that a failed statement aborted with
    // "ROLLBACK", not with an error: a writer that missed the failure must still not be told
    // that its rows are stored.
    void anAbortedTransactionIsNotReportedCommitted()
    {
        if (!testingOnPostgres())
            QSKIP("needs GERBANG_TEST_DATABASE_URL (a PostgreSQL server; see pg-cluster.sh)");
        auto db = freshDatabase(true);
        QString error;
        const bool committed = db->inWriteTransaction(&error, [&] {
            QSqlQuery q(db->db());
            const bool inserted = q.exec(u"INSERT INTO meta (key, value) VALUES ('a', '1')"_s);
            QSqlQuery(db->db()).exec(u"SELECT no_such_column FROM meta"_s); // its failure missed
            return inserted;
        });
        QVERIFY(!committed);
        QVERIFY(!error.isEmpty());
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT count(*) FROM meta WHERE key = 'a'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // The connection works on.
        QVERIFY2(
            db->inWriteTransaction(&error,
                                   [&] {
                                       return QSqlQuery(db->db()).exec(
                                           u"INSERT INTO meta (key, value) VALUES ('a', '1')"_s);
                                   }),
            qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
