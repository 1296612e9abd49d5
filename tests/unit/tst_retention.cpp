// SPDX-License-Identifier: GPL-3.0-or-later
// The retention job against a real SQLite file, at times the test chooses.
#include "storage/Database.h"
#include "storage/Retention.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

namespace {

constexpr qint64 kDay = 86'400'000;
constexpr qint64 kNow = 1'800'000'000'000; // 2027-01-15

void exec(Database &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db.db());
    QVERIFY2(q.prepare(sql), qPrintable(q.lastError().text()));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text() + u" in "_s + sql));
}

QStringList ids(Database &db, const QString &sql)
{
    QStringList out;
    QSqlQuery q(db.db());
    if (!q.exec(sql))
        qWarning() << q.lastError().text();
    while (q.next())
        out << q.value(0).toString();
    out.sort();
    return out;
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    std::unique_ptr<Database> open()
    {
        QString error;
        auto db = Database::open(
            {DatabaseTarget::sqlite(m_dir.filePath(u"gerbang.sqlite"_s)), 2000, false}, &error);
        if (!db || !db->migrate(&error))
            qFatal("cannot open test database: %s", qPrintable(error));
        return db;
    }

    // One event received `ageDays` ago with its raw payload, dedup key and outbox row.
    void addEvent(const QString &id, qint64 ageDays, const QString &state, qint64 finishedAgeDays)
    {
        const qint64 at = kNow - ageDays * kDay;
        exec(*m_db,
             u"INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, ciphertext) "
             "VALUES (?, ?, 'k', 1, 'x', x'00')"_s,
             {QString(u"raw_"_s + id), at});
        exec(*m_db,
             u"INSERT INTO events (id, tenant_id, provider, type, dedup_key, raw_ref, "
             "received_at, delivery_state) VALUES (?, 'acme', 'whatsapp', 'message.text', ?, ?, "
             "?, ?)"_s,
             {id, QString(u"key_"_s + id), QString(u"raw_"_s + id), at, state});
        exec(*m_db,
             u"INSERT INTO dedup_keys (tenant_id, key, seen_at, expires_at) VALUES "
             "('acme', ?, ?, ?)"_s,
             {QString(u"key_"_s + id), at, at + 7 * kDay});
        exec(*m_db,
             u"INSERT INTO outbox (event_id, tenant_id, state, created_at, next_attempt_at, "
             "finished_at) VALUES (?, 'acme', ?, ?, ?, ?)"_s,
             {id, state, at, at,
              state == u"pending"_s ? QVariant() : QVariant(kNow - finishedAgeDays * kDay)});
        exec(*m_db,
             u"INSERT INTO audit_log (received_at, source_ip, method, path, outcome, "
             "signature_status, http_status, processing_us, body_size, event_ids) "
             "VALUES (?, '127.0.0.1', 'POST', '/whatsapp/webhook', 'accepted', 'valid', 200, 1, "
             "1, ?)"_s,
             {at, id});
    }

private Q_SLOTS:
    void init()
    {
        m_db.reset();
        QFile::remove(m_dir.filePath(u"gerbang.sqlite"_s));
        m_db = open();
    }

    void removesExactlyWhatIsDue()
    {
        RetentionPolicy policy; // raw 7 d, audit 365 d, delivered 7 d
        addEvent(u"ev_fresh"_s, 1, u"pending"_s, 0);
        addEvent(u"ev_week"_s, 8, u"delivered"_s, 6);   // raw due, delivered too recently
        addEvent(u"ev_old"_s, 30, u"delivered"_s, 29);  // everything but the audit row due
        addEvent(u"ev_dead"_s, 30, u"dead"_s, 29);      // dead letters stay for a year
        addEvent(u"ev_ancient"_s, 400, u"dead"_s, 399); // even the audit row is due
        addEvent(u"ev_stuck"_s, 10, u"pending"_s, 0);   // undelivered: never removed

        Retention retention(*m_db, policy);
        QString error;
        const auto report = retention.run(kNow, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->rawPayloads, 5);
        QCOMPARE(report->auditRows, 1);
        QCOMPARE(report->dedupKeys, 5); // every key older than 7 days
        QCOMPARE(report->deliveredEvents, 1);
        QCOMPARE(report->deadLetters, 1);

        QCOMPARE(ids(*m_db, u"SELECT id FROM raw_payloads"_s), QStringList{u"raw_ev_fresh"_s});
        QCOMPARE(ids(*m_db, u"SELECT id FROM events"_s),
                 (QStringList{u"ev_dead"_s, u"ev_fresh"_s, u"ev_stuck"_s, u"ev_week"_s}));
        QCOMPARE(ids(*m_db, u"SELECT event_id FROM outbox"_s),
                 (QStringList{u"ev_dead"_s, u"ev_fresh"_s, u"ev_stuck"_s, u"ev_week"_s}));
        QCOMPARE(ids(*m_db, u"SELECT key FROM dedup_keys"_s), QStringList{u"key_ev_fresh"_s});
        QCOMPARE(ids(*m_db, u"SELECT event_ids FROM audit_log"_s).size(), 5);
        // The events whose payload went keep their row, with the reference cleared.
        QCOMPARE(ids(*m_db, u"SELECT id FROM events WHERE raw_ref IS NULL"_s),
                 (QStringList{u"ev_dead"_s, u"ev_stuck"_s, u"ev_week"_s}));

        // Nothing more is due at the same time: a second run removes nothing.
        const auto again = retention.run(kNow, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->rawPayloads + again->auditRows + again->dedupKeys + again->deliveredEvents +
                     again->deadLetters,
                 0);
    }

    void deletesInChunksBeyondOneTransaction()
    {
        QString txError;
        QVERIFY(m_db->inWriteTransaction(&txError, [&] {
            for (int i = 0; i < 4500; ++i)
                exec(*m_db,
                     u"INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, "
                     "ciphertext) VALUES (?, ?, 'k', 1, 'x', x'00')"_s,
                     {u"raw_%1"_s.arg(i), kNow - 8 * kDay});
            return true;
        }));
        QString error;
        const auto report = Retention(*m_db, {}).run(kNow, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->rawPayloads, 4500);
        QVERIFY(ids(*m_db, u"SELECT id FROM raw_payloads"_s).isEmpty());
    }

    void scheduleRunsOncePerIntervalAcrossConnections()
    {
        RetentionPolicy policy;
        policy.intervalMs = 3'600'000;
        auto other = open(); // a second gateway on the same database
        Retention a(*m_db, policy);
        Retention b(*other, policy);
        QString error;
        QVERIFY(a.claimScheduledRun(kNow, &error));
        QVERIFY(!b.claimScheduledRun(kNow, &error));
        QVERIFY(!a.claimScheduledRun(kNow + 1000, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(a.recordRun(kNow, RetentionReport{}, &error));
        const auto s = b.schedule(&error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->lastRunMs, kNow);
        QCOMPARE(s->nextRunMs, kNow + policy.intervalMs);
        QVERIFY(s->lastReport.startsWith(u"raw payloads 0"_s));
        // Due again after one interval, and again for one caller only.
        QVERIFY(b.claimScheduledRun(kNow + policy.intervalMs, &error));
        QVERIFY(!a.claimScheduledRun(kNow + policy.intervalMs, &error));
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
