// SPDX-License-Identifier: GPL-3.0-or-later
// The tamper-evident audit log on a real store (SQLite file, or PostgreSQL when
// GERBANG_TEST_DATABASE_URL names a server): every kind of tampering is found and located,
// retention keeps the rest verifiable, two writers keep independent chains, rows written
// before the chain existed are sealed, and an exported report's signature holds.
#include "TestSupport.h"
#include "audit/AuditChain.h"
#include "audit/AuditCheckpoints.h"
#include "audit/AuditSigningKey.h"
#include "audit/AuditVerifier.h"
#include "audit/ReportSignature.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/Retention.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

namespace {

constexpr qint64 kDay = 86'400'000;
constexpr qint64 kNow = 1'800'000'000'000; // 2027-01-15

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::optional<AuditSigningKey> m_key;

    std::unique_ptr<Database> connect(const QString &chain, int version = 0)
    {
        QString error;
        const auto target =
            DatabaseTarget::resolve(test::testDatabaseUrl(m_dir->path()), m_dir->path(), &error);
        if (!target)
            qFatal("%s", qPrintable(error));
        DatabaseTarget t = *target;
        t.auditChain = chain;
        auto db = Database::open({t, 5000, false}, &error);
        if (!db || !(version ? db->migrateTo(version, &error) : db->migrate(&error)))
            qFatal("cannot open the test store: %s", qPrintable(error));
        return db;
    }

