// SPDX-License-Identifier: GPL-3.0-or-later
// Stripe, Midtrans, Xendit, generic and Standard Webhooks routes end to end: a real gerbangd,
// configured with the real gerbangctl, real HTTP over loopback, a real SQLite file.
#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "crypto/Vault.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

constexpr QByteArrayView kStripeSecret = "whsec_test_FAKEsecret0123456789";
constexpr QByteArrayView kStripeOldSecret = "whsec_test_OLDsecret9876543210";
constexpr QByteArrayView kMidtransKey = "SB-Mid-server-FAKEFAKEFAKEFAKEFAKE";
constexpr QByteArrayView kXenditToken = "xnd_fake_callback_token_0123456789abcdef";
constexpr QByteArrayView kGenericSecret = "generic-shared-secret";
constexpr QByteArrayView kStandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

using Headers = QList<std::pair<QByteArray, QByteArray>>;

QByteArray stripeHeader(const QByteArray &body, QByteArrayView secret, qint64 t)
{
    const QByteArray ts = QByteArray::number(t);
    return "t=" + ts + ",v1=" + crypto::hmacSha256(secret, {ts, ".", body}).toHex();
}

QByteArray standardSignature(const QByteArray &id, qint64 t, const QByteArray &body)
{
    const QByteArray key = QByteArray::fromBase64(kStandardSecret.sliced(6).toByteArray());
    return "v1," + crypto::hmacSha256(key, {id, ".", QByteArray::number(t), ".", body}).toBase64();
}

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

