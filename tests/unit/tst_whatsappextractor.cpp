// SPDX-License-Identifier: GPL-3.0-or-later
#include "Directory.h"
#include "TestSupport.h"
#include "whatsapp/WhatsAppExtractor.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace gerbang;
using namespace Qt::StringLiterals;

namespace {

const QString kWabaA = u"100000000000001"_s;
const QString kWabaB = u"100000000000002"_s;
const QString kPhoneA = u"200000000000001"_s;
const QString kPhoneB = u"200000000000002"_s;

QJsonObject fixture(const QString &name)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(test::readFixture(name), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("fixture %s is not a JSON object", qPrintable(name));
    return doc.object();
}

QJsonObject parse(QByteArrayView json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("test JSON does not parse: %s", qPrintable(err.errorString()));
    return doc.object();
}

// The production routing table: WABA A → firm-a, WABA B → firm-b.
Directory wabaDirectory()
{
    Directory d;
    d.tenantByWaba.insert(kWabaA, u"firm-a"_s);
    d.tenantByWaba.insert(kWabaB, u"firm-b"_s);
    d.enabledTenants = {u"firm-a"_s, u"firm-b"_s};
    return d;
}

TenantResolver resolverFor(const Directory &d)
{
    return [&d](const QString &waba, const QString &phone, QString *routingKey) {
        return d.resolve(waba, phone, routingKey);
    };
}

// RFC 6901 JSON pointer, enough for the locators we produce.
QJsonValue resolvePointer(const QJsonValue &root, const QString &pointer)
{
    if (pointer.isEmpty())
        return root;
    if (!pointer.startsWith(u'/'))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue cur = root;
    const QStringList tokens = pointer.mid(1).split(u'/');
    for (QString token : tokens) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (cur.isObject()) {
            cur = cur.toObject().value(token);
        } else if (cur.isArray()) {
            bool ok = false;
            const int i = token.toInt(&ok);
            const QJsonArray a = cur.toArray();
            if (!ok || i < 0 || i >= a.size())
                return QJsonValue(QJsonValue::Undefined);
            cur = a.at(i);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return cur;
}

bool isDigestKey(const QString &key)
{
    static const QRegularExpression re(u"^change:[0-9a-f]{64}$"_s);
    return re.match(key).hasMatch();
}

const QStringList kCoveredFixtures = {
    u"wa_text.json"_s,
    u"wa_image.json"_s,
    u"wa_document.json"_s,
    u"wa_location.json"_s,
    u"wa_contacts.json"_s,
    u"wa_interactive_button_reply.json"_s,
    u"wa_interactive_list_reply.json"_s,
    u"wa_button_template_reply.json"_s,
    u"wa_reaction.json"_s,
    u"wa_reaction_removed.json"_s,
    u"wa_sticker.json"_s,
    u"wa_audio_voice.json"_s,
    u"wa_video.json"_s,
    u"wa_unsupported.json"_s,
    u"wa_second_waba_text.json"_s,
    u"wa_status_sent.json"_s,
    u"wa_status_delivered.json"_s,
    u"wa_status_read.json"_s,
    u"wa_status_failed.json"_s,
    u"wa_value_errors.json"_s,
};

QString wamid(const QString &n)
{
    return u"wamid.RkFLRS1XQU1JRC0w"_s + n + u"NjI4MTMwMDAwMDEwMQ=="_s;
}

} // namespace

class TestWhatsAppExtractor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFixture_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("providerId");
        QTest::addColumn<QString>("dedupKey"); // "digest" for change:<hex>
        QTest::addColumn<QString>("locator");
        QTest::addColumn<qint64>("occurredAtMs");