    void fresh()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = connect(u"gw_a"_s);
        bool created = false;
        QString error;
        m_key = AuditSigningKey::loadOrCreate(m_dir->path(), &created, &error);
        QVERIFY2(m_key && created, qPrintable(error));
    }

    static AuditRecord record(int i, qint64 at = kNow)
    {
        AuditRecord a;
        a.receivedAtMs = at + i;
        a.sourceIp = u"203.0.113.%1"_s.arg(i % 250);
        a.method = u"POST"_s;
        a.path = u"/webhooks/whatsapp"_s;
        a.provider = u"whatsapp"_s;
        a.tenant = u"acme"_s;
        a.outcome = u"accepted"_s;
        a.signatureStatus = u"valid"_s;
        a.httpStatus = 200;
        a.processingUs = 1000 + i;
        a.bodySize = 1500;
        a.rawRef = i % 3 == 0 ? QString() : u"raw_%1"_s.arg(i);
        a.eventIds = {u"evt_%1"_s.arg(i)};
        a.eventTypes = {u"message.text"_s};
        a.detail = i % 2 ? u"{\"n\":%1}"_s.arg(i) : QString();
        a.userAgent = u"facebookexternalua"_s;
        return a;
    }

    void append(Database &db, int from, int to, qint64 at = kNow)
    {
        for (int i = from; i < to; ++i) {
            QString error;
            QVERIFY2(AuditRepository(db).append(record(i, at), kNow, &error), qPrintable(error));
        }
    }

    void exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_db->db());
        QVERIFY2(q.prepare(sql), qPrintable(q.lastError().text()));
        for (const QVariant &v : binds)
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text() + u" in "_s + sql));
    }

    qint64 idAt(qint64 seq, const QString &chain = u"gw_a"_s)
    {
        QSqlQuery q(m_db->db());
        q.prepare(u"SELECT id FROM audit_log WHERE chain_id = ? AND chain_seq = ?"_s);
        q.addBindValue(chain);
        q.addBindValue(seq);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    AuditVerification verify(AuditVerifier::Options options = {})
    {
        options.trustedKeys = {m_key->publicKey()};
        QString error;
        const auto v = AuditVerifier(*m_db).verify(options, kNow, &error);
        if (!v)
            qFatal("verify failed: %s", qPrintable(error));
        return *v;
    }

    AuditCheckpoint checkpoint(const QString &chain = u"gw_a"_s)
    {
        bool freshOne = false;
        QString error;
        const auto c =
            AuditCheckpoints(*m_db).sign(chain, *m_key, u"interval"_s, kNow, &freshOne, &error);
        if (!c)
            qFatal("checkpoint failed: %s", qPrintable(error));
        return *c;
    }

    static const ChainVerification &chain(const AuditVerification &v, const QString &id)
    {
        for (const ChainVerification &c : v.chains) {
            if (c.chainId == id)
                return c;
        }
        qFatal("no chain %s", qPrintable(id));
    }

    // Every break of the whole log, for assertions.
    static QList<ChainBreak> breaks(const AuditVerification &v)
    {
        QList<ChainBreak> all = v.unchained;
        for (const ChainVerification &c : v.chains)
            all += c.breaks;
        return all;
    }

    static QString describe(const AuditVerification &v)
    {
        return QString::fromUtf8(QJsonDocument(v.toJson()).toJson(QJsonDocument::Compact));
    }

private Q_SLOTS:
    void intactChainVerifiesWithItsCheckpoint()
    {
        fresh();
        append(*m_db, 0, 20);
        const AuditCheckpoint k = checkpoint();
        QCOMPARE(k.seq, 20);
        QVERIFY(k.signatureValid());
        const AuditVerification v = verify();
        QVERIFY2(v.ok(), qPrintable(describe(v)));
        const ChainVerification &c = chain(v, u"gw_a"_s);
        QCOMPARE(c.rows, 20);
        QCOMPARE(c.firstSeq, 1);
        QCOMPARE(c.lastSeq, 20);
        QVERIFY(c.checkpoint);
        QCOMPARE(c.checkpoint->seq, 20);
        QVERIFY(c.checkpointKeyTrusted);
        // A key the caller does not trust is named as such, and the chain still verifies.
        QString error;
        const auto other = AuditVerifier(*m_db).verify({}, kNow, &error);
        QVERIFY(other && other->ok());
        QVERIFY(!chain(*other, u"gw_a"_s).checkpointKeyTrusted);
        // The JSON form reads back as it was.
        QCOMPARE(AuditVerification::fromJson(v.toJson()).toJson(), v.toJson());
    }

    void anyChangedColumnIsFoundAndLocated_data()
    {
        QTest::addColumn<QString>("change");
        const QStringList texts = {u"source_ip"_s,        u"method"_s,  u"path"_s,
                                   u"provider"_s,         u"tenant"_s,  u"outcome"_s,
                                   u"signature_status"_s, u"raw_ref"_s, u"event_ids"_s,
                                   u"event_types"_s,      u"detail"_s,  u"user_agent"_s};
        for (const QString &t : texts)
            QTest::newRow(qPrintable(t)) << u"%1 = COALESCE(%1, '') || 'x'"_s.arg(t);
        for (const QString &n : {u"received_at"_s, u"http_status"_s, u"processing_us"_s,
                                 u"body_size"_s, u"chain_seq"_s})
            QTest::newRow(qPrintable(n)) << u"%1 = %1 + 1"_s.arg(n);
        QTest::newRow("row_hash") << u"row_hash = ?"_s;
        QTest::newRow("chain_id") << u"chain_id = 'gw_z'"_s;
        QTest::newRow("a comma doubled") << u"event_ids = event_ids || ','"_s;
    }

    void anyChangedColumnIsFoundAndLocated()
    {
        QFETCH(QString, change);
        fresh();
        append(*m_db, 0, 12);
        checkpoint();
        const qint64 target = idAt(6);
        QVariantList binds;
        if (change.contains(u'?'))
            binds << QByteArray(32, '\x5a');
        binds << target;
        exec(u"UPDATE audit_log SET "_s + change + u" WHERE id = ?"_s, binds);
        const AuditVerification v = verify();
        QVERIFY2(!v.ok(), qPrintable(describe(v)));
        const QList<ChainBreak> found = breaks(v);
        // Located: the first break names the row (or its place, when the row left its chain).
        QVERIFY2(std::any_of(found.cbegin(), found.cend(),
                             [&](const ChainBreak &b) {
                                 return b.rowId == target || (b.seq == 6 && b.rowId != 0);
                             }),
                 qPrintable(describe(v)));
    }

    void deletedRowIsFound()
    {
        fresh();
        append(*m_db, 0, 10);
        exec(u"DELETE FROM audit_log WHERE id = ?"_s, {idAt(4)});
        const AuditVerification v = verify();
        QVERIFY(!v.ok());
        const ChainBreak b = chain(v, u"gw_a"_s).breaks.constFirst();
        QCOMPARE(b.kind, ChainBreak::Kind::Removed);
        QCOMPARE(b.seq, 4);
        QCOMPARE(b.rowId, idAt(5));
    }

    void insertedRowsAreFound()
    {
        fresh();
        append(*m_db, 0, 6);
        // A row written by hand: no chain.
        exec(u"INSERT INTO audit_log (received_at, source_ip, method, path, outcome, "
             "signature_status, http_status, processing_us, body_size) VALUES (?, '10.0.0.1', "
             "'POST', '/x', 'accepted', 'valid', 200, 1, 1)"_s,
             {kNow});
        AuditVerification v = verify();
        QVERIFY(!v.ok());
        QCOMPARE(v.unchained.size(), 1);
        QCOMPARE(v.unchained.constFirst().kind, ChainBreak::Kind::Inserted);
        exec(u"DELETE FROM audit_log WHERE chain_id IS NULL"_s);
        QVERIFY(verify().ok());
        // A forged row that copies a place of the chain.
        exec(u"INSERT INTO audit_log (received_at, source_ip, method, path, outcome, "
             "signature_status, http_status, processing_us, body_size, chain_id, chain_seq, "
             "row_hash) SELECT received_at, source_ip, method, path, 'rejected', "
             "signature_status, 401, processing_us, body_size, chain_id, chain_seq, row_hash "
             "FROM audit_log WHERE id = ?"_s,
             {idAt(3)});
        v = verify();
        QVERIFY(!v.ok());
        const QList<ChainBreak> found = breaks(v);
        QVERIFY2(std::any_of(found.cbegin(), found.cend(),
                             [](const ChainBreak &b) {
                                 return b.kind == ChainBreak::Kind::Inserted && b.seq == 3;
                             }),
                 qPrintable(describe(v)));
    }

    void swappedRowsAreFound()
    {
        fresh();
        append(*m_db, 0, 8);
        const qint64 a = idAt(3);
        const qint64 b = idAt(4);
        // Swapped contents, places (and stored hashes) kept.
        const QString columns = u"received_at, source_ip, processing_us, event_ids, raw_ref, "
                                "detail"_s;
        const auto valuesOf = [&](qint64 id) {
            QSqlQuery q(m_db->db());
            q.prepare(u"SELECT "_s + columns + u" FROM audit_log WHERE id = ?"_s);
            q.addBindValue(id);
            QVariantList values;
            if (q.exec() && q.next()) {
                for (int i = 0; i < 6; ++i)
                    values << q.value(i);
            }
            return values;
        };
        const QVariantList ofA = valuesOf(a);
        const QVariantList ofB = valuesOf(b);
        const QString set = u"UPDATE audit_log SET received_at = ?, source_ip = ?, "
                            "processing_us = ?, event_ids = ?, raw_ref = ?, detail = ? "
                            "WHERE id = ?"_s;
        exec(set, ofB + QVariantList{a});
        exec(set, ofA + QVariantList{b});
        AuditVerification v = verify();
        QList<ChainBreak> found = chain(v, u"gw_a"_s).breaks;
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[0].kind, ChainBreak::Kind::Reordered);
        QCOMPARE(found[0].rowId, a);
        QCOMPARE(found[1].rowId, b);

        // Whole rows swapped in stored order (ids exchanged).
        fresh();
        append(*m_db, 0, 8);
        const qint64 c = idAt(5);
        const qint64 d = idAt(6);
        exec(u"UPDATE audit_log SET id = -1 WHERE id = ?"_s, {c});
        exec(u"UPDATE audit_log SET id = ? WHERE id = ?"_s, {c, d});
        exec(u"UPDATE audit_log SET id = ? WHERE id = -1"_s, {d});
        v = verify();
        QVERIFY(!v.ok());
        found = chain(v, u"gw_a"_s).breaks;
        QCOMPARE(found.constFirst().kind, ChainBreak::Kind::Reordered);
        QCOMPARE(found.constFirst().rowId, d);
    }

    void truncatedTailAfterTheLastCheckpointIsFound()
    {
        fresh();
        append(*m_db, 0, 10);
        checkpoint();
        append(*m_db, 10, 15);
        exec(u"DELETE FROM audit_log WHERE chain_seq > 12"_s);
        AuditVerification v = verify();
        QVERIFY(!v.ok());
        ChainBreak b = chain(v, u"gw_a"_s).breaks.constFirst();
        QCOMPARE(b.kind, ChainBreak::Kind::Removed);
        QCOMPARE(b.seq, 13);
        QVERIFY2(b.detail.contains(u"truncated tail"_s), qPrintable(b.detail));
        // Cut further, into the signed part, with the head moved back too: the checkpoint
        // still tells.
        exec(u"DELETE FROM audit_log WHERE chain_seq > 8"_s);
        exec(u"UPDATE audit_chains SET head_seq = 8, head_hash = (SELECT row_hash FROM audit_log "
             "WHERE chain_seq = 8 AND chain_id = 'gw_a') WHERE chain_id = 'gw_a'"_s);
        v = verify();
        QVERIFY(!v.ok());
        b = chain(v, u"gw_a"_s).breaks.constFirst();
        QCOMPARE(b.kind, ChainBreak::Kind::Removed);
        QCOMPARE(b.seq, 9);
    }

    void changedCheckpointIsFound()
    {
        fresh();
        append(*m_db, 0, 5);
        checkpoint();
        exec(u"UPDATE audit_checkpoints SET signed_at = signed_at + 1"_s);
        const AuditVerification v = verify();
        QVERIFY(!v.ok());
        QCOMPARE(chain(v, u"gw_a"_s).breaks.constFirst().kind, ChainBreak::Kind::Checkpoint);
    }

    void retentionKeepsTheRestVerifiable()
    {
        fresh();
        append(*m_db, 0, 30, kNow - 400 * kDay);
        append(*m_db, 30, 40, kNow - kDay);
        checkpoint();
        QString error;
        RetentionPolicy policy;
        policy.auditDays = 365;
        const auto report = Retention(*m_db, policy).run(kNow, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->auditRows, 30);
        const AuditVerification v = verify();
        QVERIFY2(v.ok(), qPrintable(describe(v)));
        const ChainVerification &c = chain(v, u"gw_a"_s);
        QCOMPARE(c.anchorSeq, 30);
        QCOMPARE(c.firstSeq, 31);
        QCOMPARE(c.rows, 10);
        QVERIFY(c.checkpoint);
        // Removing the first remaining row is still found.
        exec(u"DELETE FROM audit_log WHERE id = ?"_s, {idAt(31)});
        QVERIFY(!verify().ok());
    }

    void aTimeRangeIsCheckedOnItsOwn()
    {
        fresh();
        append(*m_db, 0, 10, kNow - 2 * kDay);
        append(*m_db, 10, 20, kNow - kDay);
        append(*m_db, 20, 30, kNow);
        AuditVerifier::Options range;
        range.fromMs = kNow - kDay;
        range.toMs = kNow - kDay + 1000;
        AuditVerification v = verify(range);
        QVERIFY2(v.ok(), qPrintable(describe(v)));
        QCOMPARE(chain(v, u"gw_a"_s).rows, 10);
        QCOMPARE(chain(v, u"gw_a"_s).firstSeq, 11);
        exec(u"UPDATE audit_log SET tenant = 'other' WHERE id = ?"_s, {idAt(15)});
        QVERIFY(!verify(range).ok());
        // A change outside the range is not this range's.
        exec(u"UPDATE audit_log SET tenant = 'acme' WHERE id = ?"_s, {idAt(15)});
        exec(u"UPDATE audit_log SET tenant = 'other' WHERE id = ?"_s, {idAt(25)});
        QVERIFY(verify(range).ok());
        QVERIFY(!verify().ok());
    }

    void twoWritersKeepIndependentChains()
    {
        fresh();
        const auto second = connect(u"gw_b"_s);
        for (int round = 0; round < 5; ++round) {
            append(*m_db, round * 4, round * 4 + 4);
            append(*second, 100 + round * 3, 100 + round * 3 + 3);
        }
        const AuditVerification v = verify();
        QVERIFY2(v.ok(), qPrintable(describe(v)));
        QCOMPARE(chain(v, u"gw_a"_s).rows, 20);
        QCOMPARE(chain(v, u"gw_b"_s).rows, 15);
        QCOMPARE(chain(v, u"gw_b"_s).lastSeq, 15);
        exec(u"DELETE FROM audit_log WHERE id = ?"_s, {idAt(7, u"gw_b"_s)});
        const AuditVerification broken = verify();
        QVERIFY(chain(broken, u"gw_a"_s).ok());
        QVERIFY(!chain(broken, u"gw_b"_s).ok());
    }

    // The store thread's appender remembers the head it moved instead of reading it per batch;
    // a batch rolled back, and rows of the same chain written by another connection (as many,
    // so that the head's seq matches what the appender remembers), must not fork the chain.
    void appenderFollowsAHeadMovedElsewhereOrRolledBack()
    {
        fresh();
        auditchain::Appender appender(*m_db);
        const auto write = [&](int i, bool commit) {
            QString error;
            AuditRecord r = record(i);
            const bool ok = m_db->inWriteTransaction(&error, [&] {
                if (!appender.append(std::span(&r, 1), kNow, &error))
                    return false;
                QSqlQuery q(m_db->db());
                q.prepare(AuditRepository::insertSql());
                AuditRepository::bindInsert(q, r);
                if (!q.exec()) {
                    error = q.lastError().text();
                    return false;
                }
                return commit;
            });
            return ok;
        };
        for (int i = 0; i < 3; ++i)
            QVERIFY(write(i, true));
        QVERIFY(!write(3, false)); // rolled back after the head moved in it
        const auto sameChain = connect(u"gw_a"_s);
        append(*sameChain, 4, 5);
        for (int i = 5; i < 7; ++i)
            QVERIFY(write(i, true));
        const AuditVerification v = verify();
        QVERIFY2(v.ok(), qPrintable(describe(v)));
        QCOMPARE(chain(v, u"gw_a"_s).rows, 6);
        QCOMPARE(chain(v, u"gw_a"_s).lastSeq, 6);
    }

    void rowsWrittenBeforeTheChainAreSealed()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = connect(u"gw_a"_s, 8);
        for (int i = 0; i < 5; ++i)
            exec(u"INSERT INTO audit_log (received_at, source_ip, method, path, outcome, "
                 "signature_status, http_status, processing_us, body_size, event_ids) VALUES "
                 "(?, '10.0.0.1', 'POST', '/webhooks/whatsapp', 'accepted', 'valid', 200, 1, 1, "
                 "?)"_s,
                 {kNow + i, u"evt_old_%1"_s.arg(i)});
        QString error;
        QVERIFY2(m_db->migrate(&error), qPrintable(error));
        bool created = false;
        m_key = AuditSigningKey::loadOrCreate(m_dir->path(), &created, &error);
        append(*m_db, 0, 3);
        checkpoint(u"legacy"_s);
        AuditVerification v = verify();
        QVERIFY2(v.ok(), qPrintable(describe(v)));
        const ChainVerification &legacy = chain(v, u"legacy"_s);
        QVERIFY(legacy.legacy);
        QCOMPARE(legacy.rows, 5);
        QVERIFY(legacy.checkpoint);
        QCOMPARE(chain(v, u"gw_a"_s).rows, 3);
        exec(u"UPDATE audit_log SET source_ip = '10.0.0.2' WHERE event_ids = 'evt_old_2'"_s);
        v = verify();
        QVERIFY(!chain(v, u"legacy"_s).ok());
    }

    void reportSignatureHoldsOnlyForTheSignedBytes()
    {
        fresh();
        append(*m_db, 0, 5);
        const AuditVerification v = verify();
        const QByteArray report = "received_at,source_ip\r\n2027-01-15,203.0.113.1\r\n";
        const ReportSignature s =
            ReportSignature::make(report, u"r.csv"_s, u"csv"_s, u"tester"_s,
                                  QJsonObject{{u"from"_s, u"a"_s}}, v, *m_key, kNow);
        QString error;
        const auto read = ReportSignature::fromJson(
            QJsonDocument::fromJson(QJsonDocument(s.toJson()).toJson()).object(), &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->check(report, m_key->publicKey()), ReportSignature::Check::Valid);
        QByteArray edited = report;
        edited[30] = '9';
        QCOMPARE(read->check(edited, m_key->publicKey()), ReportSignature::Check::FileChanged);
        QCOMPARE(read->check(report, QByteArray(32, '\1')), ReportSignature::Check::UntrustedKey);
        QJsonObject forged = s.toJson();
        forged.insert(u"generated_by"_s, u"someone else"_s);
        const auto forgedRead = ReportSignature::fromJson(forged, &error);
        QVERIFY(forgedRead);
        QCOMPARE(forgedRead->check(report, m_key->publicKey()),
                 ReportSignature::Check::BadSignature);
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_audit_chain.moc"