class TestProviderGateway : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GatewayProcess> m_gw;

    CommandResult ctlResult(const QStringList &args, const QByteArray &input = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"GERBANG_MASTER_KEY"_s);
        env.insert(u"GERBANG_CONFIG"_s, m_dir->path() + u"/gerbang.ini"_s);
        return runCtl(m_dir->path(), args, input, env);
    }

    void ctl(const QStringList &args, const QByteArray &input = {})
    {
        const CommandResult r = ctlResult(args, input);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    QByteArray keyFile() const
    {
        QFile f(Vault::keyFilePath(m_dir->path()));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    void restartGateway()
    {
        m_gw = std::make_unique<GatewayProcess>(m_dir->path());
        QString error;
        QVERIFY2(m_gw->start(&error), qPrintable(error));
    }

    qint64 scalar(const QString &sql)
    {
        QString error;
        auto db = openTestDatabase(m_dir->path(), &error);
        QSqlQuery q(db->db());
        if (!q.exec(sql) || !q.next())
            qFatal("query failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }

    QString text(const QString &sql)
    {
        QString error;
        auto db = openTestDatabase(m_dir->path(), &error);
        QSqlQuery q(db->db());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0).toString();
    }

    QString lastAudit(const QString &column)
    {
        // The webhook traffic's rows: gerbangctl's changes are audited too.
        return text(
            u"SELECT %1 FROM audit_log WHERE method <> 'CLI' ORDER BY id DESC LIMIT 1"_s.arg(
                column));
    }

    // Non-committing outcomes are audited just after the reply.
    void waitForAuditRows(int n)
    {
        QDeadlineTimer deadline(5000);
        while (scalar(u"SELECT count(*) FROM audit_log WHERE method <> 'CLI'"_s) < n &&
               !deadline.hasExpired())
            QTest::qWait(20);
    }

    HttpResult post(const QByteArray &path, const QByteArray &body, Headers headers)
    {
        headers.prepend({"Content-Type", "application/json"});
        return httpRequest(m_gw->port(), "POST", path, body, headers);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        GatewayProcess bootstrap(m_dir->path()); // writes an empty private gerbang.ini
        ctl({u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s, u"Firm A"_s});
        ctl({u"source"_s, u"add"_s, u"stripe-a"_s, u"--provider"_s, u"stripe"_s, u"--tenant"_s,
             u"firm-a"_s});
        ctl({u"secret"_s, u"set"_s, u"stripe-a"_s}, kStripeSecret.toByteArray() + '\n');
        ctl({u"source"_s, u"add"_s, u"midtrans-a"_s, u"--provider"_s, u"midtrans"_s, u"--tenant"_s,
             u"firm-a"_s});
        ctl({u"secret"_s, u"set"_s, u"midtrans-a"_s}, kMidtransKey.toByteArray());
        ctl({u"source"_s, u"add"_s, u"xendit-a"_s, u"--provider"_s, u"xendit"_s, u"--tenant"_s,
             u"firm-a"_s});
        ctl({u"secret"_s, u"set"_s, u"xendit-a"_s}, kXenditToken.toByteArray());
        ctl({u"source"_s, u"add"_s, u"crm"_s, u"--provider"_s, u"generic"_s, u"--tenant"_s,
             u"firm-a"_s, u"--dedup-field"_s, u"/event/id"_s});
        ctl({u"secret"_s, u"set"_s, u"crm"_s}, kGenericSecret.toByteArray());
        ctl({u"source"_s, u"add"_s, u"contacts"_s, u"--provider"_s, u"standard"_s, u"--tenant"_s,
             u"firm-a"_s});
        ctl({u"secret"_s, u"set"_s, u"contacts"_s}, kStandardSecret.toByteArray());
        m_gw = std::make_unique<GatewayProcess>(m_dir->path());
        QString error;
        QVERIFY2(m_gw->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        QString why;
        QVERIFY2(!m_gw || m_gw->stopCleanly(&why), qPrintable(why));
        m_gw.reset();
        m_dir.reset();
    }

    void stripeAcceptedThenDuplicate()
    {
        const QByteArray body = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        const Headers h{{"Stripe-Signature", stripeHeader(body, kStripeSecret, now())}};
        HttpResult r = post("/webhooks/stripe/firm-a", body, h);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"status":"accepted"})"));
        QCOMPARE(text(u"SELECT provider || '|' || tenant_id || '|' || type FROM events"_s),
                 u"stripe|firm-a|payment_intent.succeeded"_s);
        QVERIFY(text(u"SELECT provider_event_id FROM events"_s).startsWith(u"evt_"_s));
        r = post("/webhooks/stripe/firm-a", body, h);
        QCOMPARE(r.body, QByteArray(R"({"status":"duplicate"})"));
        QCOMPARE(scalar(u"SELECT count(*) FROM events"_s), 1);
    }

    void stripeRejections_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("status");
        const QByteArray body = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        QTest::newRow("missing") << QByteArray() << u"missing"_s;
        QTest::newRow("v0-only") << QByteArray("t=" + QByteArray::number(now()) + ",v0=abc")
                                 << u"malformed"_s;
        QTest::newRow("wrong-secret") << stripeHeader(body, "whsec_wrong", now()) << u"mismatch"_s;
        QTest::newRow("stale") << stripeHeader(body, kStripeSecret, now() - 3600)
                               << u"stale_timestamp"_s;
        QTest::newRow("future") << stripeHeader(body, kStripeSecret, now() + 3600)
                                << u"future_timestamp"_s;
        // The fixture's own header is correctly signed, but at a 2026-01-01 timestamp.
        QTest::newRow("fixture-replayed-later")
            << QByteArray("t=1767226010,v1=3372f28035e62ac6e7c7fb0d8a29c82b74b4f987782158893c00abb"
                          "5c60cdc76")
            << u"stale_timestamp"_s;
    }

    void stripeRejections()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, status);
        const QByteArray body = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        Headers h;
        if (!header.isNull())
            h.append({"Stripe-Signature", header});
        const HttpResult r = post("/webhooks/stripe/firm-a", body, h);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray(R"({"error":"invalid_signature"})"));
        waitForAuditRows(1);
        QCOMPARE(lastAudit(u"signature_status"_s), status);
        QCOMPARE(lastAudit(u"outcome"_s), u"rejected"_s);
        QVERIFY(!lastAudit(u"detail"_s).contains(QString::fromLatin1(kStripeSecret)));
        QCOMPARE(scalar(u"SELECT count(*) FROM events"_s), 0);
    }

    void tamperedBodyIsRejected()
    {
        const QByteArray body = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        QByteArray tampered = body;
        tampered.replace("succeeded", "SUCCEEDED");
        const HttpResult r = post("/webhooks/stripe/firm-a", tampered,
                                  {{"Stripe-Signature", stripeHeader(body, kStripeSecret, now())}});
        QCOMPARE(r.status, 401);
    }

    void unknownTenantOrSourceIs404()
    {
        const QByteArray body = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        const Headers h{{"Stripe-Signature", stripeHeader(body, kStripeSecret, now())}};
        QCOMPARE(post("/webhooks/stripe/firm-z", body, h).status, 404);
        waitForAuditRows(1);
        QCOMPARE(lastAudit(u"outcome"_s), u"unknown_source"_s);
        QCOMPARE(post("/webhooks/generic/nope", body, h).status, 404);
        // A generic source's name does not open the Stripe route, nor a tenant id the generic one.
        QCOMPARE(post("/webhooks/stripe/crm", body, h).status, 404);
        QCOMPARE(post("/webhooks/generic/firm-a", body, h).status, 404);
        QCOMPARE(post("/webhooks/paypal/firm-a", body, h).status, 404);
        QCOMPARE(httpRequest(m_gw->port(), "GET", "/webhooks/stripe/firm-a").status, 405);
    }

    void sourceWithoutSecretAnswers503()
    {
        ctl({u"tenant"_s, u"add"_s, u"firm-b"_s, u"--name"_s, u"Firm B"_s});
        ctl({u"source"_s, u"add"_s, u"stripe-b"_s, u"--provider"_s, u"stripe"_s, u"--tenant"_s,
             u"firm-b"_s});
        const QByteArray body = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        const Headers h{{"Stripe-Signature", stripeHeader(body, kStripeSecret, now())}};
        QTRY_COMPARE_WITH_TIMEOUT(post("/webhooks/stripe/firm-b", body, h).status, 503, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_gw->output().contains("source 'stripe-b' has no secret configured"), 3000);
    }

    void midtransNotificationsOfOneOrder()
    {
        const QByteArray pending = readFixture(u"midtrans_pending_bank_transfer.json"_s);
        const QByteArray settled = readFixture(u"midtrans_settlement_bank_transfer.json"_s);
        QCOMPARE(post("/webhooks/midtrans/firm-a", settled, {}).body,
                 QByteArray(R"({"status":"accepted"})"));
        // A late 'pending' after 'settlement' is its own event, not a duplicate.
        QCOMPARE(post("/webhooks/midtrans/firm-a", pending, {}).body,
                 QByteArray(R"({"status":"accepted"})"));
        QCOMPARE(post("/webhooks/midtrans/firm-a", settled, {}).body,
                 QByteArray(R"({"status":"duplicate"})"));
        QCOMPARE(scalar(u"SELECT count(*) FROM events WHERE provider = 'midtrans'"_s), 2);
        QByteArray forged = settled;
        forged.replace("1500000.00", "1.00");
        QCOMPARE(post("/webhooks/midtrans/firm-a", forged, {}).status, 401);
        waitForAuditRows(4);
        QCOMPARE(lastAudit(u"signature_status"_s), u"mismatch"_s);
    }

    // Midtrans signs order_id, status_code and gross_amount only. A captured pending (201)
    // notification re-sent as "settlement" keeps a valid signature: it must be refused like
    // any malformed payload, not stored as a settlement.
    void midtransStatusThatDisagreesWithTheSignedCodeIsRefused()
    {
        QByteArray replayed = readFixture(u"midtrans_pending_bank_transfer.json"_s);
        replayed.replace(R"("transaction_status": "pending")",
                         R"("transaction_status": "settlement")");
        replayed.replace("0f0f0f0f-1111-4222-8333-444455556666",
                         "0f0f0f0f-1111-4222-8333-999999999999");
        const HttpResult r = post("/webhooks/midtrans/firm-a", replayed, {});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray(R"({"error":"malformed_payload"})"));
        waitForAuditRows(1);
        QCOMPARE(lastAudit(u"outcome"_s), u"malformed"_s);
        QCOMPARE(lastAudit(u"signature_status"_s), u"valid"_s);
        QVERIFY2(lastAudit(u"detail"_s)
                     .contains(u"transaction_status 'settlement' does not agree with the signed "
                               "status_code '201'"_s),
                 qPrintable(lastAudit(u"detail"_s)));
        QVERIFY(!lastAudit(u"detail"_s).contains(QString::fromLatin1(kMidtransKey)));
        QCOMPARE(scalar(u"SELECT count(*) FROM events"_s), 0);
    }

    void xenditToken()
    {
        const QByteArray body = readFixture(u"xendit_invoice_paid.json"_s);
        QCOMPARE(post("/webhooks/xendit/firm-a", body,
                      {{"x-callback-token", kXenditToken.toByteArray()}})
                     .status,
                 200);
        QCOMPARE(text(u"SELECT type FROM events"_s), u"invoice.paid"_s);
        // The audit row records that a static token does not protect the body.
        QVERIFY(lastAudit(u"detail"_s).contains(u"\"body_integrity\":false"_s));
        QCOMPARE(post("/webhooks/xendit/firm-a", body, {{"x-callback-token", "wrong"}}).status,
                 401);
        QCOMPARE(post("/webhooks/xendit/firm-a", body, {}).status, 401);
    }

    void genericSignatureAndDedupField()
    {
        const QByteArray body =
            R"({"event":{"id":"crm-42","kind":"contact.updated"},"type":"contact.updated"})";
        const QByteArray sig = "sha256=" + crypto::hmacSha256(kGenericSecret, body).toHex();
        QCOMPARE(post("/webhooks/generic/crm", body, {{"X-Webhook-Signature", sig}}).status, 200);
        QCOMPARE(text(u"SELECT provider_event_id FROM events"_s), u"crm-42"_s);
        // Same id, different bytes (a resend with another timestamp): still a duplicate.
        const QByteArray resend = R"({"type":"contact.updated","event":{"id":"crm-42"}})";
        const QByteArray sig2 = "sha256=" + crypto::hmacSha256(kGenericSecret, resend).toHex();
        QCOMPARE(post("/webhooks/generic/crm", resend, {{"X-Hub-Signature-256", sig2}}).body,
                 QByteArray(R"({"status":"duplicate"})"));
        QCOMPARE(post("/webhooks/generic/crm", body,
                      {{"X-Webhook-Signature", crypto::hmacSha256(kGenericSecret, body).toHex()}})
                     .status,
                 401);
    }

    void longEventIdIsStoredAndDeduplicated()
    {
        // An event id far longer than any provider sends (random, so it does not compress): a
        // PostgreSQL index entry cannot hold it, so the key is stored as its digest. Before,
        // such a signed webhook failed every commit it was in (503, collateral for its batch).
        QByteArray id;
        for (int i = 0; i < 256; ++i)
            id += crypto::sha256(QByteArray::number(i)).toHex(); // 16 KiB
        const auto event = [](const QByteArray &eventId) -> QByteArray {
            return "{\"event\":{\"id\":\"" + eventId + "\"},\"type\":\"contact.updated\"}";
        };
        const QByteArray body = event(id);
        const QByteArray sig = "sha256=" + crypto::hmacSha256(kGenericSecret, body).toHex();
        HttpResult r = post("/webhooks/generic/crm", body, {{"X-Webhook-Signature", sig}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"status":"accepted"})"));
        QCOMPARE(text(u"SELECT provider_event_id FROM events"_s), QString::fromLatin1(id));
        QVERIFY(text(u"SELECT max(length(key)) FROM dedup_keys"_s).toInt() <= 128);
        r = post("/webhooks/generic/crm", body, {{"X-Webhook-Signature", sig}});
        QCOMPARE(r.body, QByteArray(R"({"status":"duplicate"})"));
        // Another long id is another event.
        const QByteArray other = event(id + 'x');
        r = post("/webhooks/generic/crm", other,
                 {{"X-Webhook-Signature",
                   "sha256=" + crypto::hmacSha256(kGenericSecret, other).toHex()}});
        QCOMPARE(r.body, QByteArray(R"({"status":"accepted"})"));
        QCOMPARE(text(u"SELECT count(*) FROM events"_s), u"2"_s);
    }

    void standardWebhooks()
    {
        const QByteArray body = readFixture(u"standard_webhooks_contact_created.json"_s);
        const qint64 t = now();
        const Headers h{{"webhook-id", "msg_integration_1"},
                        {"webhook-timestamp", QByteArray::number(t)},
                        {"webhook-signature", standardSignature("msg_integration_1", t, body)}};
        QCOMPARE(post("/webhooks/standard/contacts", body, h).status, 200);
        QCOMPARE(text(u"SELECT provider_event_id FROM events"_s), u"msg_integration_1"_s);
        QCOMPARE(post("/webhooks/standard/contacts", body, h).body,
                 QByteArray(R"({"status":"duplicate"})"));
        // The published example is correctly signed but years old.
        const Headers old{{"webhook-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"},
                          {"webhook-timestamp", "1674087231"},
                          {"webhook-signature", "v1,ARw42xaAApl/nxRo+iPGYwSaMQaOwMo2eyH5JBRA+bQ="}};
        QCOMPARE(post("/webhooks/standard/contacts", body, old).status, 401);
        waitForAuditRows(3);
        QCOMPARE(lastAudit(u"signature_status"_s), u"stale_timestamp"_s);
    }

    void rotationOverlapThenRetirement()
    {
        // Start from the old secret, rotate to the new one with the old one still accepted.
        ctl({u"secret"_s, u"set"_s, u"stripe-a"_s}, kStripeOldSecret.toByteArray());
        ctl({u"secret"_s, u"rotate"_s, u"stripe-a"_s}, kStripeSecret.toByteArray());
        QByteArray body = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        auto withId = [&body](const char *id) {
            QByteArray b = body;
            b.replace("evt_", QByteArray(QByteArray("evt_") + id + "_"));
            return b;
        };
        const QByteArray b1 = withId("old");
        QTRY_COMPARE_WITH_TIMEOUT(
            post("/webhooks/stripe/firm-a", b1,
                 {{"Stripe-Signature", stripeHeader(b1, kStripeOldSecret, now())}})
                .status,
            200, 5000);
        QVERIFY(lastAudit(u"detail"_s).contains(u"\"secret\":\"previous\""_s));
        const QByteArray b2 = withId("new");
        QCOMPARE(post("/webhooks/stripe/firm-a", b2,
                      {{"Stripe-Signature", stripeHeader(b2, kStripeSecret, now())}})
                     .status,
                 200);
        QVERIFY(lastAudit(u"detail"_s).contains(u"\"secret\":\"current\""_s));
        // Stripe sends both signatures during its own rolling rotation: either may match.
        const QByteArray b3 = withId("both");
        const qint64 t = now();
        const QByteArray both =
            stripeHeader(b3, kStripeSecret, t) +
            ",v1=" + crypto::hmacSha256(kStripeOldSecret, {QByteArray::number(t), ".", b3}).toHex();
        QCOMPARE(post("/webhooks/stripe/firm-a", b3, {{"Stripe-Signature", both}}).status, 200);

        ctl({u"secret"_s, u"retire"_s, u"stripe-a"_s});
        const QByteArray b4 = withId("late");
        QTRY_COMPARE_WITH_TIMEOUT(
            post("/webhooks/stripe/firm-a", b4,
                 {{"Stripe-Signature", stripeHeader(b4, kStripeOldSecret, now())}})
                .status,
            401, 5000);
        QCOMPARE(post("/webhooks/stripe/firm-a", b4,
                      {{"Stripe-Signature", stripeHeader(b4, kStripeSecret, now())}})
                     .status,
                 200);
    }

    void perSourceBodyLimit()
    {
        ctl({u"source"_s, u"add"_s, u"tiny"_s, u"--provider"_s, u"generic"_s, u"--tenant"_s,
             u"firm-a"_s, u"--body-limit"_s, u"1024"_s});
        ctl({u"secret"_s, u"set"_s, u"tiny"_s}, "tiny-secret");
        const QByteArray small(600, 'x');
        const QByteArray big(4096, 'x');
        auto sig = [](const QByteArray &b) {
            return QByteArray("sha256=" + crypto::hmacSha256("tiny-secret", b).toHex());
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            post("/webhooks/generic/tiny", big, {{"X-Webhook-Signature", sig(big)}}).status, 413,
            5000);
        // Under the limit it reaches the parser (not JSON: 400), and other sources keep 1 MiB.
        QCOMPARE(
            post("/webhooks/generic/tiny", small, {{"X-Webhook-Signature", sig(small)}}).status,
            400);
        QCOMPARE(post("/webhooks/generic/crm", big,
                      {{"X-Webhook-Signature",
                        "sha256=" + crypto::hmacSha256(kGenericSecret, big).toHex()}})
                     .status,
                 400);
    }

    void masterKeyRotationKeepsEverySourceWorking()
    {
        const QByteArray body = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        QCOMPARE(post("/webhooks/stripe/firm-a", body,
                      {{"Stripe-Signature", stripeHeader(body, kStripeSecret, now())}})
                     .status,
                 200);
        // Not while an engine runs: it would go on sealing with the old key.
        CommandResult r = ctlResult({u"key"_s, u"rotate"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("stop it first"), r.err.constData());

        QCOMPARE(m_gw->terminate(), 0);
        bool created = false;
        QString error;
        const auto oldVault = Vault::load({}, m_dir->path(), &created, &error);
        QVERIFY(oldVault);
        const QByteArray oldKey = keyFile();
        r = ctlResult({u"key"_s, u"rotate"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("5 secrets and 1 raw payloads re-encrypted"));
        QVERIFY(keyFile() != oldKey);
        QVERIFY(!QFile::exists(Vault::pendingKeyFilePath(m_dir->path())));

        // Every stored record opens with the new key, none with the old one.
        const auto newVault = Vault::load({}, m_dir->path(), &created, &error);
        QVERIFY(newVault && !created);
        {
            auto db = openTestDatabase(m_dir->path(), &error);
            QSqlQuery q(db->db());
            QVERIFY(q.exec(u"SELECT id, ciphertext, key_id FROM raw_payloads"_s) && q.next());
            bool ok = false;
            QCOMPARE(newVault->open(Vault::Purpose::RawPayload, q.value(1).toByteArray(),
                                    q.value(0).toString().toLatin1(), &ok),
                     body);
            QVERIFY(ok);
            QCOMPARE(q.value(2).toString().toLatin1(), newVault->keyId().toHex());
            oldVault->open(Vault::Purpose::RawPayload, q.value(1).toByteArray(),
                           q.value(0).toString().toLatin1(), &ok);
            QVERIFY(!ok);
        }

        // The gateway starts on the new key and every source still verifies.
        restartGateway();
        QByteArray again = body;
        again.replace("evt_", "evt_after_rotation_");
        QCOMPARE(post("/webhooks/stripe/firm-a", again,
                      {{"Stripe-Signature", stripeHeader(again, kStripeSecret, now())}})
                     .status,
                 200);
        QCOMPARE(post("/webhooks/xendit/firm-a", readFixture(u"xendit_invoice_paid.json"_s),
                      {{"x-callback-token", kXenditToken.toByteArray()}})
                     .status,
                 200);
        QCOMPARE(post("/webhooks/midtrans/firm-a",
                      readFixture(u"midtrans_settlement_bank_transfer.json"_s), {})
                     .status,
                 200);
    }

    void interruptedKeyRotationIsFinished()
    {
        QCOMPARE(m_gw->terminate(), 0);
        // As if a rotation had died after writing the pending key but before re-encrypting.
        const QByteArray pendingKey = crypto::randomBytes(32);
        QString error;
        QVERIFY(Vault::writeKeyFile(Vault::pendingKeyFilePath(m_dir->path()), pendingKey, &error));
        restartGateway(); // still starts: both keys open records
        QTRY_VERIFY_WITH_TIMEOUT(m_gw->output().contains("interrupted master key rotation"), 3000);
        QCOMPARE(m_gw->terminate(), 0);
        const CommandResult r = ctlResult({u"key"_s, u"rotate"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("resuming"));
        QCOMPARE(keyFile().trimmed(), pendingKey.toBase64());
        restartGateway();
        const QByteArray body = readFixture(u"xendit_invoice_paid.json"_s);
        QCOMPARE(post("/webhooks/xendit/firm-a", body,
                      {{"x-callback-token", kXenditToken.toByteArray()}})
                     .status,
                 200);
    }

    void secondEngineOnOneDataDirectoryIsRefused()
    {
        GatewayProcess second(m_dir->path());
        QString error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(u"another Gerbang engine"_s), qPrintable(error));
    }

    void retirementTimeIsEnforcedWithoutReload()
    {
        ctl({u"secret"_s, u"rotate"_s, u"xendit-a"_s, u"--retire-after"_s, u"3s"_s},
            "xnd_new_token");
        const QByteArray body = readFixture(u"xendit_invoice_paid.json"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            post("/webhooks/xendit/firm-a", body, {{"x-callback-token", "xnd_new_token"}}).status,
            200, 5000);
        QByteArray other = body;
        other.replace("65f0000000000000000000a1", "65f0000000000000000000b2");
        QCOMPARE(post("/webhooks/xendit/firm-a", other,
                      {{"x-callback-token", kXenditToken.toByteArray()}})
                     .status,
                 200);
        other.replace("65f0000000000000000000b2", "65f0000000000000000000c3");
        QTRY_COMPARE_WITH_TIMEOUT(post("/webhooks/xendit/firm-a", other,
                                       {{"x-callback-token", kXenditToken.toByteArray()}})
                                      .status,
                                  401, 6000);
    }
};

QTEST_GUILESS_MAIN(TestProviderGateway)
#include "tst_provider_gateway.moc"
