// SPDX-License-Identifier: GPL-3.0-or-later
// The store's ingest statements, every implementation on a real database: the SQLite C API
// one, the QtSql one on SQLite (what Windows and macOS builds use) and, when
// GERBANG_TEST_DATABASE_URL names a server, the QtSql one on PostgreSQL. Rows must come back
// exactly as given (bytes, quotes, backslashes, NULLs), whatever statement carried them.
#include "TestSupport.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/DatabaseTarget.h"
#include "store/IngestStatements.h"
#include "store/MultiRowInsert.h"
#include "store/QtSqlIngestStatements.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

enum class Impl
{
    SqliteNative,
    SqliteQtSql,
    PostgresQtSql
};

constexpr qint64 kNow = 1'790'000'000'000;

// Text that a hand-made literal would get wrong.
const QString kAwkward = u"it's a \\ back'slash \"quote\" \u00e9\u4e2d\U0001F600 ; -- end"_s;

QByteArray allBytes(qsizetype size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = char((i * 7 + 3) & 0xff); // every byte value, 0 and 0x5c included
    return b;
}

} // namespace

Q_DECLARE_METATYPE(Impl)

class TestIngestStatements : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    std::unique_ptr<IngestStatements> open(Impl impl)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        const bool pg = impl == Impl::PostgresQtSql;
        const auto target = DatabaseTarget::resolve(pg ? testDatabaseUrl(m_dir->path()) : QString(),
                                                    m_dir->path(), &error);
        if (!target)
            qFatal("%s", qPrintable(error));
        m_db = Database::open({*target, 5000, false}, &error);
        if (!m_db || !m_db->migrate(&error))
            qFatal("cannot open the test store: %s", qPrintable(error));
        if (impl == Impl::SqliteQtSql)
            return std::make_unique<QtSqlIngestStatements>(*m_db);
        auto stmts = IngestStatements::create(*m_db, &error);
        if (!stmts)
            qFatal("%s", qPrintable(error));
        return stmts;
    }

    QVariantList row(const QString &sql)
    {
        QSqlQuery q(m_db->db());
        if (!q.exec(sql) || !q.next())
            qFatal("query failed: %s", qPrintable(sql));
        QVariantList values;
        for (int i = 0; i < q.record().count(); ++i)
            values << q.value(i);
        return values;
    }

    qint64 count(const QString &table)
    {
        return row(u"SELECT count(*) FROM "_s + table).value(0).toLongLong();
    }

    static RawPayloadRow raw(const QString &id, qsizetype size)
    {
        RawPayloadRow r;
        r.id = id;
        r.receivedAtMs = kNow;
        r.keyIdHex = u"0a1b2c3d"_s;
        r.size = size;
        r.sha256Hex = QByteArray(64, 'f');
        r.sealed = allBytes(size);
        return r;
    }

    static EventRow event(const QString &id, const QString &rawRef)
    {
        EventRow e;
        e.id = id;
        e.tenant = u"firm-a"_s;
        e.provider = u"whatsapp"_s;
        e.type = u"message.text"_s;
        e.providerEventId = u"wamid."_s + id;
        e.dedupKey = u"m:"_s + id;
        e.rawRef = rawRef;
        e.receivedAtMs = kNow;
        return e;
    }

    // The rows of every test: one per implementation.
    static void implementations_data()
    {
        QTest::addColumn<Impl>("impl");
        QTest::newRow("sqlite C API") << Impl::SqliteNative;
        QTest::newRow("sqlite QtSql") << Impl::SqliteQtSql;
        if (testingOnPostgres())
            QTest::newRow("postgresql QtSql") << Impl::PostgresQtSql;
    }

