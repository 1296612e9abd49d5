// SPDX-License-Identifier: GPL-3.0-or-later
// The alerts for quiet failures (issue 19) on a real store (SQLite file, or PostgreSQL when
// GERBANG_TEST_DATABASE_URL names a server), with an injected clock: each fires at its
// threshold and not before, repeats only after its cooldown, and resolves; silence is learned
// from a daily rhythm.
#include "TestSupport.h"
#include "alerts/ConditionTracker.h"
#include "alerts/SilenceModel.h"
#include "alerts/Vigilance.h"
#include "crypto/SelfSignedCertificate.h"
#include "domain/AlertTexts.h"
#include "storage/AlertConditionRepository.h"
#include "storage/Database.h"
#include "storage/SourceActivityRepository.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
// "Today": Monday 2027-02-01, 00:00 UTC, so that hours of the day read plainly below.
constexpr qint64 kStart = 1'801'440'000'000;

void exec(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db.db());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
}

} // namespace

class TestVigilance : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_now = kStart;
    std::optional<qint64> m_free;

    std::unique_ptr<Vigilance> vigilance(Vigilance::Config c)
    {
        return std::make_unique<Vigilance>(
            std::move(c), *m_db, [this] { return m_now; },
            [this](const QString &) { return m_free; });
    }

    // Every alert kind off: a test turns on the one it looks at.
    static Vigilance::Config off()
    {
        Vigilance::Config c;
        c.repeatMs = 4 * kHour;
        c.gatewayId = u"gw-a"_s;
        return c;
    }

    QList<AlertInfo> checkAt(Vigilance &v, qint64 at)
    {
        m_now = at;
        QSignalSpy spy(&v, &Vigilance::alert);
        v.check();
        QList<AlertInfo> out;
        for (const QList<QVariant> &args : std::as_const(spy))
            out << args.at(0).value<AlertInfo>();
        return out;
    }

    // Requests every five minutes from 08:00 to 20:00 (UTC) on each day in [fromDay, toDay).
    void officeHours(const QString &source, qint64 fromDay, qint64 toDay, qint64 untilMs = 0)
    {
        QList<SourceActivityRepository::Count> counts;
        for (qint64 day = fromDay; day < toDay; day += kDay) {
            for (qint64 t = day + 8 * kHour; t <= day + 20 * kHour; t += 5 * kMinute) {
                if (untilMs > 0 && t > untilMs)
                    break;
                counts.append({source, t / kMinute, 3});
            }
        }
        QString error;
        QVERIFY2(SourceActivityRepository(*m_db).add(counts, &error), qPrintable(error));
    }

    void addOutbox(const QString &id, const QString &state, qint64 createdAt)
    {
        exec(*m_db,
             u"INSERT INTO events (id, tenant_id, provider, type, dedup_key, received_at, "
             "delivery_state) VALUES (?, 'acme', 'whatsapp', 'message.text', ?, ?, ?)"_s,
             {id, QString(u"key_"_s + id), createdAt, state});
        exec(*m_db,
             u"INSERT INTO outbox (event_id, tenant_id, state, created_at, next_attempt_at, "
             "finished_at) VALUES (?, 'acme', ?, ?, ?, ?)"_s,
             {id, state, createdAt, createdAt,
              state == u"pending"_s ? QVariant() : QVariant(createdAt + kMinute)});
    }

    // "kind state [subject]" of each alert, sorted.
    static QStringList summary(const QList<AlertInfo> &alerts)
    {
        QStringList out;
        for (const AlertInfo &a : alerts)
            out << (a.kind + u' ' + a.state + (a.source.isEmpty() ? QString() : u' ' + a.source));
        out.sort();
        return out;
    }

    qint64 conditionsRecorded()
    {
        QSqlQuery q(m_db->db());
        if (!q.exec(u"SELECT count(*) FROM alert_conditions"_s) || !q.next())
            qFatal("cannot count alert_conditions: %s", qPrintable(q.lastError().text()));
        return q.value(0).toLongLong();
    }

    static void expectOne(const QList<AlertInfo> &alerts, AlertKind kind, AlertState state)
    {
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().kind, wire(kind));
        QCOMPARE(alerts.first().state, wire(state));
        // Every alert can be put in words, with a next step while it is raised.
        const alerttexts::Text text = alerttexts::describe(alerts.first());
        QVERIFY(!text.what.isEmpty());
        QCOMPARE(text.next.isEmpty(), state == AlertState::Resolved);
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AlertInfo>(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        m_db = test::openTestDatabase(m_dir->path(), &error);
        QVERIFY2(m_db && m_db->migrate(&error), qPrintable(error));
        m_now = kStart;
        m_free.reset();
    }

    void cleanup() { m_db.reset(); }

    void trackerRaisesRemindsAndResolves()
    {
        ConditionTracker t(kHour);
        Condition c{.kind = AlertKind::DeadLetters, .active = false, .value = 0};
        QVERIFY(t.observe(c, 0).isEmpty());
        c.active = true;
        c.value = 2;
        expectOne(t.observe(c, 0), AlertKind::DeadLetters, AlertState::Raised);
        QVERIFY(t.observe(c, kHour - 1).isEmpty());
        expectOne(t.observe(c, kHour), AlertKind::DeadLetters, AlertState::Raised);
        // Reminded only when worse: the same count after the cooldown says nothing...
        c.remindOnlyWhenWorse = true;
        QVERIFY(t.observe(c, 2 * kHour).isEmpty());
        // ...more says it, once the cooldown passed.
        c.value = 3;
        expectOne(t.observe(c, 2 * kHour + 1), AlertKind::DeadLetters, AlertState::Raised);
        c.value = 4;
        QVERIFY(t.observe(c, 2 * kHour + 2).isEmpty());
        expectOne(t.observe(c, 3 * kHour + 1), AlertKind::DeadLetters, AlertState::Raised);
        // A higher level raises at once.
        c.level = 2;
        expectOne(t.observe(c, 3 * kHour + 2), AlertKind::DeadLetters, AlertState::Raised);
        c.active = false;
        c.value = 0;
        expectOne(t.observe(c, 3 * kHour + 3), AlertKind::DeadLetters, AlertState::Resolved);
        QVERIFY(t.observe(c, 3 * kHour + 4).isEmpty()); // resolved once
        QVERIFY(!t.isRaised(AlertKind::DeadLetters, {}));
    }

    void silenceModelFollowsADailyRhythm()
    {
        QList<qint64> minutes;
        for (qint64 day = kStart - 28 * kDay; day < kStart; day += kDay) {
            for (qint64 t = day + 8 * kHour; t <= day + 20 * kHour; t += 5 * kMinute)
                minutes << t / kMinute;
        }
        // Night: the gap from 20:00 to 08:00 is what 03:00 usually sees.
        QCOMPARE(SilenceModel::usualLongestGapMs(minutes, kStart + 3 * kHour), 12 * kHour);
        // Office hours: five minutes.
        QCOMPARE(SilenceModel::usualLongestGapMs(minutes, kStart + 11 * kHour), 5 * kMinute);
        // Too little history: nothing is known.
        QVERIFY(!SilenceModel::usualLongestGapMs(minutes.mid(minutes.size() - 100), kStart));
    }

    void silenceLearnedFromTrafficWithADailyRhythm()
    {
        Vigilance::Config c = off();
        c.silenceMinimumMs = 60 * kMinute;
        c.silenceFactor = 3;
        auto v = vigilance(c);
        // Four weeks of office hours, and today until 10:00.
        officeHours(u"whatsapp"_s, kStart - 28 * kDay, kStart);
        officeHours(u"whatsapp"_s, kStart, kStart + kDay, kStart + 10 * kHour);
        // The night before was quiet as usual: no alert at 03:00 (7 h of silence).
        QVERIFY(checkAt(*v, kStart + 3 * kHour).isEmpty());
        // Office hours: the threshold is the minimum (3 × 5 min is less); the last request
        // came in the minute of 10:00, so the silence counts from 10:01.
        QVERIFY(checkAt(*v, kStart + 10 * kHour + 30 * kMinute).isEmpty());
        QVERIFY(checkAt(*v, kStart + 11 * kHour + kMinute - 1).isEmpty());
        const QList<AlertInfo> raised = checkAt(*v, kStart + 11 * kHour + kMinute);
        expectOne(raised, AlertKind::Silence, AlertState::Raised);
        QCOMPARE(raised.first().source, u"whatsapp"_s);
        QCOMPARE(raised.first().value, 3600);
        QCOMPARE(raised.first().threshold, 3600);
        QVERIFY(alerttexts::describe(raised.first()).next.contains(u"Meta App Dashboard"_s));
        // Still silent: no repeat before the reminder time (4 h).
        QVERIFY(checkAt(*v, kStart + 13 * kHour).isEmpty());
        expectOne(checkAt(*v, kStart + 15 * kHour + kMinute), AlertKind::Silence,
                  AlertState::Raised);
        // Traffic returns: resolved.
        QString error;
        QVERIFY(SourceActivityRepository(*m_db).add(
            {{u"whatsapp"_s, (kStart + 16 * kHour) / kMinute, 1}}, &error));
        expectOne(checkAt(*v, kStart + 16 * kHour + kMinute), AlertKind::Silence,
                  AlertState::Resolved);
    }

    void silenceAtABusyHourAfterAQuietNight()
    {
        Vigilance::Config c = off();
        c.silenceMinimumMs = 60 * kMinute;
        auto v = vigilance(c);
        officeHours(u"stripe-firm-a"_s, kStart - 28 * kDay, kStart);
        // Nothing today: quiet at 07:00 (the night gap usually reaches 08:00)...
        QVERIFY(checkAt(*v, kStart + 7 * kHour).isEmpty());
        // ...and at 10:00, a normally busy hour, it is silence.
        const QList<AlertInfo> raised = checkAt(*v, kStart + 10 * kHour);
        expectOne(raised, AlertKind::Silence, AlertState::Raised);
        QCOMPARE(raised.first().source, u"stripe-firm-a"_s);
        QVERIFY(!alerttexts::describe(raised.first()).next.contains(u"Meta"_s));
    }

    void silenceThresholdFixedPerSource()
    {
        Vigilance::Config c = off();
        c.silenceMinimumMs = 60 * kMinute;
        c.silenceFixedMs = {{u"xendit-firm-b"_s, 2 * kHour}, {u"whatsapp"_s, 0}};
        auto v = vigilance(c);
        QString error;
        QVERIFY(SourceActivityRepository(*m_db).add(
            {{u"xendit-firm-b"_s, kStart / kMinute, 1}, {u"whatsapp"_s, kStart / kMinute, 1}},
            &error));
        // No history to learn from, but a fixed threshold; whatsapp's alert is off.
        QVERIFY(checkAt(*v, kStart + 2 * kHour).isEmpty());
        expectOne(checkAt(*v, kStart + 2 * kHour + kMinute), AlertKind::Silence,
                  AlertState::Raised);
        QVERIFY(checkAt(*v, kStart + 4 * kHour).isEmpty()); // within the reminder time
    }

    void deliveryBacklogAndDeadLetters()
    {
        Vigilance::Config c = off();
        c.deliveryAgeMs = 30 * kMinute;
        c.deadLetters = 1;
        auto v = vigilance(c);
        addOutbox(u"ev_1"_s, u"pending"_s, kStart);
        addOutbox(u"ev_2"_s, u"delivered"_s, kStart - kDay);
        QVERIFY(checkAt(*v, kStart + 30 * kMinute - 1).isEmpty());
        const QList<AlertInfo> late = checkAt(*v, kStart + 30 * kMinute);
        expectOne(late, AlertKind::DeliveryBacklog, AlertState::Raised);
        QCOMPARE(late.first().value, 1800);
        exec(*m_db, u"UPDATE outbox SET state = 'delivered' WHERE event_id = 'ev_1'"_s);
        expectOne(checkAt(*v, kStart + 31 * kMinute), AlertKind::DeliveryBacklog,
                  AlertState::Resolved);

        addOutbox(u"ev_3"_s, u"dead"_s, kStart + kHour);
        const QList<AlertInfo> dead = checkAt(*v, kStart + kHour);
        expectOne(dead, AlertKind::DeadLetters, AlertState::Raised);
        QCOMPARE(dead.first().value, 1);
        // The same dead letter later: no repeat; a new one after the cooldown: again.
        QVERIFY(checkAt(*v, kStart + 6 * kHour).isEmpty());
        addOutbox(u"ev_4"_s, u"dead"_s, kStart + 6 * kHour);
        const QList<AlertInfo> more = checkAt(*v, kStart + 6 * kHour + 1);
        expectOne(more, AlertKind::DeadLetters, AlertState::Raised);
        QCOMPARE(more.first().value, 2);
        exec(*m_db, u"UPDATE outbox SET state = 'delivered' WHERE state = 'dead'"_s);
        const QList<AlertInfo> replayed = checkAt(*v, kStart + 6 * kHour + 2);
        expectOne(replayed, AlertKind::DeadLetters, AlertState::Resolved);
    }

    void certificateExpiryAtFourteenAndThreeDays()
    {
        const QString cert = m_dir->filePath(u"tls.crt"_s);
        bool created = false;
        QString error;
        QVERIFY2(SelfSignedCertificate::ensure(cert, m_dir->filePath(u"tls.key"_s), u"test"_s,
                                               {u"DNS:localhost"_s}, &created, &error),
                 qPrintable(error));
        const qint64 expires =
            QSslCertificate::fromPath(cert).first().expiryDate().toMSecsSinceEpoch();
        Vigilance::Config c = off();
        c.repeatMs = 0; // once per level
        c.certificateLeadMs = 14 * kDay;
        c.certificates = {cert};
        auto v = vigilance(c);
        QVERIFY(checkAt(*v, expires - 14 * kDay - 1).isEmpty());
        const QList<AlertInfo> first = checkAt(*v, expires - 14 * kDay);
        expectOne(first, AlertKind::CertificateExpiring, AlertState::Raised);
        QCOMPARE(first.first().source, cert);
        QCOMPARE(first.first().untilMs, expires);
        QVERIFY(checkAt(*v, expires - 5 * kDay).isEmpty());
        expectOne(checkAt(*v, expires - 3 * kDay), AlertKind::CertificateExpiring,
                  AlertState::Raised);
        QVERIFY(checkAt(*v, expires - kDay).isEmpty());
        // Renewed (seen as a clock far from the expiry): resolved.
        expectOne(checkAt(*v, expires - 100 * kDay), AlertKind::CertificateExpiring,
                  AlertState::Resolved);
    }

    void certificateReloadFailure()
    {
        auto v = vigilance(off());
        QSignalSpy spy(v.get(), &Vigilance::alert);
        v->certificateReloaded(u"/etc/gerbang/tls.crt"_s, false, u"the key does not match"_s);
        QCOMPARE(spy.size(), 1);
        const AlertInfo failed = spy.takeFirst().at(0).value<AlertInfo>();
        QCOMPARE(failed.kind, wire(AlertKind::CertificateReloadFailed));
        QCOMPARE(failed.detail, u"the key does not match"_s);
        QVERIFY(checkAt(*v, kStart + kHour).isEmpty()); // no repeat within the cooldown
        v->certificateReloaded(u"/etc/gerbang/tls.crt"_s, true, {});
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).value<AlertInfo>().state, wire(AlertState::Resolved));
    }

    void diskSpaceWithPrediction()
    {
        Vigilance::Config c = off();
        c.diskFreeBytes = 1024LL * 1024 * 1024;
        c.dataDir = m_dir->path();
        auto v = vigilance(c);
        // Two GB free, shrinking by 10 MB a minute.
        qint64 free = 2048LL * 1024 * 1024;
        qint64 t = kStart;
        for (; free >= c.diskFreeBytes; free -= 10LL * 1024 * 1024, t += kMinute) {
            m_free = free;
            QVERIFY(checkAt(*v, t).isEmpty());
        }
        m_free = free;
        const QList<AlertInfo> low = checkAt(*v, t);
        expectOne(low, AlertKind::DiskSpaceLow, AlertState::Raised);
        QCOMPARE(low.first().value, free);
        // About a hundred minutes left at this rate.
        QVERIFY2(std::abs(low.first().untilMs - (t + free / (10LL * 1024 * 1024) * kMinute)) <
                     2 * kMinute,
                 qPrintable(QString::number(low.first().untilMs - t)));
        QVERIFY(alerttexts::describe(low.first()).what.contains(u"full around"_s));
        m_free = 5000LL * 1024 * 1024;
        expectOne(checkAt(*v, t + kMinute), AlertKind::DiskSpaceLow, AlertState::Resolved);
    }

    void databaseFailingForItsThreshold()
    {
        Vigilance::Config c = off();
        c.databaseDownMs = 60'000;
        auto v = vigilance(c);
        m_now = kStart;
        v->storeFailing(true, u"disk I/O error"_s);
        QVERIFY(checkAt(*v, kStart + 59'999).isEmpty());
        const QList<AlertInfo> down = checkAt(*v, kStart + 60'000);
        expectOne(down, AlertKind::DatabaseUnavailable, AlertState::Raised);
        QCOMPARE(down.first().detail, u"disk I/O error"_s);
        QSignalSpy spy(v.get(), &Vigilance::alert);
        v->storeFailing(false, {});
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).value<AlertInfo>().state, wire(AlertState::Resolved));
    }

    void retentionFailures()
    {
        Vigilance::Config c = off();
        c.retentionFailures = 2;
        auto v = vigilance(c);
        QSignalSpy spy(v.get(), &Vigilance::alert);
        v->retentionRan(false, u"database is locked"_s);
        QCOMPARE(spy.size(), 0); // the second failure in a row is the threshold
        v->retentionRan(false, u"database is locked"_s);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).value<AlertInfo>().kind, wire(AlertKind::RetentionFailed));
        v->retentionRan(true, {});
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.last().at(0).value<AlertInfo>().state, wire(AlertState::Resolved));
    }

    // A restart remembers what was raised: a lasting condition is not raised again, its
    // reminder keeps its time, and its end is still said.
    void raisedConditionsOutliveARestart()
    {
        Vigilance::Config c = off();
        c.deadLetters = 1;
        c.diskFreeBytes = 1024LL * 1024 * 1024;
        c.dataDir = m_dir->path();
        m_free = 10LL * 1024 * 1024;
        addOutbox(u"ev_1"_s, u"dead"_s, kStart);
        auto before = vigilance(c);
        QCOMPARE(summary(checkAt(*before, kStart)),
                 QStringList({u"dead_letters raised"_s, u"disk_space_low raised "_s + c.dataDir}));
        QCOMPARE(conditionsRecorded(), 2);
        before.reset();

        auto after = vigilance(c); // the same gateway, restarted
        QVERIFY(checkAt(*after, kStart + kMinute).isEmpty());
        // The reminder counts from the first raise, not from the restart; dead letters are
        // reminded only when there are more.
        QVERIFY(checkAt(*after, kStart + 4 * kHour - 1).isEmpty());
        QCOMPARE(summary(checkAt(*after, kStart + 4 * kHour)),
                 QStringList({u"disk_space_low raised "_s + c.dataDir}));
        m_free = 5000LL * 1024 * 1024;
        exec(*m_db, u"UPDATE outbox SET state = 'delivered'"_s);
        QCOMPARE(
            summary(checkAt(*after, kStart + 5 * kHour)),
            QStringList({u"dead_letters resolved"_s, u"disk_space_low resolved "_s + c.dataDir}));
        QCOMPARE(conditionsRecorded(), 0);
        QVERIFY(checkAt(*after, kStart + 6 * kHour).isEmpty());
    }

    // A refused TLS reload is over once the gateway started again with its certificates.
    void reloadFailureResolvedByARestart()
    {
        Vigilance::Config c = off();
        c.certificates = {m_dir->filePath(u"tls.crt"_s)};
        auto before = vigilance(c);
        QSignalSpy raised(before.get(), &Vigilance::alert);
        before->certificateReloaded(c.certificates.first(), false, u"the key does not match"_s);
        QCOMPARE(raised.size(), 1);
        before.reset();
        auto after = vigilance(c);
        QSignalSpy resolved(after.get(), &Vigilance::alert);
        after->start();
        QCOMPARE(resolved.size(), 1);
        const AlertInfo end = resolved.first().at(0).value<AlertInfo>();
        QCOMPARE(end.kind, wire(AlertKind::CertificateReloadFailed));
        QCOMPARE(end.state, wire(AlertState::Resolved));
        QCOMPARE(conditionsRecorded(), 0);
    }

    // Gateways sharing a database see the same outbox and the same source activity: each
    // such condition is raised, reminded and resolved by one of them. A gateway's own disk
    // stays its own.
    void fleetConditionsRaisedByOneGateway()
    {
        QString error;
        std::unique_ptr<Database> otherDb = test::openTestDatabase(m_dir->path(), &error);
        QVERIFY2(otherDb, qPrintable(error));
        Vigilance::Config c = off();
        c.deadLetters = 1;
        c.deliveryAgeMs = 30 * kMinute;
        c.silenceMinimumMs = 60 * kMinute;
        c.diskFreeBytes = 1024LL * 1024 * 1024;
        c.dataDir = m_dir->path();
        auto a = vigilance(c);
        c.gatewayId = u"gw-b"_s;
        auto b = std::make_unique<Vigilance>(
            c, *otherDb, [this] { return m_now; }, [this](const QString &) { return m_free; });
        officeHours(u"whatsapp"_s, kStart - 28 * kDay, kStart);
        addOutbox(u"ev_1"_s, u"pending"_s, kStart);
        addOutbox(u"ev_2"_s, u"dead"_s, kStart);
        m_free = 10LL * 1024 * 1024;

        const qint64 t = kStart + 10 * kHour;
        const QString disk = u"disk_space_low raised "_s + c.dataDir;
        QCOMPARE(summary(checkAt(*a, t)),
                 QStringList({u"dead_letters raised"_s, u"delivery_backlog raised"_s, disk,
                              u"silence raised whatsapp"_s}));
        QCOMPARE(summary(checkAt(*b, t + 1)), QStringList({disk}));
        // Reminders: whichever gateway checks first after the cooldown says the fleet's.
        QCOMPARE(summary(checkAt(*b, t + 4 * kHour + 1)),
                 QStringList({u"delivery_backlog raised"_s, disk, u"silence raised whatsapp"_s}));
        QCOMPARE(summary(checkAt(*a, t + 4 * kHour + 2)), QStringList({disk}));
        // The end, likewise.
        m_free = 5000LL * 1024 * 1024;
        exec(*m_db, u"UPDATE outbox SET state = 'delivered'"_s);
        QVERIFY(SourceActivityRepository(*m_db).add({{u"whatsapp"_s, (t + 5 * kHour) / kMinute, 1}},
                                                    &error));
        const QString diskResolved = u"disk_space_low resolved "_s + c.dataDir;
        QCOMPARE(summary(checkAt(*a, t + 5 * kHour + kMinute)),
                 QStringList({u"dead_letters resolved"_s, u"delivery_backlog resolved"_s,
                              diskResolved, u"silence resolved whatsapp"_s}));
        QCOMPARE(summary(checkAt(*b, t + 5 * kHour + kMinute + 1)), QStringList({diskResolved}));
        QCOMPARE(conditionsRecorded(), 0);
        b.reset();
    }

    // Of two writers that read the same row, one changes it; the other is told it did not.
    void conditionalWritesTakeEffectOnce()
    {
        AlertConditionRepository conditions(*m_db);
        const ConditionKey key{u"dead_letters"_s, u""_s, u""_s};
        QString error;
        bool first = false, second = false;
        QVERIFY2(conditions.raise(key, std::nullopt, {1, 100, 2}, &first, &error),
                 qPrintable(error));
        QVERIFY2(conditions.raise(key, std::nullopt, {1, 101, 2}, &second, &error),
                 qPrintable(error));
        QVERIFY(first && !second); // raised already
        const RaisedCondition read{1, 100, 2};
        QVERIFY(conditions.raise(key, read, {1, 200, 3}, &first, &error));
        QVERIFY(conditions.raise(key, read, {2, 201, 3}, &second, &error));
        QVERIFY(first && !second); // the second read an outdated row
        std::optional<RaisedCondition> row;
        QVERIFY(conditions.find(key, &row, &error));
        QCOMPARE(row, std::optional(RaisedCondition{1, 200, 3}));
        QVERIFY(conditions.resolve(key, &first, &error));
        QVERIFY(conditions.resolve(key, &second, &error));
        QVERIFY(first && !second);
    }

    // The table can be read but not written (a read-only database, a full disk): each alert
    // is said once, from memory, and recorded once writes work again, without being said twice.
    void unwrittenAlertsAreSaidOnceAndRecordedLater()
    {
        Vigilance::Config c = off();
        c.deadLetters = 1;
        auto v = vigilance(c);
        addOutbox(u"ev_1"_s, u"dead"_s, kStart);
        const auto readOnly = [this](bool on) {
            QSqlQuery q(m_db->db());
            const QString sql = m_db->isPostgres()
                                    ? u"SET SESSION CHARACTERISTICS AS TRANSACTION %1"_s.arg(
                                          on ? u"READ ONLY"_s : u"READ WRITE"_s)
                                    : u"PRAGMA query_only=%1"_s.arg(on ? 1 : 0);
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        };
        readOnly(true);
        expectOne(checkAt(*v, kStart), AlertKind::DeadLetters, AlertState::Raised);
        QVERIFY(checkAt(*v, kStart + kMinute).isEmpty()); // not said again
        readOnly(false);
        QVERIFY(checkAt(*v, kStart + 2 * kMinute).isEmpty()); // recorded quietly
        QCOMPARE(conditionsRecorded(), 1);
        readOnly(true);
        QString error;
        std::unique_ptr<Database> other = test::openTestDatabase(m_dir->path(), &error);
        QVERIFY2(other, qPrintable(error));
        exec(*other, u"UPDATE outbox SET state = 'delivered'"_s); // the forwarder's, elsewhere
        expectOne(checkAt(*v, kStart + 3 * kMinute), AlertKind::DeadLetters, AlertState::Resolved);
        QVERIFY(checkAt(*v, kStart + 4 * kMinute).isEmpty());
        readOnly(false);
        QVERIFY(checkAt(*v, kStart + 5 * kMinute).isEmpty()); // the row goes, quietly
        QCOMPARE(conditionsRecorded(), 0);
        // A new dead letter later is raised anew: no stale row hides it.
        addOutbox(u"ev_2"_s, u"dead"_s, kStart + kHour);
        expectOne(checkAt(*v, kStart + kHour), AlertKind::DeadLetters, AlertState::Raised);
    }

    // When the raised alerts cannot be recorded, they are still said: from memory.
    void alertsAreNotLostWhenTheyCannotBeRecorded()
    {
        Vigilance::Config c = off();
        c.deadLetters = 1;
        auto v = vigilance(c);
        QSqlQuery drop(m_db->db()); // PostgreSQL prepares no DDL: executed directly
        QVERIFY2(drop.exec(u"DROP TABLE alert_conditions"_s), qPrintable(drop.lastError().text()));
        addOutbox(u"ev_1"_s, u"dead"_s, kStart);
        expectOne(checkAt(*v, kStart), AlertKind::DeadLetters, AlertState::Raised);
        QVERIFY(checkAt(*v, kStart + kMinute).isEmpty());
        exec(*m_db, u"UPDATE outbox SET state = 'delivered'"_s);
        expectOne(checkAt(*v, kStart + 2 * kMinute), AlertKind::DeadLetters, AlertState::Resolved);
    }

    void offMeansOff()
    {
        Vigilance::Config c = off(); // every threshold 0
        c.dataDir = m_dir->path();
        auto v = vigilance(c);
        m_free = 0;
        addOutbox(u"ev_1"_s, u"dead"_s, kStart - kDay);
        officeHours(u"whatsapp"_s, kStart - 28 * kDay, kStart);
        v->storeFailing(true, u"x"_s);
        QVERIFY(checkAt(*v, kStart + 12 * kHour).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVigilance)
#include "tst_vigilance.moc"
