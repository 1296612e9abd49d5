// SPDX-License-Identifier: GPL-3.0-or-later
// Upgrades and downgrades of the database with the real binaries: a database written with
// schema version 1 (tests/data/upgrade, made by make-schema-v1.sh) is migrated to the version
// this build supports, keeps its rows, and migrating again changes nothing; a database from a
// newer Gerbang is refused by gerbangd and gerbangctl and left byte for byte as it was.
#include "TestSupport.h"
#include "storage/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using gerbang::Database;
using gerbang::test::CommandResult;

namespace {

QString fixturePath()
{
    return QStringLiteral(GERBANG_TEST_DATA_DIR) + u"/upgrade/gerbang-schema-v1.sqlite"_s;
}

// The environment without the developer's GERBANG_* variables and with an empty
// configuration file in the data directory.
QProcessEnvironment cleanEnvironment(const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(u"GERBANG_"_s))
            env.remove(key);
    }
    QFile ini(dataDir + u"/gerbang.ini"_s);
    if (ini.open(QIODevice::WriteOnly))
        ini.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    env.insert(u"GERBANG_CONFIG"_s, ini.fileName());
    return env;
}

// A copy of the fixture as the database of a fresh data directory.
bool installFixture(const QTemporaryDir &dir)
{
    const QString target = Database::sqlitePathIn(dir.path());
    return QFile::copy(fixturePath(), target) &&
           QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
}

// Runs `fn` on a private connection to the SQLite file, then lets go of it.
template <typename Fn> void withSqlite(const QString &path, bool readOnly, Fn fn)
{
    static int counter = 0;
    const QString name = u"tst-upgrade-%1"_s.arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open())
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(db.lastError().text()));
        fn(db);
    }
    QSqlDatabase::removeDatabase(name);
}

int userVersion(const QString &path)
{
    int version = -1;
    withSqlite(path, true, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (q.exec(u"PRAGMA user_version"_s) && q.next())
            version = q.value(0).toInt();
    });
    return version;
}

// Everything a migration could change: the version, the schema and (with `rows`) every row of
// every table.
QString snapshot(const QString &path, bool rows = true)
{
    QString out;
    withSqlite(path, true, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.exec(u"PRAGMA user_version"_s);
        q.next();
        out += u"user_version=%1\n"_s.arg(q.value(0).toInt());
        QStringList tables;
        q.exec(u"SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"_s);
        while (q.next()) {
            out += u"%1 %2 %3: %4\n"_s.arg(q.value(0).toString(), q.value(1).toString(),
                                           q.value(2).toString(), q.value(3).toString());
            if (q.value(0).toString() == u"table"_s &&
                !q.value(1).toString().startsWith(u"sqlite_"_s))
                tables << q.value(1).toString();
        }
        if (!rows)
            return;
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery r(db);
            r.exec(u"SELECT * FROM \"%1\" ORDER BY 1"_s.arg(table));
            while (r.next()) {
                QStringList cells;
                for (int i = 0; i < r.record().count(); ++i)
                    cells << r.value(i).toString();
                out += table + u": "_s + cells.join(u'|') + u'\n';
            }
        }
    });
    return out;
}

QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

QJsonArray jsonArray(const CommandResult &r)
{
    return QJsonDocument::fromJson(r.out).array();
}

