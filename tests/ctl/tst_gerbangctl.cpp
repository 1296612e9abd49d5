// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real gerbangctl binary against a fresh data directory per test.
#include "TestSupport.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using gerbang::test::CommandResult;

namespace {

// A data directory with an empty configuration file, and an environment without any
// GERBANG_* variable of the developer's, so that tests see only what they set up.
class Ctl
{
public:
    Ctl()
    {
        const QStringList vars = m_env.keys();
        for (const QString &key : vars) {
            if (key.startsWith(u"GERBANG_"_s))
                m_env.remove(key);
        }
        QFile ini(m_dir.filePath(u"gerbang.ini"_s));
        if (ini.open(QIODevice::WriteOnly))
            ini.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        m_env.insert(u"GERBANG_CONFIG"_s, ini.fileName());
    }

    CommandResult run(const QStringList &args, const QByteArray &input = {}) const
    {
        return gerbang::test::runCtl(m_dir.path(), args, input, m_env);
    }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
};

// Runs a statement on the data dir's database (SQLite file, or the test's PostgreSQL
// database) the way another process would, then lets go of it.
void execSql(const QString &dataDir, const QString &sql, const QVariantList &binds = {})
{
    QString error;
    auto db = gerbang::test::openTestDatabase(dataDir, &error);
    QVERIFY2(db, qPrintable(error));
    QSqlQuery q(db->db());
    QVERIFY2(q.prepare(sql), qPrintable(q.lastError().text()));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
}

// gerbangctl created the store: the SQLite file, or the schema in the test's database.
bool storeCreated(const QString &dataDir)
{
    if (!gerbang::test::testingOnPostgres())
        return QFile::exists(dataDir + u"/gerbang.sqlite"_s);
    QString error;
    auto db = gerbang::test::openTestDatabase(dataDir, &error);
    if (!db)
        return false;
    QSqlQuery q(db->db());
    return q.exec(u"SELECT version FROM schema_version"_s) && q.next() &&
           q.value(0).toInt() == gerbang::Database::schemaVersionSupported();
}

qint64 utcMs(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

struct AuditRow
{
    qint64 receivedAtMs;
    QString tenant;
    QString outcome = u"accepted"_s;
    QString path = u"/whatsapp/webhook"_s;
    QString eventIds;
    QString detail;
};

void insertAudit(const QString &dataDir, const AuditRow &r)
{
    execSql(dataDir,
            u"INSERT INTO audit_log (received_at, source_ip, method, path, provider, tenant, "
            "outcome, signature_status, http_status, processing_us, body_size, raw_ref, "
            "event_ids, event_types, detail) VALUES (?, '203.0.113.7', 'POST', ?, 'whatsapp', "
            "coalesce(?, ''), ?, 'valid', 200, 1234, 512, NULL, coalesce(?, ''), coalesce(?, ''), "
            "coalesce(?, ''))"_s,
            {r.receivedAtMs, r.path, r.tenant, r.outcome, r.eventIds,
             r.eventIds.isEmpty() ? QString() : u"message.text"_s, r.detail});
}

void insertEvent(const QString &dataDir, const QString &id, const QString &tenant,
                 const QString &provider, qint64 receivedAtMs, const QVariant &rawRef = {},
                 const QVariant &occurredAtMs = {})
{
    execSql(dataDir,
            u"INSERT INTO events (id, tenant_id, provider, type, provider_event_id, dedup_key, "
            "raw_ref, locator, received_at, occurred_at, routing_key) "
            "VALUES (?, ?, ?, 'message.text', ?, ?, ?, '/entry/0/changes/0', ?, ?, '123')"_s,
            {id, tenant, provider, QString(u"wamid."_s + id), QString(u"dedup-"_s + id), rawRef,
             receivedAtMs, occurredAtMs});
}

QJsonArray jsonArray(const CommandResult &r)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qWarning("not a JSON array: %s", r.out.constData());
    return doc.array();
}

QStringList fingerprints(const Ctl &ctl, const QString &name)
{
    QStringList out;
    const QJsonArray list = jsonArray(ctl.run({u"secret"_s, u"list"_s, u"--json"_s}));
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        if (o.value(u"name"_s).toString() == name)
            out << o.value(u"slot"_s).toString() + u'=' + o.value(u"fingerprint"_s).toString();
    }
    return out;
}

} // namespace

