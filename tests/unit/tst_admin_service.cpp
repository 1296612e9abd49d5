// SPDX-License-Identifier: GPL-3.0-or-later
// The AdminService against a real SQLite file: each change and its audit row commit together,
// a refused change leaves neither, and a change whose audit row cannot be written is undone.
#include "crypto/Vault.h"
#include "service/AdminService.h"
#include "storage/Database.h"

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