QJsonObject findById(const QJsonArray &array, const QString &id)
{
    for (const QJsonValue &v : array) {
        if (v.toObject().value(u"id"_s).toString() == id)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestUpgrade : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // gerbangctl and gerbangd would be pointed at the test's PostgreSQL database.
        if (gerbang::test::testingOnPostgres())
            QSKIP("upgrades the SQLite file of tests/data/upgrade; the PostgreSQL migrations "
                  "are covered by tst_database");
    }

    void fixtureIsSchemaVersion1()
    {
        QVERIFY2(QFile::exists(fixturePath()), qPrintable(fixturePath()));
        // Read a copy: even a read-only SQLite connection leaves -shm/-wal files beside a WAL
        // database, and the source tree must stay clean.
        QTemporaryDir dir;
        QVERIFY(installFixture(dir));
        QCOMPARE(userVersion(Database::sqlitePathIn(dir.path())), 1);
        // Otherwise there is nothing to upgrade and the tests below prove little.
        QVERIFY(Database::schemaVersionSupported() > 1);
    }

    void oldRowsSurviveTheMigration()
    {
        QTemporaryDir dir;
        QVERIFY(installFixture(dir));
        const QProcessEnvironment env = cleanEnvironment(dir.path());
        const QString db = Database::sqlitePathIn(dir.path());

        const CommandResult tenants =
            gerbang::test::runCtl(dir.path(), {u"tenant"_s, u"list"_s, u"--json"_s}, {}, env);
        QVERIFY2(tenants.exitCode == 0, tenants.err.constData());
        // gerbangctl, the first program to touch it, brought it to this build's version.
        QCOMPARE(userVersion(db), Database::schemaVersionSupported());

        const QJsonArray list = jsonArray(tenants);
        QCOMPARE(list.size(), 2);
        const QJsonObject a = findById(list, u"firm-a"_s);
        QCOMPARE(a.value(u"name"_s).toString(), u"Firma Hukum A"_s);
        QCOMPARE(a.value(u"enabled"_s).toBool(), true);
        QCOMPARE(a.value(u"waba_ids"_s).toArray(), QJsonArray{u"100000000000001"_s});
        QCOMPARE(a.value(u"phone_number_ids"_s).toArray(), QJsonArray{u"200000000000001"_s});
        QCOMPARE(a.value(u"created_at"_s).toString(), u"2026-01-01T00:00:00.000Z"_s);
        const QJsonObject b = findById(list, u"firm-b"_s);
        QCOMPARE(b.value(u"name"_s).toString(), u"Firma Hukum B"_s);
        QCOMPARE(b.value(u"enabled"_s).toBool(), false);
        QCOMPARE(b.value(u"waba_ids"_s).toArray(), QJsonArray{u"100000000000002"_s});

        const CommandResult events =
            gerbang::test::runCtl(dir.path(), {u"events"_s, u"list"_s, u"--json"_s}, {}, env);
        QVERIFY2(events.exitCode == 0, events.err.constData());
        const QJsonObject e = findById(jsonArray(events), u"evt-upgrade-0001"_s);
        QCOMPARE(e.value(u"tenant"_s).toString(), u"firm-a"_s);
        QCOMPARE(e.value(u"provider"_s).toString(), u"whatsapp"_s);
        QCOMPARE(e.value(u"type"_s).toString(), u"message.text"_s);
        QCOMPARE(e.value(u"provider_event_id"_s).toString(), u"wamid.UPGRADE-FIXTURE-0001"_s);
        QCOMPARE(e.value(u"received_at"_s).toString(), u"2026-01-01T00:00:02.000Z"_s);

        const CommandResult audit =
            gerbang::test::runCtl(dir.path(), {u"audit"_s, u"list"_s, u"--json"_s}, {}, env);
        QVERIFY2(audit.exitCode == 0, audit.err.constData());
        const QJsonArray auditRows = jsonArray(audit);
        QCOMPARE(auditRows.size(), 1);
        const QJsonObject row = auditRows.first().toObject();
        QCOMPARE(row.value(u"source_ip"_s).toString(), u"203.0.113.7"_s);
        QCOMPARE(row.value(u"outcome"_s).toString(), u"accepted"_s);
        QCOMPARE(row.value(u"http_status"_s).toInt(), 200);
        QCOMPARE(row.value(u"event_ids"_s).toVariant().toStringList(),
                 QStringList{u"evt-upgrade-0001"_s});

        // The upgraded database takes new data: a tenant added after the upgrade.
        const CommandResult add = gerbang::test::runCtl(
            dir.path(), {u"tenant"_s, u"add"_s, u"firm-c"_s, u"--name"_s, u"Firm C"_s}, {}, env);
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    void migratingAgainChangesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(installFixture(dir));
        const QProcessEnvironment env = cleanEnvironment(dir.path());
        const QString db = Database::sqlitePathIn(dir.path());
        QVERIFY(gerbang::test::runCtl(dir.path(), {u"tenant"_s, u"list"_s}, {}, env).exitCode == 0);
        const QString migrated = snapshot(db);
        QVERIFY(migrated.contains(u"user_version=%1\n"_s.arg(Database::schemaVersionSupported())));
        QVERIFY(migrated.contains(u"tenants: firm-a|Firma Hukum A|1|"_s));
        const QString migratedSchema = snapshot(db, false);

        // In-process, twice, the way gerbangd's store thread does it.
        for (int round = 0; round < 2; ++round) {
            QString error;
            auto database =
                Database::open({gerbang::DatabaseTarget::sqlite(db), 2000, false}, &error);
            QVERIFY2(database, qPrintable(error));
            QVERIFY2(database->migrate(&error), qPrintable(error));
        }
        QCOMPARE(snapshot(db), migrated);

        // And by the other binary: gerbangctl again, then a gerbangd start and stop.
        QVERIFY(gerbang::test::runCtl(dir.path(), {u"tenant"_s, u"list"_s}, {}, env).exitCode == 0);
        QCOMPARE(snapshot(db), migrated);
        gerbang::test::GatewayProcess gateway(dir.path());
        QString error;
        QVERIFY2(gateway.start(&error), qPrintable(error));
        QCOMPARE(gateway.terminate(), 0);
        QCOMPARE(userVersion(db), Database::schemaVersionSupported());
        // The schema (not the rows: a running gateway may expire old data) is unchanged.
        QCOMPARE(snapshot(db, false), migratedSchema);
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        QVERIFY(installFixture(dir));
        const QProcessEnvironment env = cleanEnvironment(dir.path());
        const QString db = Database::sqlitePathIn(dir.path());
        // A database a newer Gerbang wrote: migrated to the latest version, then one more.
        QVERIFY(gerbang::test::runCtl(dir.path(), {u"tenant"_s, u"list"_s}, {}, env).exitCode == 0);
        const int newer = Database::schemaVersionSupported() + 1;
        withSqlite(db, false, [&](QSqlDatabase &conn) {
            QSqlQuery q(conn);
            QVERIFY2(q.exec(u"PRAGMA user_version = %1"_s.arg(newer)),
                     qPrintable(q.lastError().text()));
        });
        QVERIFY(!QFile::exists(db + u"-wal"_s));
        const QByteArray before = fileSha256(db);
        const QString snapshotBefore = snapshot(db);
        const QString expected =
            u"has schema version %1, newer than this Gerbang supports (%2)"_s.arg(newer).arg(
                Database::schemaVersionSupported());

        // gerbangd: refuses to start, exits non-zero, says why.
        gerbang::test::GatewayProcess gateway(dir.path());
        gateway.environment() = env;
        gateway.environment().insert(u"GERBANG_RATE_GLOBAL"_s, u"0"_s);
        QString error;
        QVERIFY2(!gateway.start(&error), "gerbangd started on a newer schema");
        const int exitCode = gateway.terminate();
        QVERIFY2(exitCode != 0, qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(u"refusing to touch it"_s), qPrintable(error));

        // gerbangctl: the same.
        const CommandResult ctl =
            gerbang::test::runCtl(dir.path(), {u"tenant"_s, u"list"_s}, {}, env);
        QCOMPARE(ctl.exitCode, 1);
        QVERIFY2(QString::fromUtf8(ctl.err).contains(expected), ctl.err.constData());

        // Untouched: the same bytes, the same version, the same rows.
        QVERIFY(!QFile::exists(db + u"-wal"_s) || QFile(db + u"-wal"_s).size() == 0);
        QCOMPARE(fileSha256(db), before);
        QCOMPARE(userVersion(db), newer);
        QCOMPARE(snapshot(db), snapshotBefore);
    }
};

QTEST_GUILESS_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
