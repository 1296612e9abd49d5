// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "providers/JsonPointer.h"
#include "providers/ProviderExtractors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gerbang;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

http::HttpRequest request(const QByteArray &body, const Headers &headers = {})
{
    http::HttpRequest r;
    r.method = "POST";
    r.headers = headers;
    r.body = body;
    return r;
}

// One event, with the fields the endpoint fills left empty.
ExtractedEvent only(const ProviderExtraction &x)
{
    if (!x.ok || x.events.size() != 1)
        qFatal("expected exactly one event, got ok=%d error=%s", int(x.ok), qPrintable(x.error));
    const ExtractedEvent &e = x.events.first();
    if (!e.tenant.isEmpty() || !e.routingKey.isEmpty())
        qFatal("extractors must leave tenant and routingKey to the endpoint");
    return e;
}

// Replaces one JSON member's value in a fixture (re-serialised; fine for extractor tests,
// which do not verify signatures).
QByteArray edited(const QString &fixture, const QString &key, const QJsonValue &value)
{
    QJsonObject o = QJsonDocument::fromJson(test::readFixture(fixture)).object();
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The same with several members replaced (or removed, with an undefined value).
QByteArray edited(const QString &fixture, const QList<std::pair<QString, QJsonValue>> &changes)
{
    QJsonObject o = QJsonDocument::fromJson(test::readFixture(fixture)).object();
    for (const auto &[key, value] : changes) {
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

const char kPayloadMarker[] = "PAYLOAD-CONTENT-7f3a";

} // namespace

class TestProviderExtractors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ---- Stripe ---------------------------------------------------------------------------
    void stripeFixture()
    {
        const ExtractedEvent e = only(
            extractStripe(request(test::readFixture(u"stripe_payment_intent_succeeded.json"_s))));
        QCOMPARE(e.providerEventId, u"evt_3FAKEevent00000001"_s);
        QCOMPARE(e.dedupKey, u"evt:evt_3FAKEevent00000001"_s);
        QCOMPARE(e.type, u"payment_intent.succeeded"_s);
        QCOMPARE(e.occurredAtMs, qint64(1767226005) * 1000);
        QCOMPARE(e.locator, QString());
    }

    void stripeWithoutCreated()
    {
        const QString f = u"stripe_payment_intent_succeeded.json"_s;
        const ExtractedEvent e =
            only(extractStripe(request(edited(f, u"created"_s, QJsonValue::Undefined))));
        QCOMPARE(e.occurredAtMs, qint64(0));
        QCOMPARE(e.dedupKey, u"evt:evt_3FAKEevent00000001"_s);
    }

    // ---- Midtrans -------------------------------------------------------------------------
    void midtransPendingThenSettlement()
    {
        const ExtractedEvent pending = only(
            extractMidtrans(request(test::readFixture(u"midtrans_pending_bank_transfer.json"_s))));
        const ExtractedEvent settled = only(extractMidtrans(
            request(test::readFixture(u"midtrans_settlement_bank_transfer.json"_s))));
        const QString tx = u"0f0f0f0f-1111-4222-8333-444455556666"_s;
        QCOMPARE(pending.providerEventId, tx);
        QCOMPARE(settled.providerEventId, tx);
        QCOMPARE(pending.dedupKey, u"midtrans:"_s + tx + u":pending:201:accept"_s);
        QCOMPARE(settled.dedupKey, u"midtrans:"_s + tx + u":settlement:200:accept"_s);
        QVERIFY(pending.dedupKey != settled.dedupKey);
        QCOMPARE(pending.type, u"transaction.pending"_s);
        QCOMPARE(settled.type, u"transaction.settlement"_s);
        // "2026-01-01 09:15:20" in Jakarta (UTC+7) = 2026-01-01T02:15:20Z.
        QCOMPARE(pending.occurredAtMs, qint64(1767233720) * 1000);
        QCOMPARE(settled.occurredAtMs, pending.occurredAtMs);
        // The same notification again is the same key (a Midtrans retry is a duplicate).
        QCOMPARE(only(extractMidtrans(
                          request(test::readFixture(u"midtrans_settlement_bank_transfer.json"_s))))
                     .dedupKey,
                 settled.dedupKey);
    }

    void midtransVariants_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("providerEventId");
        QTest::addColumn<QString>("dedupKey");
        QTest::addColumn<qint64>("occurredAtMs");
        const QString f = u"midtrans_settlement_bank_transfer.json"_s;
        const QString tx = u"0f0f0f0f-1111-4222-8333-444455556666"_s;
        const qint64 at = qint64(1767233720) * 1000;
        QTest::newRow("no transaction_id: order_id")
            << edited(f, u"transaction_id"_s, QJsonValue::Undefined) << u"INV-2026-0001"_s
            << u"midtrans:INV-2026-0001:settlement:200:accept"_s << at;
        QTest::newRow("empty transaction_id: order_id")
            << edited(f, u"transaction_id"_s, u""_s) << u"INV-2026-0001"_s
            << u"midtrans:INV-2026-0001:settlement:200:accept"_s << at;
        QTest::newRow("no fraud_status") << edited(f, u"fraud_status"_s, QJsonValue::Undefined)
                                         << tx << u"midtrans:"_s + tx + u":settlement:200"_s << at;
        QTest::newRow("fraud_status challenge")
            << edited(f, u"fraud_status"_s, u"challenge"_s) << tx
            << u"midtrans:"_s + tx + u":settlement:200:challenge"_s << at;
        QTest::newRow("no transaction_time")
            << edited(f, u"transaction_time"_s, QJsonValue::Undefined) << tx
            << u"midtrans:"_s + tx + u":settlement:200:accept"_s << qint64(0);
        QTest::newRow("transaction_time in another format")
            << edited(f, u"transaction_time"_s, u"2026-01-01T09:15:20+07:00"_s) << tx
            << u"midtrans:"_s + tx + u":settlement:200:accept"_s << qint64(0);
        QTest::newRow("transaction_time invalid date")
            << edited(f, u"transaction_time"_s, u"2026-02-30 09:15:20"_s) << tx
            << u"midtrans:"_s + tx + u":settlement:200:accept"_s << qint64(0);
        QTest::newRow("midnight crosses the UTC date")
            << edited(f, u"transaction_time"_s, u"2026-01-01 03:00:00"_s) << tx
            << u"midtrans:"_s + tx + u":settlement:200:accept"_s
            << (qint64(1767225600) - 4 * 3600) * 1000;
    }
    void midtransVariants()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, providerEventId);
        QFETCH(QString, dedupKey);
        QFETCH(qint64, occurredAtMs);
        const ExtractedEvent e = only(extractMidtrans(request(body)));
        QCOMPARE(e.providerEventId, providerEventId);
        QCOMPARE(e.dedupKey, dedupKey);
        QCOMPARE(e.occurredAtMs, occurredAtMs);
        QCOMPARE(e.type, u"transaction.settlement"_s);
    }

    // The signature covers status_code but not transaction_status: a signed pending (201)
    // notification re-sent as "settlement" must not become a settlement event.
    void midtransSignedPendingResentAsSettlementIsRefused()
    {
        QByteArray body = test::readFixture(u"midtrans_pending_bank_transfer.json"_s);
        // Byte-level edit, as an attacker would: the signature over order_id + "201" +
        // gross_amount still matches.
        QVERIFY(body.contains(R"("transaction_status": "pending")"));
        body.replace(R"("transaction_status": "pending")", R"("transaction_status": "settlement")");
        const ProviderExtraction x = extractMidtrans(request(body));
        QVERIFY(!x.ok);
        QVERIFY(x.events.isEmpty());
        QCOMPARE(x.error,
                 u"transaction_status 'settlement' does not agree with the signed status_code "
                 "'201'"_s);
    }

    void midtransStatusAgainstSignedCode_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("fraud"); // "" = no fraud_status
        QTest::addColumn<bool>("accepted");
        // Documented pairs pass.
        QTest::newRow("settlement 200") << u"settlement"_s << u"200"_s << u"accept"_s << true;
        QTest::newRow("capture 200") << u"capture"_s << u"200"_s << u"accept"_s << true;
        QTest::newRow("capture 200 without fraud_status")
            << u"capture"_s << u"200"_s << QString() << true;
        QTest::newRow("authorize 200") << u"authorize"_s << u"200"_s << u"accept"_s << true;
        QTest::newRow("pending 201") << u"pending"_s << u"201"_s << u"accept"_s << true;
        QTest::newRow("capture challenged 201")
            << u"capture"_s << u"201"_s << u"challenge"_s << true;
        QTest::newRow("capture denied by FDS 202") << u"capture"_s << u"202"_s << u"deny"_s << true;
        QTest::newRow("deny 202") << u"deny"_s << u"202"_s << u"accept"_s << true;
        QTest::newRow("cancel 200") << u"cancel"_s << u"200"_s << u"accept"_s << true;
        QTest::newRow("cancel 202") << u"cancel"_s << u"202"_s << u"accept"_s << true;
        QTest::newRow("expire 202") << u"expire"_s << u"202"_s << QString() << true;
        QTest::newRow("expire 407") << u"expire"_s << u"407"_s << QString() << true;
        QTest::newRow("failure 202") << u"failure"_s << u"202"_s << QString() << true;
        QTest::newRow("refund 200") << u"refund"_s << u"200"_s << u"accept"_s << true;
        QTest::newRow("partial_refund 200")
            << u"partial_refund"_s << u"200"_s << u"accept"_s << true;
        QTest::newRow("chargeback 200") << u"chargeback"_s << u"200"_s << u"accept"_s << true;
        // A status Midtrans may add later passes, whatever the code.
        QTest::newRow("unknown status 201")
            << u"future_status"_s << u"201"_s << u"accept"_s << true;
        QTest::newRow("unknown status 200")
            << u"future_status"_s << u"200"_s << u"accept"_s << true;
        // A change of class under a signed code is refused.
        QTest::newRow("settlement under 201")
            << u"settlement"_s << u"201"_s << u"accept"_s << false;
        QTest::newRow("settlement under 202")
            << u"settlement"_s << u"202"_s << u"accept"_s << false;
        QTest::newRow("settlement under 407") << u"settlement"_s << u"407"_s << QString() << false;
        QTest::newRow("capture under 201 (not challenged)")
            << u"capture"_s << u"201"_s << u"accept"_s << false;
        QTest::newRow("capture under 201 without fraud_status")
            << u"capture"_s << u"201"_s << QString() << false;
        QTest::newRow("capture under 202 (not denied)")
            << u"capture"_s << u"202"_s << u"accept"_s << false;
        QTest::newRow("refund under 201") << u"refund"_s << u"201"_s << u"accept"_s << false;
        QTest::newRow("pending under 200") << u"pending"_s << u"200"_s << u"accept"_s << false;
        QTest::newRow("pending under 202") << u"pending"_s << u"202"_s << u"accept"_s << false;
        QTest::newRow("expire under 200") << u"expire"_s << u"200"_s << u"accept"_s << false;
        QTest::newRow("expire under 201") << u"expire"_s << u"201"_s << u"accept"_s << false;
        QTest::newRow("deny under 201") << u"deny"_s << u"201"_s << u"accept"_s << false;
        // Spellings that could be read as a known status downstream are not "unknown".
        QTest::newRow("upper case") << u"Settlement"_s << u"201"_s << u"accept"_s << false;
        QTest::newRow("upper case, matching code")
            << u"SETTLEMENT"_s << u"200"_s << u"accept"_s << false;
        QTest::newRow("trailing space") << u"settlement "_s << u"201"_s << u"accept"_s << false;
        QTest::newRow("zero-width space")
            << u"settlement\u200b"_s << u"201"_s << u"accept"_s << false;
        QTest::newRow("code not three digits")
            << u"settlement"_s << u"200.0"_s << u"accept"_s << false;
        QTest::newRow("code with a sign") << u"future_status"_s << u"+20"_s << u"accept"_s << false;
    }
    void midtransStatusAgainstSignedCode()
    {
        QFETCH(QString, status);
        QFETCH(QString, code);
        QFETCH(QString, fraud);
        QFETCH(bool, accepted);
        const QByteArray body =
            edited(u"midtrans_settlement_bank_transfer.json"_s,
                   {{u"transaction_status"_s, status},
                    {u"status_code"_s, code},
                    {u"fraud_status"_s,
                     fraud.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(fraud)}});
        const ProviderExtraction x = extractMidtrans(request(body));
        QCOMPARE(x.ok, accepted);
        if (accepted) {
            const ExtractedEvent e = only(x);
            QCOMPARE(e.type, u"transaction."_s + status);
            QVERIFY(e.dedupKey.contains(u':' + status + u':' + code));
        } else {
            QVERIFY(x.events.isEmpty());
            // A known status is named with the signed code; a malformed one is not quoted.
            if (x.error.startsWith(u"transaction_status '"_s))
                QCOMPARE(x.error, u"transaction_status '%1' does not agree with the signed "
                                  "status_code '%2'"_s.arg(status, code));
            else
                QVERIFY2(!x.error.isEmpty() && !x.error.contains(status), qPrintable(x.error));
        }
    }

    // ---- Xendit ---------------------------------------------------------------------------
    void xenditFixture()
    {
        const QByteArray body = test::readFixture(u"xendit_invoice_paid.json"_s);
        const ExtractedEvent e = only(extractXendit(request(body)));
        QCOMPARE(e.providerEventId, u"65f0000000000000000000a1"_s);
        QCOMPARE(e.dedupKey, u"xendit:65f0000000000000000000a1:PAID:2026-01-01T03:20:12.000Z"_s);
        QCOMPARE(e.type, u"invoice.paid"_s);
        QCOMPARE(e.occurredAtMs, qint64(1767237612) * 1000);

        // With a delivery id header, that is the dedup key (retries repeat it).
        const ExtractedEvent d =
            only(extractXendit(request(body, {{"webhook-id", " 01HXYZDELIVERY0001 "}})));
        QCOMPARE(d.dedupKey, u"xendit:delivery:01HXYZDELIVERY0001"_s);
        QCOMPARE(d.providerEventId, u"65f0000000000000000000a1"_s);
        QCOMPARE(d.type, u"invoice.paid"_s);
    }

    void xenditVariants()
    {
        const QString f = u"xendit_invoice_paid.json"_s;
        const ExtractedEvent expired =
            only(extractXendit(request(edited(f, u"status"_s, u"EXPIRED"_s))));
        QCOMPARE(expired.type, u"invoice.expired"_s);
        QVERIFY(expired.dedupKey.contains(u":EXPIRED:"_s));

        const ExtractedEvent noStatus =
            only(extractXendit(request(edited(f, u"status"_s, QJsonValue::Undefined))));
        QCOMPARE(noStatus.type, u"xendit.callback"_s);

        const ExtractedEvent noUpdated =
            only(extractXendit(request(edited(f, u"updated"_s, QJsonValue::Undefined))));
        QCOMPARE(noUpdated.occurredAtMs, qint64(0));
        QCOMPARE(noUpdated.dedupKey, u"xendit:65f0000000000000000000a1:PAID:"_s);

        // A later update of the same invoice is another event.
        const ExtractedEvent later =
            only(extractXendit(request(edited(f, u"updated"_s, u"2026-01-01T03:25:00.000Z"_s))));
        QVERIFY(later.dedupKey != only(extractXendit(request(test::readFixture(f)))).dedupKey);

        // No id and no delivery header: nothing to deduplicate on.
        const ProviderExtraction none =
            extractXendit(request(edited(f, u"id"_s, QJsonValue::Undefined)));
        QVERIFY(!none.ok);
        QVERIFY(!none.error.isEmpty());
        // ...but a delivery header alone is enough.
        const ExtractedEvent headerOnly = only(extractXendit(
            request(edited(f, u"id"_s, QJsonValue::Undefined), {{"webhook-id", "dlv-1"}})));
        QCOMPARE(headerOnly.dedupKey, u"xendit:delivery:dlv-1"_s);
        QCOMPARE(headerOnly.providerEventId, QString());
    }

    // ---- Generic --------------------------------------------------------------------------
    void generic_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("providerEventId");
        QTest::addColumn<QString>("dedupKey"); // "" = the body's SHA-256
        QTest::addColumn<QString>("type");

        const QByteArray nested = "{\"event\":\"case.updated\",\"data\":{\"event_id\":\"ev-42\","
                                  "\"n\":7,\"f\":1.5},\"id\":\"top\"}";
        QTest::newRow("/id") << nested << u"/id"_s << u"top"_s << u"field:top"_s
                             << u"case.updated"_s;
        QTest::newRow("/data/event_id")
            << nested << u"/data/event_id"_s << u"ev-42"_s << u"field:ev-42"_s << u"case.updated"_s;
        QTest::newRow("integer value")
            << nested << u"/data/n"_s << u"7"_s << u"field:7"_s << u"case.updated"_s;
        QTest::newRow("fractional value")
            << nested << u"/data/f"_s << u"1.5"_s << u"field:1.5"_s << u"case.updated"_s;
        QTest::newRow("large integer id")
            << QByteArray("{\"id\":1234567890123}") << u"/id"_s << u"1234567890123"_s
            << u"field:1234567890123"_s << u"generic"_s;
        const QByteArray escapes =
            "{\"a/b\":\"slash\",\"m~n\":\"tilde\",\"~1\":\"literal\",\"\":\"empty\"}";
        QTest::newRow("~1 is '/'")
            << escapes << u"/a~1b"_s << u"slash"_s << u"field:slash"_s << u"generic"_s;
        QTest::newRow("~0 is '~'")
            << escapes << u"/m~0n"_s << u"tilde"_s << u"field:tilde"_s << u"generic"_s;
        QTest::newRow("~01 is '~1', not '/'")
            << escapes << u"/~01"_s << u"literal"_s << u"field:literal"_s << u"generic"_s;
        QTest::newRow("empty key")
            << escapes << u"/"_s << u"empty"_s << u"field:empty"_s << u"generic"_s;
        const QByteArray arr = "{\"type\":\"batch\",\"items\":[{\"id\":\"i0\"},{\"id\":\"i1\"}]}";
        QTest::newRow("array index")
            << arr << u"/items/1/id"_s << u"i1"_s << u"field:i1"_s << u"batch"_s;
        QTest::newRow("leading zero index")
            << arr << u"/items/01/id"_s << QString() << QString() << u"batch"_s;
        QTest::newRow("index past the end")
            << arr << u"/items/2/id"_s << QString() << QString() << u"batch"_s;
        QTest::newRow("'-' index")
            << arr << u"/items/-/id"_s << QString() << QString() << u"batch"_s;
        QTest::newRow("pointer to an object")
            << arr << u"/items/0"_s << QString() << QString() << u"batch"_s;
        QTest::newRow("pointer to nothing")
            << nested << u"/nope"_s << QString() << QString() << u"case.updated"_s;
        QTest::newRow("invalid pointer")
            << nested << u"id"_s << QString() << QString() << u"case.updated"_s;
        QTest::newRow("no pointer configured")
            << nested << QString() << QString() << QString() << u"case.updated"_s;
        QTest::newRow("null value")
            << QByteArray("{\"id\":null}") << u"/id"_s << QString() << QString() << u"generic"_s;
        QTest::newRow("type wins over event") << QByteArray("{\"type\":\"t\",\"event\":\"e\"}")
                                              << QString() << QString() << QString() << u"t"_s;
        QTest::newRow("type not a string: event") << QByteArray("{\"type\":5,\"event\":\"e\"}")
                                                  << QString() << QString() << QString() << u"e"_s;
        QTest::newRow("top-level array") << QByteArray("[{\"id\":\"x\"}]") << u"/0/id"_s << u"x"_s
                                         << u"field:x"_s << u"generic"_s;
    }
    void generic()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, pointer);
        QFETCH(QString, providerEventId);
        QFETCH(QString, dedupKey);
        QFETCH(QString, type);
        const ExtractedEvent e = only(extractGeneric(request(body), pointer));
        QCOMPARE(e.providerEventId, providerEventId);
        QCOMPARE(e.dedupKey, dedupKey.isEmpty()
                                 ? u"sha256:"_s + QString::fromLatin1(crypto::sha256(body).toHex())
                                 : dedupKey);
        QCOMPARE(e.type, type);
    }

    void genericDigestIsOverRawBytes()
    {
        // Same JSON value, other bytes: another key. Only byte-identical retries collapse.
        const ExtractedEvent a = only(extractGeneric(request("{\"a\":1}"), QString()));
        const ExtractedEvent b = only(extractGeneric(request("{ \"a\": 1 }"), QString()));
        const ExtractedEvent c = only(extractGeneric(request("{\"a\":1}"), QString()));
        QVERIFY(a.dedupKey != b.dedupKey);
        QCOMPARE(a.dedupKey, c.dedupKey);
    }

    // ---- Standard Webhooks ----------------------------------------------------------------
    void standardWebhooksFixture()
    {
        const QByteArray body = test::readFixture(u"standard_webhooks_contact_created.json"_s);
        const Headers h{{"webhook-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"},
                        {"webhook-timestamp", "1674087231"}};
        const ExtractedEvent e = only(extractStandardWebhooks(request(body, h)));
        QCOMPARE(e.providerEventId, u"msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_s);
        QCOMPARE(e.dedupKey, u"webhook-id:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_s);
        QCOMPARE(e.type, u"contact.created"_s);
        // "2022-11-03T20:26:10.344522Z": the payload's own time, to the millisecond.
        QVERIFY2(e.occurredAtMs >= 1667507170344 && e.occurredAtMs <= 1667507170345,
                 qPrintable(QString::number(e.occurredAtMs)));

        // Without a body timestamp, the header's.
        const ExtractedEvent noTs = only(extractStandardWebhooks(request("{\"type\":\"x\"}", h)));
        QCOMPARE(noTs.occurredAtMs, qint64(1674087231) * 1000);
        const ExtractedEvent noType = only(extractStandardWebhooks(request("{}", h)));
        QCOMPARE(noType.type, u"standard_webhooks"_s);

        const ProviderExtraction noId = extractStandardWebhooks(request(body));
        QVERIFY(!noId.ok);
        QVERIFY(noId.error.contains(u"webhook-id"_s));
    }

    // ---- Refusals -------------------------------------------------------------------------
    void refusals_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<QByteArray>("body");
        const Headers none;
        const QList<std::pair<const char *, int>> providers = {
            {"stripe", 0}, {"midtrans", 1}, {"xendit", 2}, {"standard", 3}, {"generic", 4}};
        const QByteArray marker(kPayloadMarker);
        for (const auto &[name, p] : providers) {
            QTest::addRow("%s: empty body", name) << p << QByteArray();
            QTest::addRow("%s: truncated JSON", name)
                << p << QByteArray("{\"id\":\"" + marker + "\",\"type\":");
            QTest::addRow("%s: not UTF-8", name) << p << QByteArray("{\"id\":\"\xff\xfe\"}");
            QTest::addRow("%s: form encoding", name) << p << QByteArray("id=" + marker);
            if (p != 4) // a generic body may be any JSON document
                QTest::addRow("%s: array", name) << p << QByteArray("[\"" + marker + "\"]");
        }
        QTest::newRow("stripe: no id")
            << 0 << QByteArray("{\"type\":\"x\",\"note\":\"" + marker + "\"}");
        QTest::newRow("stripe: no type") << 0 << QByteArray("{\"id\":\"evt_" + marker + "\"}");
        QTest::newRow("stripe: id not a string") << 0 << QByteArray("{\"id\":5,\"type\":\"x\"}");
        QTest::newRow("midtrans: no ids")
            << 1 << QByteArray("{\"transaction_status\":\"settlement\",\"status_code\":\"200\"}");
        QTest::newRow("midtrans: no transaction_status")
            << 1 << QByteArray("{\"order_id\":\"" + marker + "\",\"status_code\":\"200\"}");
        QTest::newRow("midtrans: no status_code")
            << 1 << QByteArray("{\"order_id\":\"o\",\"transaction_status\":\"settlement\"}");
        QTest::newRow("xendit: no id") << 2 << QByteArray("{\"status\":\"" + marker + "\"}");
        QTest::newRow("generic: JSON scalar") << 4 << QByteArray("\"" + marker + "\"");
    }
    void refusals()
    {
        QFETCH(int, provider);
        QFETCH(QByteArray, body);
        // Standard Webhooks needs its id header to get as far as the body.
        const http::HttpRequest req = request(body, {{"webhook-id", "msg_1"}});
        ProviderExtraction x;
        switch (provider) {
        case 0:
            x = extractStripe(req);
            break;
        case 1:
            x = extractMidtrans(req);
            break;
        case 2:
            x = extractXendit(request(body));
            break;
        case 3:
            x = extractStandardWebhooks(req);
            break;
        default:
            x = extractGeneric(req, u"/id"_s);
            break;
        }
        QVERIFY(!x.ok);
        QVERIFY(x.events.isEmpty());
        QVERIFY(!x.error.isEmpty());
        QVERIFY2(!x.error.contains(QLatin1StringView(kPayloadMarker)), qPrintable(x.error));
        QVERIFY(!x.error.contains(u"evt_"_s));
    }

    // ---- JSON pointer ---------------------------------------------------------------------
    void jsonPointerRfc6901Examples_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QJsonValue>("expected");
        // RFC 6901 §5.
        QTest::newRow("whole document") << u""_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("/foo") << u"/foo"_s << QJsonValue(QJsonArray{u"bar"_s, u"baz"_s});
        QTest::newRow("/foo/0") << u"/foo/0"_s << QJsonValue(u"bar"_s);
        QTest::newRow("/") << u"/"_s << QJsonValue(0);
        QTest::newRow("/a~1b") << u"/a~1b"_s << QJsonValue(1);
        QTest::newRow("/c%d") << u"/c%d"_s << QJsonValue(2);
        QTest::newRow("/e^f") << u"/e^f"_s << QJsonValue(3);
        QTest::newRow("/g|h") << u"/g|h"_s << QJsonValue(4);
        QTest::newRow("/i\\j") << u"/i\\j"_s << QJsonValue(5);
        QTest::newRow("/k\"l") << u"/k\"l"_s << QJsonValue(6);
        QTest::newRow("/ ") << u"/ "_s << QJsonValue(7);
        QTest::newRow("/m~0n") << u"/m~0n"_s << QJsonValue(8);
    }
    void jsonPointerRfc6901Examples()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, expected);
        const QJsonObject doc =
            QJsonDocument::fromJson(
                "{\"foo\": [\"bar\", \"baz\"], \"\": 0, \"a/b\": 1, \"c%d\": 2, \"e^f\": 3, "
                "\"g|h\": 4, \"i\\\\j\": 5, \"k\\\"l\": 6, \" \": 7, \"m~n\": 8}")
                .object();
        QJsonValue out;
        QVERIFY(resolveJsonPointer(doc, pointer, &out));
        QCOMPARE(out, expected.isUndefined() ? QJsonValue(doc) : expected);
    }

    void jsonPointerInvalid_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::newRow("no leading slash") << u"foo"_s;
        QTest::newRow("~ at the end") << u"/foo~"_s;
        QTest::newRow("~2") << u"/~2"_s;
        QTest::newRow("~a") << u"/a~ab"_s;
        QTest::newRow("# fragment form") << u"#/foo"_s;
    }
    void jsonPointerInvalid()
    {
        QFETCH(QString, pointer);
        QStringList tokens;
        QVERIFY(!parseJsonPointer(pointer, &tokens));
        QJsonValue out;
        QVERIFY(!resolveJsonPointer(QJsonObject{{u"foo"_s, 1}}, pointer, &out));
    }

    void jsonPointerTokens()
    {
        QStringList tokens;
        QVERIFY(parseJsonPointer(u"/a~1b/~0~1/~01//x", &tokens));
        QCOMPARE(tokens, QStringList({u"a/b"_s, u"~/"_s, u"~1"_s, QString(), u"x"_s}));
        QVERIFY(parseJsonPointer(u"", &tokens));
        QVERIFY(tokens.isEmpty());
        // Through a scalar: nothing there.
        QJsonValue out;
        QVERIFY(!resolveJsonPointer(QJsonObject{{u"a"_s, 1}}, u"/a/b", &out));
        QVERIFY(!resolveJsonPointer(QJsonArray{1, 2}, u"/+1", &out));
        QVERIFY(!resolveJsonPointer(QJsonArray{1, 2}, u"/99999999999999999999", &out));
        QVERIFY(resolveJsonPointer(QJsonArray{1, 2}, u"/1", &out));
        QCOMPARE(out, QJsonValue(2));
    }
};

QTEST_GUILESS_MAIN(TestProviderExtractors)
#include "tst_provider_extractors.moc"
