// SPDX-License-Identifier: GPL-3.0-or-later
// The AdminService against a real SQLite file: each change and its audit row commit together,
// a refused change leaves neither, and a change whose audit row cannot be written is undone.
#include "crypto/Vault.h"
#include "service/AdminService.h"
#include "storage/AlertRepository.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

class TestAdminService : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    Vault m_vault{QByteArray(32, '\x42')};

    AdminService service()
    {
        return AdminService(
            *m_db, &m_vault,
            Actor{u"ops-desk"_s, u"API"_s, u"/admin/v1/test"_s, u"10.0.0.7"_s, 200});
    }

    int scalar(const QString &sql)
    {
        QSqlQuery q(m_db->db());
        if (!q.exec(sql) || !q.next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q.value(0).toInt();
    }

    int changedRows()
    {
        return scalar(u"SELECT count(*) FROM audit_log WHERE outcome = 'changed'"_s);
    }

    qint64 appendAuditRow(Outcome outcome, const QString &detail)
    {
        AuditRecord a;
        a.receivedAtMs = 1'700'000'000'000;
        a.sourceIp = u"-"_s;
        a.method = u"-"_s;
        a.path = u"-"_s;
        a.outcome = wire(outcome);
        a.signatureStatus = wire(SignatureStatus::NotApplicable);
        a.detail = detail;
        QString error;
        if (!AuditRepository(*m_db).append(a, a.receivedAtMs, &error))
            qFatal("%s", qPrintable(error));
        return scalar(u"SELECT max(id) FROM audit_log"_s);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(u"gerbang.sqlite"_s));
        QString error;
        m_db = Database::open(
            {DatabaseTarget::sqlite(m_dir.filePath(u"gerbang.sqlite"_s)), 2000, false}, &error);
        QVERIFY2(m_db && m_db->migrate(&error), qPrintable(error));
    }

    void cleanup() { m_db.reset(); }

    void alertsAreAcknowledgedOnceAndGoWithTheirRow()
    {
        const qint64 request = appendAuditRow(Outcome::Accepted, {});
        const qint64 first = appendAuditRow(
            Outcome::Alert,
            uR"({"kind":"signature_failures","source":"whatsapp","count":10,"window_s":60})"_s);
        const qint64 second = appendAuditRow(Outcome::Alert, uR"({"kind":"signature_failures"})"_s);
        const int changed = changedRows();
        // A request's row is no alert: the whole acknowledgement is refused.
        QCOMPARE(service().acknowledgeAlerts({first, request}).refusal,
                 ChangeResult::Refusal::NotFound);
        QCOMPARE(scalar(u"SELECT count(*) FROM alert_acknowledgements"_s), 0);
        QCOMPARE(changedRows(), changed);

        ChangeResult r = service().acknowledgeAlerts({first});
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.result[u"acknowledged"_s].toArray(), QJsonArray{first});
        r = service().acknowledgeAlerts({});
        QCOMPARE(r.result[u"acknowledged"_s].toArray(), QJsonArray{second});
        QCOMPARE(service().acknowledgeAlerts({}).result[u"acknowledged"_s].toArray(), QJsonArray());
        QCOMPARE(changedRows(), changed + 3);

        QString error;
        const QList<StoredAlert> alerts = AlertRepository(*m_db).list({}, &error);
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts[1].id, first);
        QCOMPARE(alerts[1].source, u"whatsapp"_s);
        QCOMPARE(alerts[1].count, 10);
        QCOMPARE(alerts[1].acknowledgedBy, u"ops-desk"_s);
        QVERIFY(alerts[1].acknowledgedAtMs > 0);
        AlertFilter open;
        open.unacknowledgedOnly = true;
        QVERIFY(AlertRepository(*m_db).list(open, &error).isEmpty());

        // Retention deletes audit rows; their acknowledgements go with them, so a later row
        // that reuses the id is not born acknowledged.
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(u"DELETE FROM audit_log WHERE id = %1"_s.arg(second)));
        QCOMPARE(scalar(u"SELECT count(*) FROM alert_acknowledgements"_s), 1);
    }

    void eventContentIsNotShownWhenItsReadCannotBeAudited()
    {
        const QByteArray body = R"({"object":"whatsapp_business_account"})";
        QSqlQuery q(m_db->db());
        q.prepare(u"INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, ciphertext) "
                  "VALUES ('raw_1', 1, 'k', ?, '', ?)"_s);
        q.addBindValue(body.size());
        q.addBindValue(m_vault.seal(Vault::Purpose::RawPayload, body, "raw_1"));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(
            q.exec(u"INSERT INTO events (id, tenant_id, provider, type, dedup_key, raw_ref, "
                   "locator, received_at) VALUES ('ev_1', 'firm-a', 'whatsapp', 'message.text', "
                   "'d', 'raw_1', '/entry/0', 1)"_s));
        ChangeResult r = service().readEventPayload(u"ev_1"_s);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(QByteArray::fromBase64(r.result[u"payload_base64"_s].toString().toLatin1()), body);
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE outcome = 'exported'"_s), 1);
        QCOMPARE(service().readEventPayload(u"ev_2"_s).refusal, ChangeResult::Refusal::NotFound);

        QVERIFY(q.exec(u"CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN "
                       "SELECT RAISE(ABORT, 'audit log unavailable'); END"_s));
        r = service().readEventPayload(u"ev_1"_s);
        QCOMPARE(r.refusal, ChangeResult::Refusal::StoreFailed);
        QVERIFY(r.result.isEmpty());
        QVERIFY(r.message.contains(u"audit log unavailable"_s));
        QVERIFY(q.exec(u"DROP TRIGGER no_audit"_s));

        // Past retention: said so, and nothing is shown.
        QVERIFY(q.exec(u"DELETE FROM raw_payloads"_s));
        r = service().readEventPayload(u"ev_1"_s);
        QCOMPARE(r.refusal, ChangeResult::Refusal::NotFound);
        QVERIFY(r.message.contains(u"retention"_s));
    }

    void aChangeAndItsAuditRowCommitTogether()
    {
        Tenant t;
        t.id = u"firm-a"_s;
        t.name = u"Firm A"_s;
        t.wabaIds = {u"100000000000001"_s};
        const ChangeResult r = service().addTenant(t);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(scalar(u"SELECT count(*) FROM tenants"_s), 1);
        QCOMPARE(changedRows(), 1);
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(u"SELECT source_ip, method, path, tenant, http_status, detail FROM "
                       "audit_log WHERE outcome = 'changed'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"10.0.0.7"_s);
        QCOMPARE(q.value(1).toString(), u"API"_s);
        QCOMPARE(q.value(2).toString(), u"/admin/v1/test"_s);
        QCOMPARE(q.value(3).toString(), u"firm-a"_s);
        QCOMPARE(q.value(4).toInt(), 200);
        const QJsonObject detail = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        QCOMPARE(detail[u"action"_s].toString(), u"tenant_added"_s);
        QCOMPARE(detail[u"actor"_s].toString(), u"ops-desk"_s);
        QCOMPARE(detail[u"target"_s].toString(), u"firm-a"_s);
    }

    void refusalsChangeNothingAndAuditNothing()
    {
        Tenant t;
        t.id = u"firm-a"_s;
        t.name = u"Firm A"_s;
        QVERIFY(service().addTenant(t).ok());
        const int rows = changedRows();
        QCOMPARE(service().addTenant(t).refusal, ChangeResult::Refusal::Conflict);
        t.id = u"Not An Id"_s;
        QCOMPARE(service().addTenant(t).refusal, ChangeResult::Refusal::Invalid);
        QCOMPARE(service().updateTenant(u"nobody"_s, TenantPatch{u"x"_s, {}, {}, {}}).refusal,
                 ChangeResult::Refusal::NotFound);
        QCOMPARE(service()
                     .updateTenant(u"firm-a"_s, TenantPatch{{}, {}, QStringList{u"abc"_s}, {}})
                     .refusal,
                 ChangeResult::Refusal::Invalid);
        QCOMPARE(service().removeSource(u"none"_s).refusal, ChangeResult::Refusal::NotFound);
        QCOMPARE(service().retireSecret(u"none"_s).refusal, ChangeResult::Refusal::NotFound);
        QCOMPARE(service().setSecret(u"whatsapp"_s, {}).refusal, ChangeResult::Refusal::Invalid);
        QCOMPARE(service().setAllowlist(u"*"_s, {u"300.1.1.1"_s}).refusal,
                 ChangeResult::Refusal::Invalid);
        QCOMPARE(service().createToken(u"Bad Name"_s, AdminRole::Viewer, 0).refusal,
                 ChangeResult::Refusal::Invalid);
        QCOMPARE(service().revokeToken(u"none"_s).refusal, ChangeResult::Refusal::NotFound);
        QCOMPARE(service().replayEvents({u"ev_none"_s}).refusal, ChangeResult::Refusal::NotFound);
        QCOMPARE(changedRows(), rows);
        QCOMPARE(scalar(u"SELECT count(*) FROM tenants"_s), 1);
        QCOMPARE(scalar(u"SELECT name = 'Firm A' FROM tenants"_s), 1);
    }

    void aChangeWhoseAuditRowFailsIsUndone()
    {
        // The audit log refuses the row (as a full disk or a broken table would): the change
        // must not stay without its who-and-when.
        QSqlQuery q(m_db->db());
        QVERIFY2(q.exec(u"CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN "
                        "SELECT RAISE(ABORT, 'audit log unavailable'); END"_s),
                 qPrintable(q.lastError().text()));
        Tenant t;
        t.id = u"firm-b"_s;
        t.name = u"Firm B"_s;
        const ChangeResult r = service().addTenant(t);
        QCOMPARE(r.refusal, ChangeResult::Refusal::StoreFailed);
        QVERIFY(r.message.contains(u"audit log unavailable"_s));
        QCOMPARE(scalar(u"SELECT count(*) FROM tenants"_s), 0);
        QCOMPARE(service().setSecret(u"whatsapp"_s, "value").refusal,
                 ChangeResult::Refusal::StoreFailed);
        QCOMPARE(scalar(u"SELECT count(*) FROM secrets"_s), 0);
        QCOMPARE(service().createToken(u"desk"_s, AdminRole::Admin, 0).refusal,
                 ChangeResult::Refusal::StoreFailed);
        QCOMPARE(scalar(u"SELECT count(*) FROM admin_tokens"_s), 0);
    }

    void secretsGoInAndOnlyTheirFingerprintComesOut()
    {
        const QByteArray value = "a-very-secret-value-1234";
        const ChangeResult r = service().setSecret(u"whatsapp"_s, value);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.result.value(u"fingerprint"_s).toString(),
                 QString::fromLatin1(m_vault.fingerprint(value)));
        QVERIFY(!QJsonDocument(r.result).toJson().contains(value));
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE detail LIKE '%a-very-secret%'"_s),
                 0);
        // A token is shown in the result, once, and never in its audit row.
        const ChangeResult t = service().createToken(u"desk"_s, AdminRole::Viewer, 0);
        QVERIFY(t.ok());
        const QString token = t.result.value(u"token"_s).toString();
        QVERIFY(token.startsWith(u"gbt_"_s));
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE detail LIKE '%"_s + token + u"%'"_s),
                 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM admin_tokens WHERE created_by = 'ops-desk'"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestAdminService)
#include "tst_admin_service.moc"