class TestGerbangCtl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tenantLifecycle()
    {
        Ctl ctl;
        CommandResult r =
            ctl.run({u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s, u"Firm A"_s, u"--waba"_s,
                     u"1001"_s, u"--waba"_s, u"1002"_s, u"--phone-number-id"_s, u"2001"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(storeCreated(ctl.dir()));

        QJsonArray list = jsonArray(ctl.run({u"tenant"_s, u"list"_s, u"--json"_s}));
        QCOMPARE(list.size(), 1);
        QJsonObject t = list.first().toObject();
        QCOMPARE(t.value(u"id"_s).toString(), u"firm-a"_s);
        QCOMPARE(t.value(u"name"_s).toString(), u"Firm A"_s);
        QCOMPARE(t.value(u"enabled"_s).toBool(), true);
        QCOMPARE(t.value(u"waba_ids"_s).toArray(), QJsonArray({u"1001"_s, u"1002"_s}));
        QCOMPARE(t.value(u"phone_number_ids"_s).toArray(), QJsonArray({u"2001"_s}));

        // Human output: aligned columns with the tenant in them.
        r = ctl.run({u"tenant"_s, u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("ID "));
        QVERIFY(r.out.contains("firm-a"));

        // A given --waba list replaces the stored one; phone ids are left alone.
        r = ctl.run({u"tenant"_s, u"update"_s, u"firm-a"_s, u"--name"_s, u"Firm A Renamed"_s,
                     u"--waba"_s, u"1003"_s, u"--disable"_s});
        QCOMPARE(r.exitCode, 0);
        t = jsonArray(ctl.run({u"tenant"_s, u"list"_s, u"--json"_s})).first().toObject();
        QCOMPARE(t.value(u"name"_s).toString(), u"Firm A Renamed"_s);
        QCOMPARE(t.value(u"enabled"_s).toBool(), false);
        QCOMPARE(t.value(u"waba_ids"_s).toArray(), QJsonArray({u"1003"_s}));
        QCOMPARE(t.value(u"phone_number_ids"_s).toArray(), QJsonArray({u"2001"_s}));

        // Absent options change nothing but what is given.
        QCOMPARE(ctl.run({u"tenant"_s, u"update"_s, u"firm-a"_s, u"--enable"_s}).exitCode, 0);
        t = jsonArray(ctl.run({u"tenant"_s, u"list"_s, u"--json"_s})).first().toObject();
        QCOMPARE(t.value(u"enabled"_s).toBool(), true);
        QCOMPARE(t.value(u"waba_ids"_s).toArray(), QJsonArray({u"1003"_s}));

        // Adding the same id twice fails.
        r = ctl.run({u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s, u"Again"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith("gerbangctl: "));

        QCOMPARE(ctl.run({u"tenant"_s, u"remove"_s, u"firm-a"_s}).exitCode, 0);
        r = ctl.run({u"tenant"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.out.trimmed(), QByteArray("[]"));
        r = ctl.run({u"tenant"_s, u"remove"_s, u"firm-a"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("firm-a"));
        r = ctl.run({u"tenant"_s, u"update"_s, u"nobody"_s, u"--name"_s, u"X"_s});
        QCOMPARE(r.exitCode, 1);
    }

    void duplicateWabaAcrossTenantsRejected()
    {
        Ctl ctl;
        QCOMPARE(ctl.run({u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s, u"A"_s, u"--waba"_s,
                          u"555"_s})
                     .exitCode,
                 0);
        CommandResult r = ctl.run(
            {u"tenant"_s, u"add"_s, u"firm-b"_s, u"--name"_s, u"B"_s, u"--waba"_s, u"555"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("firm-a"), r.err.constData());
        QVERIFY(r.err.startsWith("gerbangctl: "));
        QCOMPARE(jsonArray(ctl.run({u"tenant"_s, u"list"_s, u"--json"_s})).size(), 1);

        // Moving it by update is refused the same way.
        QCOMPARE(ctl.run({u"tenant"_s, u"add"_s, u"firm-b"_s, u"--name"_s, u"B"_s}).exitCode, 0);
        r = ctl.run({u"tenant"_s, u"update"_s, u"firm-b"_s, u"--waba"_s, u"555"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("firm-a"));
    }

    void nonNumericWabaRejected()
    {
        Ctl ctl;
        CommandResult r = ctl.run(
            {u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s, u"A"_s, u"--waba"_s, u"12ab"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("12ab"));
        QVERIFY(r.err.contains("numeric"));
        r = ctl.run({u"tenant"_s, u"add"_s, u"Bad Id"_s, u"--name"_s, u"A"_s});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(ctl.run({u"tenant"_s, u"list"_s, u"--json"_s}).out.trimmed(), QByteArray("[]"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("nothing") << QStringList{};
        QTest::newRow("unknown group") << QStringList{u"frobnicate"_s};
        QTest::newRow("group only") << QStringList{u"tenant"_s};
        QTest::newRow("unknown subcommand") << QStringList{u"tenant"_s, u"explode"_s};
        QTest::newRow("add without id") << QStringList{u"tenant"_s, u"add"_s};
        QTest::newRow("add without name") << QStringList{u"tenant"_s, u"add"_s, u"firm-a"_s};
        QTest::newRow("unknown option") << QStringList{u"tenant"_s, u"list"_s, u"--bogus"_s};
        QTest::newRow("enable and disable")
            << QStringList{u"tenant"_s, u"update"_s, u"a"_s, u"--enable"_s, u"--disable"_s};
        QTest::newRow("bad limit") << QStringList{u"events"_s, u"list"_s, u"--limit"_s, u"x"_s};
        QTest::newRow("negative limit")
            << QStringList{u"audit"_s, u"list"_s, u"--limit"_s, u"-3"_s};
        QTest::newRow("unknown provider")
            << QStringList{u"events"_s, u"list"_s, u"--provider"_s, u"paypal"_s};
        QTest::newRow("show without id") << QStringList{u"events"_s, u"show"_s};
        QTest::newRow("export without dates") << QStringList{
            u"audit"_s, u"export"_s, u"--format"_s, u"csv"_s, u"--output"_s, u"x.csv"_s};
        QTest::newRow("export bad date")
            << QStringList{u"audit"_s, u"export"_s,     u"--from"_s,   u"yesterday"_s,
                           u"--to"_s,  u"2024-01-01"_s, u"--output"_s, u"x.csv"_s};
        QTest::newRow("export from after to")
            << QStringList{u"audit"_s, u"export"_s,     u"--from"_s,   u"2024-02-01"_s,
                           u"--to"_s,  u"2024-01-01"_s, u"--output"_s, u"x.csv"_s};
        QTest::newRow("export unknown format") << QStringList{
            u"audit"_s,      u"export"_s,   u"--from"_s, u"2024-01-01"_s, u"--to"_s,
            u"2024-01-01"_s, u"--format"_s, u"xlsx"_s,   u"--output"_s,   u"x.xlsx"_s};
        QTest::newRow("secret without name") << QStringList{u"secret"_s, u"set"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        Ctl ctl;
        const CommandResult r = ctl.run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("gerbangctl: "), r.err.constData());
        QVERIFY2(r.err.contains("usage: gerbangctl"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void secretValueOnArgvRefused()
    {
        Ctl ctl;
        const CommandResult r = ctl.run({u"secret"_s, u"set"_s, u"whatsapp"_s, u"S3cret-Argv"_s});
        QCOMPARE(r.exitCode, 2);
        // The stray argument may be a secret: never repeated back.
        QVERIFY(!r.err.contains("S3cret-Argv"));
        QVERIFY(!r.out.contains("S3cret-Argv"));
    }

    void help()
    {
        Ctl ctl;
        CommandResult r = ctl.run({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const char *cmd : {"tenant add", "tenant list", "tenant update", "tenant remove",
                                "secret set", "secret rotate", "secret list", "secret remove",
                                "events list", "events show", "audit list", "audit export"})
            QVERIFY2(r.out.contains(cmd), cmd);
        const QList<std::pair<QString, QStringList>> groups = {
            {u"tenant"_s, {u"add"_s, u"list"_s, u"update"_s, u"remove"_s}},
            {u"secret"_s, {u"set"_s, u"rotate"_s, u"list"_s, u"remove"_s}},
            {u"events"_s, {u"list"_s, u"show"_s}},
            {u"audit"_s, {u"list"_s, u"export"_s}},
        };
        for (const auto &[group, subs] : groups) {
            r = ctl.run({group, u"--help"_s});
            QCOMPARE(r.exitCode, 0);
            for (const QString &s : subs)
                QVERIFY2(r.out.contains((group + u' ' + s).toUtf8()), qPrintable(group + s));
        }
        r = ctl.run({u"audit"_s, u"export"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--from"));
    }

    void secretSetStripsOneNewline()
    {
        Ctl ctl;
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"whatsapp"_s}, "Sup3r-S3cret-Value\n").exitCode,
                 0);
        QCOMPARE(
            ctl.run({u"secret"_s, u"set"_s, u"whatsapp:second"_s}, "Sup3r-S3cret-Value").exitCode,
            0);
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"whatsapp:third"_s}, "Sup3r-S3cret-Value\n\n")
                     .exitCode,
                 0);
        const QStringList piped = fingerprints(ctl, u"whatsapp"_s);
        const QStringList exact = fingerprints(ctl, u"whatsapp:second"_s);
        const QStringList twoNewlines = fingerprints(ctl, u"whatsapp:third"_s);
        QCOMPARE(piped.size(), 1);
        QCOMPARE(piped, exact);
        // Only one newline goes: the second one is part of the value.
        QVERIFY(twoNewlines != exact);

        // Setting the same value again keeps the fingerprint; a different one changes it.
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"whatsapp"_s}, "Sup3r-S3cret-Value\n").exitCode,
                 0);
        QCOMPARE(fingerprints(ctl, u"whatsapp"_s), exact);
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"whatsapp"_s}, "Other-Value\n").exitCode, 0);
        QVERIFY(fingerprints(ctl, u"whatsapp"_s) != exact);
    }

    void secretEmptyOrInvalidRejected()
    {
        Ctl ctl;
        CommandResult r = ctl.run({u"secret"_s, u"set"_s, u"whatsapp"_s}, "");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("empty"));
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"whatsapp"_s}, "\n").exitCode, 1);
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"Bad Name!"_s}, "value\n").exitCode, 1);
        QCOMPARE(ctl.run({u"secret"_s, u"list"_s, u"--json"_s}).out.trimmed(), QByteArray("[]"));
        QCOMPARE(ctl.run({u"secret"_s, u"remove"_s, u"whatsapp"_s}).exitCode, 1);
    }

    void secretListNeverShowsValue()
    {
        Ctl ctl;
        const QByteArray value = "Very-Private-App-Secret";
        QCOMPARE(
            ctl.run({u"secret"_s, u"set"_s, u"whatsapp-verify-token"_s}, value + '\n').exitCode, 0);
        QCOMPARE(ctl.run({u"secret"_s, u"rotate"_s, u"whatsapp-verify-token"_s}, "Next-" + value)
                     .exitCode,
                 0);
        for (const QStringList &args : {QStringList{u"secret"_s, u"list"_s},
                                        QStringList{u"secret"_s, u"list"_s, u"--json"_s}}) {
            const CommandResult r = ctl.run(args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains("whatsapp-verify-token"));
            QVERIFY(!r.out.contains(value));
            QVERIFY(!r.err.contains(value));
        }
        const QJsonObject first =
            jsonArray(ctl.run({u"secret"_s, u"list"_s, u"--json"_s})).first().toObject();
        QCOMPARE(first.keys(), QStringList({u"created_at"_s, u"fingerprint"_s, u"name"_s,
                                            u"retire_at"_s, u"slot"_s}));
        QCOMPARE(ctl.run({u"secret"_s, u"remove"_s, u"whatsapp-verify-token"_s}).exitCode, 0);
        QCOMPARE(ctl.run({u"secret"_s, u"list"_s, u"--json"_s}).out.trimmed(), QByteArray("[]"));
    }

    void secretRotateKeepsPrevious()
    {
        Ctl ctl;
        // Nothing to rotate yet.
        QCOMPARE(ctl.run({u"secret"_s, u"rotate"_s, u"whatsapp"_s}, "v2\n").exitCode, 1);
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"whatsapp"_s}, "value-one\n").exitCode, 0);
        const QStringList before = fingerprints(ctl, u"whatsapp"_s);
        QCOMPARE(before.size(), 1);
        QVERIFY(before.first().startsWith(u"current="_s));
        const QString oldFingerprint = before.first().mid(8);

        QCOMPARE(ctl.run({u"secret"_s, u"rotate"_s, u"whatsapp"_s}, "value-two\n").exitCode, 0);
        const QStringList after = fingerprints(ctl, u"whatsapp"_s);
        QCOMPARE(after.size(), 2);
        QVERIFY(after.contains(u"previous="_s + oldFingerprint));
        QVERIFY(!after.contains(u"current="_s + oldFingerprint));

        // set forgets the previous value.
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"whatsapp"_s}, "value-three\n").exitCode, 0);
        QCOMPARE(fingerprints(ctl, u"whatsapp"_s).size(), 1);
    }

    void secretRotateWithRetirement()
    {
        Ctl ctl;
        QCOMPARE(ctl.run({u"secret"_s, u"set"_s, u"stripe-a"_s}, "one\n").exitCode, 0);
        QCOMPARE(ctl.run({u"secret"_s, u"rotate"_s, u"stripe-a"_s, u"--retire-after"_s, u"soon"_s},
                         "two\n")
                     .exitCode,
                 2);
        const CommandResult r = ctl.run(
            {u"secret"_s, u"rotate"_s, u"stripe-a"_s, u"--retire-after"_s, u"24h"_s}, "two\n");
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = jsonArray(ctl.run({u"secret"_s, u"list"_s, u"--json"_s}));
        QCOMPARE(list.size(), 2);
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            if (o[u"slot"_s] == u"previous"_s) {
                const QDateTime retire =
                    QDateTime::fromString(o[u"retire_at"_s].toString(), Qt::ISODateWithMs);
                const qint64 in = QDateTime::currentDateTimeUtc().secsTo(retire);
                QVERIFY2(in > 23 * 3600 && in <= 24 * 3600,
                         qPrintable(o[u"retire_at"_s].toString()));
            } else {
                QVERIFY(o[u"retire_at"_s].isNull());
            }
        }
        QCOMPARE(ctl.run({u"secret"_s, u"retire"_s, u"stripe-a"_s}).exitCode, 0);
        QCOMPARE(jsonArray(ctl.run({u"secret"_s, u"list"_s, u"--json"_s})).size(), 1);
        QCOMPARE(ctl.run({u"secret"_s, u"retire"_s, u"stripe-a"_s}).exitCode, 1);
    }

    void sourcesAddListRemove()
    {
        Ctl ctl;
        QCOMPARE(ctl.run({u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s, u"Firm A"_s}).exitCode,
                 0);
        // Stripe, Midtrans and Xendit need a tenant: their route carries it.
        CommandResult r = ctl.run({u"source"_s, u"add"_s, u"pay"_s, u"--provider"_s, u"stripe"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--tenant"));
        QCOMPARE(ctl.run({u"source"_s, u"add"_s, u"pay"_s}).exitCode, 2);
        QCOMPARE(ctl.run({u"source"_s, u"add"_s, u"pay"_s, u"--provider"_s, u"paypal"_s,
                          u"--tenant"_s, u"firm-a"_s})
                     .exitCode,
                 1);
        r = ctl.run({u"source"_s, u"add"_s, u"stripe-a"_s, u"--provider"_s, u"stripe"_s,
                     u"--tenant"_s, u"firm-a"_s, u"--tolerance"_s, u"600"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("/webhooks/stripe/firm-a"));
        // One Stripe source per tenant.
        r = ctl.run({u"source"_s, u"add"_s, u"stripe-b"_s, u"--provider"_s, u"stripe"_s,
                     u"--tenant"_s, u"firm-a"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("stripe-a"));
        QCOMPARE(ctl.run({u"source"_s, u"add"_s, u"crm"_s, u"--provider"_s, u"generic"_s,
                          u"--dedup-field"_s, u"id"_s})
                     .exitCode,
                 1);
        QCOMPARE(ctl.run({u"source"_s, u"add"_s, u"crm"_s, u"--provider"_s, u"generic"_s,
                          u"--dedup-field"_s, u"/data/id"_s})
                     .exitCode,
                 0);
        const QJsonArray list = jsonArray(ctl.run({u"source"_s, u"list"_s, u"--json"_s}));
        QCOMPARE(list.size(), 2);
        QStringList routes;
        for (const QJsonValue &v : list)
            routes << v.toObject()[u"route"_s].toString();
        routes.sort();
        QCOMPARE(routes, (QStringList{u"/webhooks/generic/crm"_s, u"/webhooks/stripe/firm-a"_s}));
        QCOMPARE(ctl.run({u"source"_s, u"remove"_s, u"crm"_s}).exitCode, 0);
        QCOMPARE(ctl.run({u"source"_s, u"remove"_s, u"crm"_s}).exitCode, 1);
        QCOMPARE(jsonArray(ctl.run({u"source"_s, u"list"_s, u"--json"_s})).size(), 1);
    }

    void emptyDatabaseListsAreEmptyArrays()
    {
        Ctl ctl;
        // gerbangctl is the first to touch the data dir: it creates and migrates the database.
        CommandResult r = ctl.run({u"events"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("[]"));
        QVERIFY(storeCreated(ctl.dir()));
        r = ctl.run({u"audit"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("[]"));
        r = ctl.run({u"events"_s, u"list"_s});
        QCOMPARE(r.exitCode, 0);
        r = ctl.run({u"events"_s, u"show"_s, u"evt-missing"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("evt-missing"));
    }

    void eventsListAndShow()
    {
        Ctl ctl;
        QCOMPARE(ctl.run({u"events"_s, u"list"_s, u"--json"_s}).exitCode, 0);
        const qint64 t0 = utcMs(u"2024-05-01T10:00:00.000Z"_s);
        execSql(ctl.dir(),
                u"INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, ciphertext) "
                "VALUES ('raw-1', ?, 'k', 3, 'x', ?)"_s,
                {t0, QByteArray(1, '\0')});
        insertEvent(ctl.dir(), u"ev-1"_s, u"firm-a"_s, u"whatsapp"_s, t0, u"raw-1"_s, t0 - 5000);
        // ev-2's payload was purged by retention (which leaves raw_ref NULL, ON DELETE SET NULL).
        execSql(ctl.dir(),
                u"INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, ciphertext) "
                "VALUES ('raw-gone', ?, 'k', 3, 'x', ?)"_s,
                {t0, QByteArray(1, '\0')});
        insertEvent(ctl.dir(), u"ev-2"_s, u"firm-b"_s, u"whatsapp"_s, t0 + 1000, u"raw-gone"_s);
        execSql(ctl.dir(), u"DELETE FROM raw_payloads WHERE id = 'raw-gone'"_s);
        insertEvent(ctl.dir(), u"ev-3"_s, u"firm-a"_s, u"stripe"_s, t0 + 2000);

        QJsonArray list = jsonArray(ctl.run({u"events"_s, u"list"_s, u"--json"_s}));
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].toObject().value(u"id"_s).toString(), u"ev-3"_s);
        QCOMPARE(list[2].toObject().value(u"id"_s).toString(), u"ev-1"_s);
        const QJsonObject e1 = list[2].toObject();
        for (const char *key :
             {"id", "tenant", "provider", "type", "provider_event_id", "dedup_key", "raw_ref",
              "locator", "received_at", "occurred_at", "routing_key", "delivery_state"})
            QVERIFY2(e1.contains(QLatin1StringView(key)), key);
        QCOMPARE(e1.value(u"tenant"_s).toString(), u"firm-a"_s);
        QCOMPARE(e1.value(u"provider_event_id"_s).toString(), u"wamid.ev-1"_s);
        QCOMPARE(e1.value(u"received_at"_s).toString(), u"2024-05-01T10:00:00.000Z"_s);
        QCOMPARE(e1.value(u"occurred_at"_s).toString(), u"2024-05-01T09:59:55.000Z"_s);
        QCOMPARE(e1.value(u"delivery_state"_s).toString(), u"pending"_s);
        QVERIFY(list[0].toObject().value(u"occurred_at"_s).isNull());

        list =
            jsonArray(ctl.run({u"events"_s, u"list"_s, u"--json"_s, u"--tenant"_s, u"firm-a"_s}));
        QCOMPARE(list.size(), 2);
        list =
            jsonArray(ctl.run({u"events"_s, u"list"_s, u"--json"_s, u"--provider"_s, u"stripe"_s}));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(u"id"_s).toString(), u"ev-3"_s);
        list = jsonArray(ctl.run({u"events"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"2"_s}));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[1].toObject().value(u"id"_s).toString(), u"ev-2"_s);

        CommandResult r = ctl.run({u"events"_s, u"show"_s, u"ev-1"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown.value(u"id"_s).toString(), u"ev-1"_s);
        QCOMPARE(shown.value(u"raw_retained"_s), QJsonValue(true));
        r = ctl.run({u"events"_s, u"show"_s, u"ev-2"_s});
        shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown.value(u"raw_retained"_s), QJsonValue(false));
        r = ctl.run({u"events"_s, u"show"_s, u"ev-3"_s});
        shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown.value(u"raw_retained"_s), QJsonValue(false));
        QVERIFY(shown.value(u"raw_ref"_s).isNull());
    }

    void auditListNewestFirstAndLimit()
    {
        Ctl ctl;
        QCOMPARE(ctl.run({u"audit"_s, u"list"_s, u"--json"_s}).exitCode, 0);
        const qint64 t0 = utcMs(u"2024-05-01T10:00:00.000Z"_s);
        insertAudit(ctl.dir(),
                    {t0, u"firm-a"_s, u"accepted"_s, u"/whatsapp/webhook"_s, u"ev-1,ev-2"_s, {}});
        insertAudit(ctl.dir(), {t0 + 2000,
                                u"firm-b"_s,
                                u"duplicate"_s,
                                u"/whatsapp/webhook"_s,
                                {},
                                u"{\"reason\":\"seen\"}"_s});
        // Same millisecond as the previous row: the later insert comes first.
        insertAudit(ctl.dir(), {t0 + 2000, u"firm_a,firm-b"_s, u"accepted"_s, u"/tie"_s, u"ev-3"_s,
                                u"not json"_s});
        insertAudit(ctl.dir(), {t0 + 1000, {}, u"rejected"_s, u"/whatsapp/webhook"_s, {}, {}});

        QJsonArray list = jsonArray(ctl.run({u"audit"_s, u"list"_s, u"--json"_s}));
        QCOMPARE(list.size(), 4);
        QCOMPARE(list[0].toObject().value(u"path"_s).toString(), u"/tie"_s);
        QCOMPARE(list[1].toObject().value(u"outcome"_s).toString(), u"duplicate"_s);
        QCOMPARE(list[2].toObject().value(u"outcome"_s).toString(), u"rejected"_s);
        QCOMPARE(list[3].toObject().value(u"tenant"_s).toString(), u"firm-a"_s);

        const QJsonObject oldest = list[3].toObject();
        for (const char *key :
             {"id", "received_at", "source_ip", "method", "path", "provider", "tenant", "outcome",
              "signature_status", "http_status", "processing_us", "body_size", "raw_ref",
              "event_ids", "event_types", "detail"})
            QVERIFY2(oldest.contains(QLatin1StringView(key)), key);
        QCOMPARE(oldest.value(u"event_ids"_s).toArray(), QJsonArray({u"ev-1"_s, u"ev-2"_s}));
        QCOMPARE(oldest.value(u"received_at"_s).toString(), u"2024-05-01T10:00:00.000Z"_s);
        QCOMPARE(oldest.value(u"http_status"_s).toInt(), 200);
        QCOMPARE(oldest.value(u"processing_us"_s).toInt(), 1234);
        QCOMPARE(list[1].toObject().value(u"detail"_s).toObject().value(u"reason"_s).toString(),
                 u"seen"_s);
        QCOMPARE(list[0].toObject().value(u"detail"_s).toString(), u"not json"_s);
        QCOMPARE(list[1].toObject().value(u"event_ids"_s).toArray(), QJsonArray());

        list = jsonArray(ctl.run({u"audit"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"2"_s}));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject().value(u"path"_s).toString(), u"/tie"_s);
        QCOMPARE(list[1].toObject().value(u"outcome"_s).toString(), u"duplicate"_s);

        // --tenant matches one id of the comma-separated list, and '_' is no wildcard.
        list = jsonArray(ctl.run({u"audit"_s, u"list"_s, u"--json"_s, u"--tenant"_s, u"firm-b"_s}));
        QCOMPARE(list.size(), 2);
        list = jsonArray(ctl.run({u"audit"_s, u"list"_s, u"--json"_s, u"--tenant"_s, u"firm-a"_s}));
        QCOMPARE(list.size(), 1);
        list =
            jsonArray(ctl.run({u"audit"_s, u"list"_s, u"--json"_s, u"--outcome"_s, u"accepted"_s}));
        QCOMPARE(list.size(), 2);

        const CommandResult table = ctl.run({u"audit"_s, u"list"_s});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.out.count('\n'), 5);
        QVERIFY(table.out.startsWith("RECEIVED"));
    }

    // The audit log as evidence: verify finds a change and names the row; an exported report
    // carries a signature that another machine checks with the public key alone.
    void auditVerifyAndSignedReports()
    {
        Ctl ctl;
        for (const QString &t : {u"firm-a"_s, u"firm-b"_s, u"firm-c"_s})
            QCOMPARE(ctl.run({u"tenant"_s, u"add"_s, t, u"--name"_s, t}).exitCode, 0);
        CommandResult r = ctl.run({u"audit"_s, u"verify"_s});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY2(r.out.contains("the audit log verifies"), r.out.constData());
        r = ctl.run({u"audit"_s, u"verify"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject verified = QJsonDocument::fromJson(r.out).object();
        QVERIFY(verified.value(u"ok"_s).toBool());
        const QJsonArray chains = verified.value(u"chains"_s).toArray();
        QCOMPARE(chains.size(), 1);
        QCOMPARE(chains[0].toObject().value(u"rows"_s).toInt(), 3);

        r = ctl.run({u"audit"_s, u"public-key"_s});
        QCOMPARE(r.exitCode, 0);
        const QString key = QString::fromLatin1(r.out).trimmed();
        QVERIFY2(key.startsWith(u"ed25519:"_s), qPrintable(key));

        const QString out = ctl.dir() + u"/report.csv"_s;
        r = ctl.run({u"audit"_s, u"export"_s, u"--from"_s, u"2000-01-01"_s, u"--to"_s,
                     u"2100-01-01"_s, u"--output"_s, out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("the audit log verified"), r.out.constData());
        QVERIFY(QFile::exists(out + u".sig"_s));

        // Another machine: no database, only the public key.
        Ctl elsewhere;
        r = elsewhere.run({u"audit"_s, u"verify-report"_s, out, u"--public-key"_s, key});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("verified"), r.out.constData());
        // Another key is refused.
        r = elsewhere.run({u"audit"_s, u"verify-report"_s, out, u"--public-key"_s,
                           u"ed25519:"_s + QString::fromLatin1(QByteArray(32, '\1').toBase64())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not by the key given"), r.err.constData());
        // One byte changed in the report.
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes[bytes.size() - 3] = bytes[bytes.size() - 3] == 'x' ? 'y' : 'x';
        QVERIFY(f.seek(0));
        f.write(bytes);
        f.close();
        r = elsewhere.run({u"audit"_s, u"verify-report"_s, out, u"--public-key"_s, key});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("was changed after it was signed"), r.err.constData());

        // A changed row in the store is found and named.
        execSql(ctl.dir(), u"UPDATE audit_log SET tenant = 'firm-x' WHERE chain_seq = 2"_s);
        r = ctl.run({u"audit"_s, u"verify"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("changed at seq 2"), r.out.constData());
        QVERIFY2(r.out.contains("does NOT verify"), r.out.constData());
    }

    void auditExportCsv()
    {
        Ctl ctl;
        QCOMPARE(ctl.run({u"audit"_s, u"list"_s, u"--json"_s}).exitCode, 0);
        const QString db = ctl.dir();
        insertAudit(db, {utcMs(u"2024-02-29T23:59:59.999Z"_s),
                         u"firm-a"_s,
                         u"accepted"_s,
                         u"/before"_s,
                         {},
                         {}});
        insertAudit(db, {utcMs(u"2024-03-01T00:00:00.000Z"_s), u"firm-a"_s, u"accepted"_s,
                         u"/first"_s, u"ev-1,ev-2"_s, u"{\"reason\":\"a \\\"quoted\\\" word\"}"_s});
        insertAudit(db, {utcMs(u"2024-03-01T12:00:00.000Z"_s),
                         u"firm-b"_s,
                         u"rejected"_s,
                         u"=HYPERLINK(\"http://evil\")"_s,
                         {},
                         u"+1"_s});
        insertAudit(db, {utcMs(u"2024-03-02T08:00:00.000Z"_s),
                         u"firm-a"_s,
                         u"-cmd"_s,
                         u"@SUM(A1)"_s,
                         {},
                         u"line one\nline two"_s});
        insertAudit(db, {utcMs(u"2024-03-02T23:59:59.999Z"_s),
                         u"firm-a"_s,
                         u"accepted"_s,
                         u"\tTabbed"_s,
                         {},
                         u"caf\u00e9"_s});
        insertAudit(db, {utcMs(u"2024-03-03T00:00:00.000Z"_s),
                         u"firm-a"_s,
                         u"accepted"_s,
                         u"/after"_s,
                         {},
                         {}});

        const QString out = ctl.dir() + u"/audit.csv"_s;
        CommandResult r = ctl.run({u"audit"_s, u"export"_s, u"--from"_s, u"2024-03-01"_s, u"--to"_s,
                                   u"2024-03-02"_s, u"--format"_s, u"csv"_s, u"--output"_s, out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("4"), r.out.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        f.close();
        QVERIFY(text.startsWith(
            u"id,received_at,source_ip,method,path,provider,tenant,outcome,signature_status,"
            "http_status,processing_us,body_size,raw_ref,event_ids,event_types,detail,user_agent,"
            "chain,chain_seq,row_hash\r\n"_s));
        QVERIFY(text.endsWith(u"\r\n"_s));
        QVERIFY(text.contains(u"caf\u00e9"_s)); // UTF-8 intact

        const QList<QStringList> rows = gerbang::test::parseCsv(text);
        QCOMPARE(rows.size(), 5); // header + 4
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), 20);
        // Oldest first; both day boundaries inside, both outside rows excluded.
        QCOMPARE(rows[1][4], u"/first"_s);
        QCOMPARE(rows[1][1], u"2024-03-01T00:00:00.000Z"_s);
        QCOMPARE(rows[1][13], u"ev-1,ev-2"_s);
        QCOMPARE(rows[1][15], u"{\"reason\":\"a \\\"quoted\\\" word\"}"_s);
        QCOMPARE(rows[4][1], u"2024-03-02T23:59:59.999Z"_s);
        // Formula protection.
        QCOMPARE(rows[2][4], u"'=HYPERLINK(\"http://evil\")"_s);
        QCOMPARE(rows[2][15], u"'+1"_s);
        QCOMPARE(rows[3][4], u"'@SUM(A1)"_s);
        QCOMPARE(rows[3][7], u"'-cmd"_s);
        QCOMPARE(rows[3][15], u"line one\nline two"_s);
        QCOMPARE(rows[4][4], u"'\tTabbed"_s);
        // Quoting on the wire: embedded quotes doubled, fields with comma/newline quoted.
        QVERIFY(text.contains(u"\"'=HYPERLINK(\"\"http://evil\"\")\""_s));
        QVERIFY(text.contains(u",\"ev-1,ev-2\","_s));
        QVERIFY(text.contains(u"\"line one\nline two\""_s));

        // --tenant filter.
        r = ctl.run({u"audit"_s, u"export"_s, u"--from"_s, u"2024-03-01"_s, u"--to"_s,
                     u"2024-03-02"_s, u"--tenant"_s, u"firm-b"_s, u"--format"_s, u"csv"_s,
                     u"--output"_s, out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QStringList> filtered = gerbang::test::parseCsv(QString::fromUtf8(f.readAll()));
        f.close();
        QCOMPARE(filtered.size(), 2);
        QCOMPARE(filtered[1][6], u"firm-b"_s);

        // Full ISO 8601 bounds are instants, inclusive.
        r = ctl.run({u"audit"_s, u"export"_s, u"--from"_s, u"2024-03-01T12:00:00Z"_s, u"--to"_s,
                     u"2024-03-02T08:00:00.000Z"_s, u"--format"_s, u"csv"_s, u"--output"_s, out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        filtered = gerbang::test::parseCsv(QString::fromUtf8(f.readAll()));
        f.close();
        QCOMPARE(filtered.size(), 3);

        // A period without rows still gets the header.
        r = ctl.run({u"audit"_s, u"export"_s, u"--from"_s, u"2023-01-01"_s, u"--to"_s,
                     u"2023-01-31"_s, u"--format"_s, u"csv"_s, u"--output"_s, out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(gerbang::test::parseCsv(QString::fromUtf8(f.readAll())).size(), 1);
        f.close();
    }

    void auditExportPdfNotYetAvailable()
    {
        Ctl ctl;
        const QString out = ctl.dir() + u"/audit.pdf"_s;
        const CommandResult r =
            ctl.run({u"audit"_s, u"export"_s, u"--from"_s, u"2024-03-01"_s, u"--to"_s,
                     u"2024-03-02"_s, u"--format"_s, u"pdf"_s, u"--output"_s, out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("PDF export is provided by the desktop console"));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestGerbangCtl)
#include "tst_gerbangctl.moc"