        const QString msg = u"/entry/0/changes/0/value/messages/0"_s;
        const QString st = u"/entry/0/changes/0/value/statuses/0"_s;
        auto message = [&](const char *file, const char *type, const char *n, qint64 ts,
                           const QString &tenant = u"firm-a"_s) {
            const QString id = wamid(QString::fromLatin1(n));
            QTest::newRow(file) << QString::fromLatin1(file) << tenant
                                << u"message."_s + QString::fromLatin1(type) << id
                                << u"wamid:"_s + id << msg << ts * 1000;
        };
        auto status = [&](const char *file, const char *s, const char *n, qint64 ts) {
            const QString id = wamid(QString::fromLatin1(n));
            QTest::newRow(file) << QString::fromLatin1(file) << u"firm-a"_s
                                << u"status."_s + QString::fromLatin1(s) << id
                                << u"status:"_s + id + u':' + QString::fromLatin1(s) << st
                                << ts * 1000;
        };
        message("wa_text.json", "text", "MDAwMDEt", 1767225601);
        message("wa_image.json", "image", "MDAwMDMt", 1767225603);
        message("wa_document.json", "document", "MDAwMDQt", 1767225604);
        message("wa_location.json", "location", "MDAwMDUt", 1767225605);
        message("wa_contacts.json", "contacts", "MDAwMDYt", 1767225606);
        message("wa_interactive_button_reply.json", "interactive", "MDAwMDct", 1767225607);
        message("wa_interactive_list_reply.json", "interactive", "MDAwMDgt", 1767225608);
        message("wa_button_template_reply.json", "button", "MDAwMDkt", 1767225609);
        message("wa_reaction.json", "reaction", "MDAwMTAt", 1767225610);
        message("wa_reaction_removed.json", "reaction", "MDAwMTEt", 1767225611);
        message("wa_sticker.json", "sticker", "MDAwMTIt", 1767225612);
        message("wa_audio_voice.json", "audio", "MDAwMTMt", 1767225613);
        message("wa_video.json", "video", "MDAwMTQt", 1767225614);
        message("wa_unsupported.json", "unsupported", "MDAwMTUt", 1767225615);
        message("wa_second_waba_text.json", "text", "MDAwMzAt", 1767225630, u"firm-b"_s);
        status("wa_status_sent.json", "sent", "MDUwMDEt", 1767225701);
        status("wa_status_delivered.json", "delivered", "MDUwMDEt", 1767225703);
        status("wa_status_read.json", "read", "MDUwMDEt", 1767225760);
        status("wa_status_failed.json", "failed", "MDUwMDIt", 1767225702);
        QTest::newRow("wa_value_errors.json")
            << u"wa_value_errors.json"_s << u"firm-a"_s << u"errors"_s << QString() << u"digest"_s
            << u"/entry/0/changes/0/value"_s << qint64(0);
    }
    void everyFixture()
    {
        QFETCH(QString, file);
        QFETCH(QString, tenant);
        QFETCH(QString, type);
        QFETCH(QString, providerId);
        QFETCH(QString, dedupKey);
        QFETCH(QString, locator);
        QFETCH(qint64, occurredAtMs);

        const Directory dir = wabaDirectory();
        const QJsonObject root = fixture(file);
        const WhatsAppExtraction x = extractWhatsApp(root, resolverFor(dir));
        QVERIFY2(x.ok, qPrintable(x.error));
        QVERIFY(x.error.isEmpty());
        QVERIFY(x.unrouted.isEmpty());
        QCOMPARE(x.events.size(), 1);
        const ExtractedEvent &e = x.events.first();
        QCOMPARE(e.tenant, tenant);
        QCOMPARE(e.type, type);
        QCOMPARE(e.providerEventId, providerId);
        if (dedupKey == u"digest"_s)
            QVERIFY2(isDigestKey(e.dedupKey), qPrintable(e.dedupKey));
        else
            QCOMPARE(e.dedupKey, dedupKey);
        QCOMPARE(e.locator, locator);
        QCOMPARE(e.occurredAtMs, occurredAtMs);
        QCOMPARE(e.routingKey, u"waba:"_s + (tenant == u"firm-a"_s ? kWabaA : kWabaB));

        // The locator points at the event's own object in the raw payload.
        const QJsonValue target = resolvePointer(root, e.locator);
        QVERIFY(target.isObject());
        if (!providerId.isEmpty())
            QCOMPARE(target.toObject().value(u"id"_s).toString(), providerId);
        else
            QVERIFY(target.toObject().contains(u"errors"_s));

        // Extraction is deterministic: the same payload gives the same keys (dedup on retry).
        const WhatsAppExtraction again = extractWhatsApp(root, resolverFor(dir));
        QCOMPARE(again.events.size(), 1);
        QCOMPARE(again.events.first().dedupKey, e.dedupKey);
    }

    void tableCoversEveryFixture()
    {
        // everyFixture_data() names every wa_*.json in tests/data; a new fixture must be added.
        QStringList present = QDir(QStringLiteral(GERBANG_TEST_DATA_DIR))
                                  .entryList({u"wa_*.json"_s}, QDir::Files, QDir::Name);
        QStringList covered = kCoveredFixtures;
        covered.sort();
        QCOMPARE(covered, present);
    }

    void statusesOfOneMessageAreThreeEvents()
    {
        const Directory dir = wabaDirectory();
        QStringList keys;
        QString id;
        for (const QString &file :
             {u"wa_status_sent.json"_s, u"wa_status_delivered.json"_s, u"wa_status_read.json"_s}) {
            const WhatsAppExtraction x = extractWhatsApp(fixture(file), resolverFor(dir));
            QVERIFY(x.ok);
            QCOMPARE(x.events.size(), 1);
            if (id.isEmpty())
                id = x.events.first().providerEventId;
            QCOMPARE(x.events.first().providerEventId, id); // one wamid...
            keys << x.events.first().dedupKey;
        }
        keys.removeDuplicates();
        QCOMPARE(keys.size(), 3); // ...three dedup keys
        // A status key never collides with the message key of the same wamid.
        QVERIFY(!keys.contains(u"wamid:"_s + id));
    }

    void routesByPhoneNumberId()
    {
        Directory d;
        d.tenantByPhoneNumberId.insert(kPhoneA, u"firm-a"_s);
        d.enabledTenants = {u"firm-a"_s};
        QStringList seen;
        const TenantResolver resolve = [&](const QString &waba, const QString &phone,
                                           QString *routingKey) {
            seen << waba + u'|' + phone;
            return d.resolve(waba, phone, routingKey);
        };
        const WhatsAppExtraction x = extractWhatsApp(fixture(u"wa_image.json"_s), resolve);
        QVERIFY(x.ok);
        QCOMPARE(seen, QStringList{kWabaA + u'|' + kPhoneA});
        QCOMPARE(x.events.size(), 1);
        QCOMPARE(x.events.first().tenant, u"firm-a"_s);
        QCOMPARE(x.events.first().routingKey, u"phone_number_id:"_s + kPhoneA);
        QCOMPARE(x.events.first().type, u"message.image"_s);

        // Tenant B's number is unknown to this table.
        const WhatsAppExtraction b =
            extractWhatsApp(fixture(u"wa_second_waba_text.json"_s), resolve);
        QVERIFY(b.ok);
        QVERIFY(b.events.isEmpty());
        QCOMPARE(b.unrouted.size(), 1);
        QCOMPARE(b.unrouted.first().phoneNumberId, kPhoneB);
    }

    void wabaBeatsPhoneNumber()
    {
        Directory d = wabaDirectory();
        d.tenantByPhoneNumberId.insert(kPhoneA, u"firm-x"_s);
        d.enabledTenants.insert(u"firm-x"_s);
        const WhatsAppExtraction x = extractWhatsApp(fixture(u"wa_text.json"_s), resolverFor(d));
        QCOMPARE(x.events.size(), 1);
        QCOMPARE(x.events.first().tenant, u"firm-a"_s);
        QCOMPARE(x.events.first().routingKey, u"waba:"_s + kWabaA);
    }

    void unknownWabaIsUnrouted()
    {
        Directory d;
        d.tenantByWaba.insert(u"100000000000999"_s, u"firm-z"_s);
        d.enabledTenants = {u"firm-z"_s};
        const WhatsAppExtraction x = extractWhatsApp(fixture(u"wa_text.json"_s), resolverFor(d));
        QVERIFY(x.ok); // not malformed: 200 + audit "unknown_tenant"
        QVERIFY(x.events.isEmpty());
        QCOMPARE(x.unrouted.size(), 1);
        QCOMPARE(x.unrouted.first().wabaId, kWabaA);
        QCOMPARE(x.unrouted.first().phoneNumberId, kPhoneA);
        QCOMPARE(x.unrouted.first().field, u"messages"_s);
    }

    void disabledTenantIsUnrouted()
    {
        Directory d = wabaDirectory();
        d.enabledTenants.remove(u"firm-a"_s);
        const WhatsAppExtraction x = extractWhatsApp(fixture(u"wa_text.json"_s), resolverFor(d));
        QVERIFY(x.ok);
        QVERIFY(x.events.isEmpty());
        QCOMPARE(x.unrouted.size(), 1);
    }

    void twoEntriesTwoTenants()
    {
        QJsonObject root = fixture(u"wa_text.json"_s);
        QJsonArray entries = root.value(u"entry"_s).toArray();
        entries.append(fixture(u"wa_second_waba_text.json"_s).value(u"entry"_s).toArray().at(0));
        root.insert(u"entry"_s, entries);

        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(root, resolverFor(dir));
        QVERIFY2(x.ok, qPrintable(x.error));
        QVERIFY(x.unrouted.isEmpty());
        QCOMPARE(x.events.size(), 2);
        QCOMPARE(x.events[0].tenant, u"firm-a"_s);
        QCOMPARE(x.events[0].locator, u"/entry/0/changes/0/value/messages/0"_s);
        QCOMPARE(x.events[0].providerEventId, wamid(u"MDAwMDEt"_s));
        QCOMPARE(x.events[1].tenant, u"firm-b"_s);
        QCOMPARE(x.events[1].routingKey, u"waba:"_s + kWabaB);
        QCOMPARE(x.events[1].locator, u"/entry/1/changes/0/value/messages/0"_s);
        QCOMPARE(x.events[1].providerEventId, wamid(u"MDAwMzAt"_s));
        for (const ExtractedEvent &e : x.events)
            QCOMPARE(resolvePointer(root, e.locator).toObject().value(u"id"_s).toString(),
                     e.providerEventId);

        // With only tenant A known, B's entry is unrouted and A's still extracted.
        Directory onlyA;
        onlyA.tenantByWaba.insert(kWabaA, u"firm-a"_s);
        onlyA.enabledTenants = {u"firm-a"_s};
        const WhatsAppExtraction partial = extractWhatsApp(root, resolverFor(onlyA));
        QVERIFY(partial.ok);
        QCOMPARE(partial.events.size(), 1);
        QCOMPARE(partial.events.first().tenant, u"firm-a"_s);
        QCOMPARE(partial.unrouted.size(), 1);
        QCOMPARE(partial.unrouted.first().wabaId, kWabaB);
    }

    void batchedUpdates()
    {
        // One change holding several messages and statuses: one event each, in order.
        const QJsonObject root = parse(R"({"object":"whatsapp_business_account","entry":[{
            "id":"100000000000001","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp",
              "metadata":{"phone_number_id":"200000000000001"},
              "messages":[
                {"id":"wamid.A","timestamp":"1767225601","type":"text","text":{"body":"a"}},
                {"id":"wamid.B","timestamp":"1767225602","type":"image","image":{"id":"1"}},
                {"id":"wamid.C","timestamp":"1767225603","type":"order","order":{}}],
              "statuses":[
                {"id":"wamid.S","status":"delivered","timestamp":"1767225700"},
                {"id":"wamid.S","status":"read","timestamp":"1767225701"}]}}]}]})");
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(root, resolverFor(dir));
        QVERIFY(x.ok);
        QCOMPARE(x.events.size(), 5);
        const QStringList types = [&] {
            QStringList t;
            for (const ExtractedEvent &e : x.events)
                t << e.type;
            return t;
        }();
        QCOMPARE(types, (QStringList{u"message.text"_s, u"message.image"_s, u"message.order"_s,
                                     u"status.delivered"_s, u"status.read"_s}));
        QCOMPARE(x.events[2].locator, u"/entry/0/changes/0/value/messages/2"_s);
        QCOMPARE(x.events[4].locator, u"/entry/0/changes/0/value/statuses/1"_s);
        QCOMPARE(x.events[3].dedupKey, u"status:wamid.S:delivered"_s);
        QCOMPARE(x.events[4].dedupKey, u"status:wamid.S:read"_s);
        QCOMPARE(x.events[4].occurredAtMs, qint64(1767225701000));
    }

    void unknownMessageTypeIsKept_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("type");
        QTest::newRow("future type")
            << QByteArray(R"({"id":"wamid.X","timestamp":"1767225601","type":"hologram"})")
            << u"message.hologram"_s;
        QTest::newRow("system") << QByteArray(R"({"id":"wamid.X","timestamp":"1767225601",)"
                                              R"("type":"system","system":{}})")
                                << u"message.system"_s;
        QTest::newRow("legacy unknown")
            << QByteArray(R"({"id":"wamid.X","timestamp":"1767225601","type":"unknown"})")
            << u"message.unknown"_s;
        QTest::newRow("no type") << QByteArray(R"({"id":"wamid.X","timestamp":"1767225601"})")
                                 << u"message.unknown"_s;
    }
    void unknownMessageTypeIsKept()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, type);
        const QJsonObject root = parse(
            QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000001",)"
                       R"("changes":[{"field":"messages","value":{"metadata":{"phone_number_id":)"
                       R"("200000000000001"},"messages":[)" +
                       message + "]}}]}]}"));
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(root, resolverFor(dir));
        QVERIFY(x.ok);
        QCOMPARE(x.events.size(), 1);
        QCOMPARE(x.events.first().type, type);
        QCOMPARE(x.events.first().providerEventId, u"wamid.X"_s);
        QCOMPARE(x.events.first().dedupKey, u"wamid:wamid.X"_s);
        QCOMPARE(x.events.first().occurredAtMs, qint64(1767225601000));
    }

    void otherFieldIsOneEventWithStableDigest()
    {
        const QByteArray payload =
            R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000001","time":1767225900,)"
            R"("changes":[{"field":"account_update","value":{"phone_number":"6281200000001",)"
            R"("event":"VERIFIED_ACCOUNT"}}]}]})";
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(parse(payload), resolverFor(dir));
        QVERIFY2(x.ok, qPrintable(x.error));
        QCOMPARE(x.events.size(), 1);
        const ExtractedEvent &e = x.events.first();
        QCOMPARE(e.type, u"account_update"_s);
        QCOMPARE(e.tenant, u"firm-a"_s);
        QVERIFY(e.providerEventId.isEmpty());
        QVERIFY2(isDigestKey(e.dedupKey), qPrintable(e.dedupKey));
        QCOMPARE(e.locator, u"/entry/0/changes/0"_s);
        QCOMPARE(resolvePointer(parse(payload), e.locator).toObject().value(u"field"_s).toString(),
                 u"account_update"_s);

        // Stable across extractions, and across key order in the wire form (a retry of the
        // same change may be serialised differently).
        QCOMPARE(extractWhatsApp(parse(payload), resolverFor(dir)).events.first().dedupKey,
                 e.dedupKey);
        const QByteArray reordered =
            R"({"entry":[{"changes":[{"value":{"event":"VERIFIED_ACCOUNT","phone_number":)"
            R"("6281200000001"},"field":"account_update"}],"id":"100000000000001"}],)"
            R"("object":"whatsapp_business_account"})";
        QCOMPARE(extractWhatsApp(parse(reordered), resolverFor(dir)).events.first().dedupKey,
                 e.dedupKey);

        // A different change gives a different key.
        QByteArray other = payload;
        other.replace("VERIFIED_ACCOUNT", "DISABLED_UPDATE");
        QVERIFY(extractWhatsApp(parse(other), resolverFor(dir)).events.first().dedupKey !=
                e.dedupKey);
        // The same change for another WABA is another event.
        QByteArray otherWaba = payload;
        otherWaba.replace("100000000000001", "100000000000002");
        const WhatsAppExtraction b = extractWhatsApp(parse(otherWaba), resolverFor(dir));
        QCOMPARE(b.events.first().tenant, u"firm-b"_s);
        QVERIFY(b.events.first().dedupKey != e.dedupKey);
    }

    void templateStatusUpdateIsRouted()
    {
        const QJsonObject root = parse(
            R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000002","changes":[)"
            R"({"field":"message_template_status_update","value":{"event":"APPROVED",)"
            R"("message_template_id":123,"message_template_name":"t","message_template_language":"id"}}]}]})");
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(root, resolverFor(dir));
        QVERIFY(x.ok);
        QCOMPARE(x.events.size(), 1);
        QCOMPARE(x.events.first().type, u"message_template_status_update"_s);
        QCOMPARE(x.events.first().tenant, u"firm-b"_s);
    }

    void valueErrorsDigestIsStable()
    {
        const Directory dir = wabaDirectory();
        const QJsonObject root = fixture(u"wa_value_errors.json"_s);
        const QString a = extractWhatsApp(root, resolverFor(dir)).events.first().dedupKey;
        const QString b = extractWhatsApp(root, resolverFor(dir)).events.first().dedupKey;
        QCOMPARE(a, b);
        QVERIFY(isDigestKey(a));
    }

    void messageWithoutIdGetsDigestKey()
    {
        const QByteArray payload =
            R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000001","changes":[)"
            R"({"field":"messages","value":{"messages":[{"type":"text","timestamp":"1767225601"}]}}]}]})";
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(parse(payload), resolverFor(dir));
        QVERIFY(x.ok);
        QCOMPARE(x.events.size(), 1);
        QVERIFY(x.events.first().providerEventId.isEmpty());
        QVERIFY2(isDigestKey(x.events.first().dedupKey), qPrintable(x.events.first().dedupKey));
        QCOMPARE(extractWhatsApp(parse(payload), resolverFor(dir)).events.first().dedupKey,
                 x.events.first().dedupKey);
    }

    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("timestamp"); // JSON value text, empty: absent
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("string") << QByteArray(R"("1767225601")") << qint64(1767225601000);
        QTest::newRow("number") << QByteArray("1767225601") << qint64(1767225601000);
        QTest::newRow("absent") << QByteArray() << qint64(0);
        QTest::newRow("not a number") << QByteArray(R"("soon")") << qint64(0);
        QTest::newRow("empty string") << QByteArray(R"("")") << qint64(0);
        QTest::newRow("negative number") << QByteArray("-5") << qint64(0);
        QTest::newRow("null") << QByteArray("null") << qint64(0);
    }
    void timestamps()
    {
        QFETCH(QByteArray, timestamp);
        QFETCH(qint64, expectedMs);
        QByteArray message = R"({"id":"wamid.T","type":"text")";
        if (!timestamp.isEmpty())
            message += R"(,"timestamp":)" + timestamp;
        message += "}";
        const QJsonObject root = parse(
            QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000001",)"
                       R"("changes":[{"field":"messages","value":{"messages":[)" +
                       message + "]}}]}]}"));
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(root, resolverFor(dir));
        QVERIFY(x.ok);
        QCOMPARE(x.events.size(), 1);
        QCOMPARE(x.events.first().occurredAtMs, expectedMs);
    }

    void outOfRangeTimestamps_data()
    {
        QTest::addColumn<QByteArray>("timestamp");
        QTest::newRow("negative string") << QByteArray(R"("-5")");
        QTest::newRow("int64 max string") << QByteArray(R"("9223372036854775807")");
        QTest::newRow("1e17 seconds string") << QByteArray(R"("100000000000000000")");
    }
    void outOfRangeTimestamps()
    {
        // A timestamp must come out as a plausible time or as 0 ("no time"), never negative
        // and never through signed overflow.
        QFETCH(QByteArray, timestamp);
        const QJsonObject root = parse(
            QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000001",)"
                       R"("changes":[{"field":"messages","value":{"messages":[)"
                       R"({"id":"wamid.T","type":"text","timestamp":)" +
                       timestamp + "}]}}]}]}"));
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(root, resolverFor(dir));
        QVERIFY(x.ok);
        QCOMPARE(x.events.size(), 1);
        QVERIFY2(x.events.first().occurredAtMs >= 0 && x.events.first().occurredAtMs <= qint64(1)
                                                                                            << 53,
                 qPrintable(QString::number(x.events.first().occurredAtMs)));
    }

    void malformedShapes_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("entry is an object")
            << QByteArray(R"({"object":"whatsapp_business_account","entry":{"id":"1"}})");
        QTest::newRow("entry missing") << QByteArray(R"({"object":"whatsapp_business_account"})");
        QTest::newRow("entry is a string")
            << QByteArray(R"({"object":"whatsapp_business_account","entry":"x"})");
        QTest::newRow("object missing") << QByteArray(R"({"entry":[]})");
        QTest::newRow("entry element not an object")
            << QByteArray(R"({"object":"whatsapp_business_account","entry":[42]})");
        QTest::newRow("changes not an array") << QByteArray(
            R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000001",)"
            R"("changes":{"field":"messages"}}]})");
        QTest::newRow("change not an object") << QByteArray(
            R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000001",)"
            R"("changes":["messages"]}]})");
        QTest::newRow("second change not an object") << QByteArray(
            R"({"object":"whatsapp_business_account","entry":[{"id":"100000000000001",)"
            R"("changes":[{"field":"account_update","value":{}},null]}]})");
    }
    void malformedShapes()
    {
        QFETCH(QByteArray, payload);
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(parse(payload), resolverFor(dir));
        QVERIFY(!x.ok);
        QVERIFY(!x.error.isEmpty());
    }

    void emptyEntryListIsValid()
    {
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(
            parse(R"({"object":"whatsapp_business_account","entry":[]})"), resolverFor(dir));
        QVERIFY(x.ok);
        QVERIFY(x.events.isEmpty());
        QVERIFY(x.unrouted.isEmpty());
    }

    void errorMessageCarriesNoContent()
    {
        const Directory dir = wabaDirectory();
        const WhatsAppExtraction x = extractWhatsApp(
            parse(
                R"({"object":"whatsapp_business_account","entry":["Rahasia klien: 6281300000101"]})"),
            resolverFor(dir));
        QVERIFY(!x.ok);
        QVERIFY(!x.error.contains(u"Rahasia"_s));
        QVERIFY(!x.error.contains(u"6281300000101"_s));
    }
};

QTEST_GUILESS_MAIN(TestWhatsAppExtractor)
#include "tst_whatsappextractor.moc"