private Q_SLOTS:
    void claimsAreFreshOncePerKey_data() { implementations_data(); }
    void claimsAreFreshOncePerKey()
    {
        QFETCH(Impl, impl);
        auto stmts = open(impl);
        QString error;
        std::vector<bool> fresh;
        const std::vector<DedupClaim> first{{u"firm-a"_s, u"m:1"_s},
                                            {u"firm-a"_s, u"m:2"_s},
                                            {u"firm-a"_s, u"m:1"_s}, // a retry in the same batch
                                            {u"firm-b"_s, u"m:1"_s}, // another tenant's key
                                            {u"firm-a"_s, kAwkward}};
        QVERIFY2(stmts->claimDedupKeys(first, kNow, kNow + 1000, &fresh, &error),
                 qPrintable(error));
        QCOMPARE(fresh, (std::vector<bool>{true, true, false, true, true}));
        QCOMPARE(count(u"dedup_keys"_s), 4LL);

        const std::vector<DedupClaim> second{{u"firm-a"_s, kAwkward}, {u"firm-a"_s, u"m:3"_s}};
        QVERIFY2(stmts->claimDedupKeys(second, kNow + 10, kNow + 1010, &fresh, &error),
                 qPrintable(error));
        QCOMPARE(fresh, (std::vector<bool>{false, true}));

        QVERIFY(stmts->claimDedupKeys({}, kNow, kNow + 1000, &fresh, &error));
        QVERIFY(fresh.empty());
    }

    void expiredClaimIsFreshAgain_data() { implementations_data(); }
    void expiredClaimIsFreshAgain()
    {
        QFETCH(Impl, impl);
        auto stmts = open(impl);
        QString error;
        std::vector<bool> fresh;
        const std::vector<DedupClaim> key{{u"firm-a"_s, u"m:1"_s}};
        QVERIFY(stmts->claimDedupKeys(key, kNow, kNow + 100, &fresh, &error));
        QCOMPARE(fresh, std::vector<bool>{true});
        QVERIFY(stmts->claimDedupKeys(key, kNow + 99, kNow + 199, &fresh, &error));
        QCOMPARE(fresh, std::vector<bool>{false}); // still held: and not extended
        QVERIFY(stmts->claimDedupKeys(key, kNow + 101, kNow + 201, &fresh, &error));
        QCOMPARE(fresh, std::vector<bool>{true}); // expired: taken over
        QCOMPARE(row(u"SELECT seen_at, expires_at FROM dedup_keys"_s),
                 (QVariantList{kNow + 101, kNow + 201}));
    }

    void rowsComeBackAsGiven_data() { implementations_data(); }
    void rowsComeBackAsGiven()
    {
        QFETCH(Impl, impl);
        auto stmts = open(impl);
        IngestRows rows;
        rows.raws.push_back(raw(u"raw_small"_s, 1500));
        // Past the size up to which QtSql writes a payload into the statement.
        rows.raws.push_back(raw(u"raw_large"_s, QtSqlIngestStatements::kMaxLiteralPayload + 1));
        EventRow full = event(u"ev_full"_s, u"raw_small"_s);
        full.type = kAwkward;
        full.locator = u"/entry/0/changes/0"_s;
        full.occurredAtMs = kNow - 5;
        full.routingKey = u"100000000000001"_s;
        rows.events.push_back(full);
        EventRow sparse = event(u"ev_sparse"_s, u"raw_large"_s);
        sparse.providerEventId.clear(); // NULL
        rows.events.push_back(sparse);
        AuditRecord a;
        a.receivedAtMs = kNow;
        a.sourceIp = u"2001:db8::1"_s;
        a.method = u"POST"_s;
        a.path = u"/whatsapp/webhook"_s;
        a.provider = u"whatsapp"_s;
        a.tenant = u"firm-a"_s;
        a.outcome = u"accepted"_s;
        a.signatureStatus = u"valid"_s;
        a.httpStatus = 200;
        a.processingUs = 812;
        a.bodySize = 1500;
        a.rawRef = u"raw_small"_s;
        a.eventIds = {u"ev_full"_s, u"ev_sparse"_s};
        a.eventTypes = {kAwkward};
        a.detail = kAwkward;
        rows.audits.push_back(a);
        AuditRecord refused; // a refusal: no tenant, no raw payload
        refused.receivedAtMs = kNow;
        refused.method = u"POST"_s;
        refused.path = u"/whatsapp/webhook"_s;
        refused.outcome = u"rejected"_s;
        refused.signatureStatus = u"mismatch"_s;
        refused.httpStatus = 401;
        rows.audits.push_back(refused);

        QString error;
        QVERIFY2(stmts->insert(rows, kNow + 1, &error), qPrintable(error));

        for (const RawPayloadRow &r : rows.raws) {
            QCOMPARE(row(u"SELECT received_at, key_id, size, sha256, ciphertext FROM raw_payloads "
                         "WHERE id = '%1'"_s.arg(r.id)),
                     (QVariantList{r.receivedAtMs, r.keyIdHex, r.size,
                                   QString::fromLatin1(r.sha256Hex), r.sealed}));
        }
        const QString eventColumns = u"tenant_id, provider, type, provider_event_id, dedup_key, "
                                     "raw_ref, locator, received_at, occurred_at, routing_key"_s;
        QCOMPARE(
            row(u"SELECT %1 FROM events WHERE id = 'ev_full'"_s.arg(eventColumns)),
            (QVariantList{full.tenant, full.provider, kAwkward, full.providerEventId, full.dedupKey,
                          full.rawRef, full.locator, kNow, kNow - 5, full.routingKey}));
        const QVariantList sparseRow =
            row(u"SELECT %1 FROM events WHERE id = 'ev_sparse'"_s.arg(eventColumns));
        QVERIFY(sparseRow.at(3).isNull());
        QVERIFY(sparseRow.at(6).isNull());
        QVERIFY(sparseRow.at(8).isNull());
        QVERIFY(sparseRow.at(9).isNull());
        QCOMPARE(row(u"SELECT tenant_id, created_at, next_attempt_at FROM outbox "
                     "WHERE event_id = 'ev_sparse'"_s),
                 (QVariantList{u"firm-a"_s, kNow + 1, kNow + 1}));
        QCOMPARE(count(u"outbox"_s), 2LL);

        AuditRepository audit(*m_db);
        AuditFilter filter;
        filter.newestFirst = false;
        const QList<AuditRecord> back = audit.list(filter, &error);
        QCOMPARE(back.size(), 2);
        QCOMPARE(back[0].sourceIp, a.sourceIp);
        QCOMPARE(back[0].eventIds, a.eventIds);
        QCOMPARE(back[0].eventTypes, a.eventTypes);
        QCOMPARE(back[0].detail, kAwkward);
        QCOMPARE(back[0].processingUs, 812LL);
        QCOMPARE(back[0].rawRef, u"raw_small"_s);
        QCOMPARE(back[1].outcome, u"rejected"_s);
        QCOMPARE(back[1].httpStatus, 401);
        QVERIFY(back[1].rawRef.isEmpty());
        QVERIFY(back[1].tenant.isEmpty());
    }

    void unusualTextNeitherFailsNorSlipsThroughDedup_data() { implementations_data(); }
    void unusualTextNeitherFailsNorSlipsThroughDedup()
    {
        // Verified payloads may still carry U+0000 or a lone surrogate in their ids and types
        // (Qt's JSON parser accepts "\u0000" and "\ud800"). They must not fail the batch, and
        // a retry must still be a duplicate.
        QFETCH(Impl, impl);
        auto stmts = open(impl);
        const QString withNul = u"m:a"_s + QChar(u'\0') + u"b"_s;
        const QString lone1 = u"m:"_s + QChar(0xd800);
        const QString lone2 = u"m:"_s + QChar(0xd801); // stored like lone1 ('?')
        QString error;
        std::vector<bool> fresh;
        const std::vector<DedupClaim> claims{
            {u"firm-a"_s, withNul}, {u"firm-a"_s, lone1}, {u"firm-a"_s, lone2}};
        QVERIFY2(stmts->claimDedupKeys(claims, kNow, kNow + 1000, &fresh, &error),
                 qPrintable(error));
        QCOMPARE(fresh, (std::vector<bool>{true, true, false}));
        QVERIFY2(stmts->claimDedupKeys(claims, kNow + 1, kNow + 1000, &fresh, &error),
                 qPrintable(error));
        QCOMPARE(fresh, (std::vector<bool>{false, false, false}));

        IngestRows rows;
        rows.raws.push_back(raw(u"raw_odd"_s, 100));
        EventRow e = event(u"ev_odd"_s, u"raw_odd"_s);
        e.type = withNul;
        e.dedupKey = lone1;
        e.locator = withNul + lone2;
        rows.events.push_back(e);
        AuditRecord a;
        a.receivedAtMs = kNow;
        a.outcome = u"accepted"_s;
        a.eventTypes = {withNul, lone1};
        a.detail = withNul;
        rows.audits.push_back(a);
        QVERIFY2(stmts->insert(rows, kNow, &error), qPrintable(error));
        QCOMPARE(count(u"events"_s), 1LL);
        QCOMPARE(count(u"audit_log"_s), 1LL);
    }

    void aBatchLargerThanOneStatement_data() { implementations_data(); }
    void aBatchLargerThanOneStatement()
    {
        QFETCH(Impl, impl);
        auto stmts = open(impl);
        // ~3 KiB of SQL per payload row: several statements' worth.
        const int n = int(3 * MultiRowInsert::kMaxStatementChars / 3000);
        IngestRows rows;
        std::vector<DedupClaim> claims;
        for (int i = 0; i < n; ++i) {
            const QString id = QString::number(i);
            rows.raws.push_back(raw(u"raw_"_s + id, 1500));
            rows.events.push_back(event(u"ev_"_s + id, u"raw_"_s + id));
            claims.push_back({u"firm-a"_s, u"m:"_s + id});
        }
        QString error;
        std::vector<bool> fresh;
        QVERIFY2(stmts->claimDedupKeys(claims, kNow, kNow + 1000, &fresh, &error),
                 qPrintable(error));
        QCOMPARE(qint64(std::count(fresh.begin(), fresh.end(), true)), qint64(n));
        QVERIFY2(stmts->insert(rows, kNow, &error), qPrintable(error));
        QCOMPARE(count(u"raw_payloads"_s), qint64(n));
        QCOMPARE(count(u"events"_s), qint64(n));
        QCOMPARE(count(u"outbox"_s), qint64(n));
        QCOMPARE(row(u"SELECT ciphertext FROM raw_payloads WHERE id = 'raw_%1'"_s.arg(n - 1)),
                 QVariantList{allBytes(1500)});
    }

    void aFailedStatementSaysWhyWithoutThePayload_data() { implementations_data(); }
    void aFailedStatementSaysWhyWithoutThePayload()
    {
        QFETCH(Impl, impl);
        auto stmts = open(impl);
        IngestRows rows;
        rows.raws.push_back(raw(u"raw_same"_s, 1500));
        QString error;
        QVERIFY2(stmts->insert(rows, kNow, &error), qPrintable(error));
        QVERIFY(!stmts->insert(rows, kNow, &error)); // the same primary key again
        QVERIFY(!error.isEmpty());
        const QByteArray sealedHex = rows.raws[0].sealed.toHex();
        QVERIFY2(!error.contains(QString::fromLatin1(sealedHex.left(32)), Qt::CaseInsensitive),
                 qPrintable(error));
        QCOMPARE(count(u"raw_payloads"_s), 1LL);
    }

    // On PostgreSQL the tables' statements travel together (StatementScript): a statement
    // that fails after others succeeded must still fail the batch, and the transaction must
    // take back what the earlier ones wrote.
    void aFailureLaterInTheBatchFailsAllOfIt_data() { implementations_data(); }
    void aFailureLaterInTheBatchFailsAllOfIt()
    {
        QFETCH(Impl, impl);
        auto stmts = open(impl);
        IngestRows rows;
        rows.raws.push_back(raw(u"raw_kept_out"_s, 1500));
        rows.events.push_back(event(u"ev_twice"_s, u"raw_kept_out"_s));
        rows.events.push_back(event(u"ev_twice"_s, u"raw_kept_out"_s)); // the same primary key
        AuditRecord a;
        a.receivedAtMs = kNow;
        a.outcome = u"accepted"_s;
        a.rawRef = u"raw_kept_out"_s;
        rows.audits.push_back(a);
        QString error;
        bool inserted = true; // what the statements said, not only the commit
        QVERIFY(!m_db->inWriteTransaction(&error, [&] {
            inserted = stmts->insert(rows, kNow, &error);
            return inserted;
        }));
        QVERIFY(!inserted);
        QVERIFY(!error.isEmpty());
        QCOMPARE(count(u"raw_payloads"_s), 0LL);
        QCOMPARE(count(u"events"_s), 0LL);
        QCOMPARE(count(u"audit_log"_s), 0LL);
        // The connection is usable again: the same rows without the duplicate go in.
        rows.events.pop_back();
        QVERIFY2(
            m_db->inWriteTransaction(&error, [&] { return stmts->insert(rows, kNow, &error); }),
            qPrintable(error));
        QCOMPARE(count(u"raw_payloads"_s), 1LL);
        QCOMPARE(count(u"events"_s), 1LL);
        QCOMPARE(count(u"outbox"_s), 1LL);
        QCOMPARE(count(u"audit_log"_s), 1LL);
    }
};

QTEST_GUILESS_MAIN(TestIngestStatements)
#include "tst_ingest_statements.moc"
