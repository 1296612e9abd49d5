// SPDX-License-Identifier: GPL-3.0-or-later
// The normalizers against every payload sample in tests/data, starting from the event rows the
// production extractors make, plus the id and hash rules and malformed input.
#include "FixtureEvents.h"
#include "TestSupport.h"
#include "normalize/MoneyAmount.h"
#include "normalize/Normalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <ctime>

using namespace gerbang;
using namespace Qt::StringLiterals;

namespace {

const QString kBudi = u"6281300000101"_s;     // sender in most tenant A samples
const QString kBusiness = u"6281200000001"_s; // tenant A's display number (context.from)
const QString kTenantA = test::kFixtureTenantA.toString();
const QString kTenantB = test::kFixtureTenantB.toString();

struct Normalized
{
    WebhookEvent event;
    QByteArray payload;
    NormalizeResult result;
};

// Every event of one sample, as stored by the gateway, then normalized.
QList<Normalized> normalizeFixture(const QString &file)
{
    const QByteArray payload = test::readFixture(file);
    const test::FixtureEvents rows = test::fixtureEvents(file, payload);
    if (!rows.ok)
        qFatal("%s: no events: %s", qPrintable(file), qPrintable(rows.error));
    QList<Normalized> out;
    for (const WebhookEvent &e : rows.events)
        out << Normalized{e, payload, normalizeEvent(e, payload, test::fixtureSenderKey(e.tenant))};
    return out;
}

// The single event of a sample that has one.
Normalized single(const QString &file)
{
    const QList<Normalized> all = normalizeFixture(file);
    if (all.size() != 1)
        qFatal("%s: expected one event, got %d", qPrintable(file), int(all.size()));
    return all.first();
}

// Qt's own HMAC implementation, independent of the OpenSSL one the normalizer uses.
QString independentHmac(const QByteArray &key, const QString &waId)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(waId.toUtf8(), key, QCryptographicHash::Sha256).toHex());
}

QString hashFor(const QString &tenant, const QString &waId)
{
    return independentHmac(test::fixtureSenderKey(tenant), waId);
}

// RFC 6901, written here again so the test does not trust the production resolver.
QJsonValue resolve(const QJsonValue &root, const QString &pointer)
{
    if (pointer.isEmpty())
        return root;
    QJsonValue cur = root;
    for (QString token : pointer.mid(1).split(u'/')) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (cur.isObject()) {
            cur = cur.toObject().value(token);
        } else if (cur.isArray()) {
            bool ok = false;
            const int i = token.toInt(&ok);
            cur = ok && i >= 0 && i < cur.toArray().size() ? cur.toArray().at(i)
                                                           : QJsonValue(QJsonValue::Undefined);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return cur;
}

QJsonValue parse(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

// Content and personal data in the payloads: values under these keys must never reach a
// normalized object (error titles excepted: they are Meta's words, not the user's).
const QSet<QString> &sensitiveKeys()
{
    static const QSet<QString> keys{
        u"body"_s,
        u"caption"_s,
        u"name"_s,
        u"formatted_name"_s,
        u"first_name"_s,
        u"last_name"_s,
        u"address"_s,
        u"phone"_s,
        u"phone_number"_s,
        u"email"_s,
        u"payer_email"_s,
        u"receipt_email"_s,
        u"wa_id"_s,
        u"new_wa_id"_s,
        u"from"_s,
        u"recipient_id"_s,
        u"text"_s,
        u"description"_s,
        u"emoji"_s,
        u"response_json"_s,
        u"url"_s,
        u"latitude"_s,
        u"longitude"_s,
        u"question"_s,
        u"client_name"_s,
        u"va_number"_s,
        u"client_secret"_s,
        u"display_phone_number"_s,
        u"biz_opaque_callback_data"_s,
    };
    return keys;
}

void collectSensitive(const QJsonValue &v, const QString &key, QStringList *out)
{
    if (key == u"errors"_s)
        return;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectSensitive(it.value(), it.key(), out);
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            collectSensitive(item, key, out);
    } else if (sensitiveKeys().contains(key)) {
        if (v.isString() && v.toString().size() >= 4)
            *out << v.toString();
        else if (v.isDouble())
            *out << QString::number(v.toDouble());
    }
}

QString serialized(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

WebhookEvent whatsappRow(const QString &type, const QString &wamid, const QString &locator)
{
    WebhookEvent e;
    e.id = u"ev_inline"_s;
    e.tenant = kTenantA;
    e.provider = u"whatsapp"_s;
    e.type = type;
    e.providerEventId = wamid;
    e.dedupKey = u"wamid:"_s + wamid;
    e.rawRef = u"raw_inline"_s;
    e.locator = locator;
    e.receivedAtMs = 1767229200000;
    return e;
}

// A one-message payload around `message` (a JSON object text), tenant A.
QByteArray wrapMessage(const QByteArray &message)
{
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"100000000000001\","
           "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
           "\"metadata\":{\"display_phone_number\":\"6281200000001\",\"phone_number_id\":"
           "\"200000000000001\"},\"messages\":[" +
           message + "]}}]}]}";
}

const QString kInlineLocator = u"/entry/0/changes/0/value/messages/0"_s;

} // namespace

class TestNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureNormalizes_data();
    void everyFixtureNormalizes();
    void textMessage();
    void mediaMessages_data();
    void mediaMessages();
    void replies_data();
    void replies();
    void reactions();
    void orderAndSystem();
    void unsupportedAndUnknown_data();
    void unsupportedAndUnknown();
    void newTypesAreKept();
    void statuses_data();
    void statuses();
    void batchKeepsEachObject();
    void largeBatchIsLinear();
    void eachPayloadIsItsOwn();
    void whatsAppChanges();
    void paymentAndGenericEvents_data();
    void paymentAndGenericEvents();
    void xenditWrappedCallback();
    void amounts();
    void senderHashIsHmac();
    void stableIds();
    void malformed_data();
    void malformed();
};

void TestNormalizer::everyFixtureNormalizes_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = test::fixtureFiles(QStringLiteral(GERBANG_TEST_DATA_DIR));
    QVERIFY(files.size() >= 35);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void TestNormalizer::everyFixtureNormalizes()
{
    QFETCH(QString, file);
    const QList<Normalized> all = normalizeFixture(file);
    QVERIFY(!all.isEmpty());
    const QJsonValue root = parse(all.first().payload);
    const QRegularExpression idPattern(u"^gev_[a-z2-7]{26}$"_s);
    for (const Normalized &n : all) {
        const WebhookEvent &e = n.event;
        QVERIFY2(n.result.ok, qPrintable(e.locator + u": "_s + n.result.error));
        const QJsonObject o = n.result.normalized;
        const QString schema = o.value(u"schema"_s).toString();
        if (e.provider == u"whatsapp"_s && e.type.startsWith(u"message."_s))
            QCOMPARE(schema, u"gerbang.normalized_message/1"_s);
        else if (e.provider == u"whatsapp"_s && e.type.startsWith(u"status."_s))
            QCOMPARE(schema, u"gerbang.normalized_status/1"_s);
        else
            QCOMPARE(schema, u"gerbang.normalized_event/1"_s);
        QCOMPARE(o.value(u"id"_s).toString(), stableEventId(e.tenant, e.provider, e.dedupKey));
        QVERIFY(idPattern.match(o.value(u"id"_s).toString()).hasMatch());
        QCOMPARE(o.value(u"tenant"_s).toString(), e.tenant);
        QCOMPARE(o.value(u"gateway_event_id"_s).toString(), e.id);
        QCOMPARE(o.value(u"content_ref"_s).toString(), u"raw:"_s + e.rawRef + u'#' + e.locator);
        QCOMPARE(o.value(u"received_at"_s).toString(), u"2026-01-01T01:00:00.000Z"_s);
        // The provider's own object travels beside the normalized one.
        QCOMPARE(n.result.original, resolve(root, e.locator));

        QStringList secrets;
        collectSensitive(n.result.original, QString(), &secrets);
        if (schema == u"gerbang.normalized_message/1"_s) // at least the sender's number
            QVERIFY(!secrets.isEmpty());
        const QString json = serialized(o);
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(!json.contains(secret), qPrintable(u"leaks: "_s + secret));
    }
}

void TestNormalizer::textMessage()
{
    const Normalized n = single(u"wa_text.json"_s);
    const QJsonObject o = n.result.normalized;
    QCOMPARE(o[u"channel"_s].toString(), u"whatsapp"_s);
    QCOMPARE(o[u"type"_s].toString(), u"text"_s);
    QCOMPARE(o[u"sender_hash"_s].toString(), hashFor(kTenantA, kBudi));
    QCOMPARE(o[u"wamid"_s].toString(), u"wamid.RkFLRS1XQU1JRC0wMDAwMDEtNjI4MTMwMDAwMDEwMQ=="_s);
    QCOMPARE(o[u"phone_number_id"_s].toString(), u"200000000000001"_s);
    QCOMPARE(o[u"waba_id"_s].toString(), u"100000000000001"_s);
    QCOMPARE(o[u"timestamp"_s].toInteger(), 1767225601);
    QCOMPARE(o[u"occurred_at"_s].toString(), u"2026-01-01T00:00:01.000Z"_s);
    QVERIFY(o[u"context"_s].isNull());
    QVERIFY(o[u"media"_s].isNull());
    QCOMPARE(o[u"errors"_s].toArray().size(), 0);
    // The text and the sender's number are in the original only.
    const QString json = serialized(o);
    QVERIFY(!json.contains(u"Selamat pagi"_s));
    QVERIFY(!json.contains(kBudi));
    QVERIFY(!json.contains(u"Budi Santoso"_s));
    QCOMPARE(n.result.original[u"text"_s][u"body"_s].toString().left(12), u"Selamat pagi"_s);
}

void TestNormalizer::mediaMessages_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("mediaId");
    QTest::addColumn<QString>("mime");
    QTest::addColumn<QString>("filename");
    QTest::addColumn<QJsonValue>("voice");
    QTest::addColumn<QJsonValue>("animated");
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("image") << u"wa_image.json"_s << u"image"_s << u"900000000000003"_s
                           << u"image/jpeg"_s << QString() << null << null;
    QTest::newRow("voice") << u"wa_audio_voice.json"_s << u"audio"_s << u"900000000000013"_s
                           << u"audio/ogg; codecs=opus"_s << QString() << QJsonValue(true) << null;
    QTest::newRow("video") << u"wa_video.json"_s << u"video"_s << u"900000000000014"_s
                           << u"video/mp4"_s << QString() << null << null;
    QTest::newRow("document") << u"wa_document.json"_s << u"document"_s << u"900000000000004"_s
                              << u"application/pdf"_s << u"perjanjian_sewa_draft.pdf"_s << null
                              << null;
    QTest::newRow("sticker") << u"wa_sticker.json"_s << u"sticker"_s << u"900000000000012"_s
                             << u"image/webp"_s << QString() << null << QJsonValue(false);
}

void TestNormalizer::mediaMessages()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(QString, mediaId);
    QFETCH(QString, mime);
    QFETCH(QString, filename);
    QFETCH(QJsonValue, voice);
    QFETCH(QJsonValue, animated);
    const Normalized n = single(file);
    const QJsonObject o = n.result.normalized;
    QCOMPARE(o[u"type"_s].toString(), type);
    const QJsonObject media = o[u"media"_s].toObject();
    QCOMPARE(media[u"id"_s].toString(), mediaId);
    QCOMPARE(media[u"mime_type"_s].toString(), mime);
    QCOMPARE(media[u"sha256"_s].toString(), n.result.original[type][u"sha256"_s].toString());
    QVERIFY(!media[u"sha256"_s].toString().isEmpty());
    QCOMPARE(media[u"filename"_s].toString(), filename);
    QCOMPARE(media[u"filename"_s].isNull(), filename.isEmpty());
    QCOMPARE(media[u"voice"_s], voice);
    QCOMPARE(media[u"animated"_s], animated);
    // Captions and the signed download URL stay out.
    const QString json = serialized(o);
    QVERIFY(!json.contains(u"lookaside"_s));
    const QString caption = n.result.original[type][u"caption"_s].toString();
    QVERIFY(caption.isEmpty() || !json.contains(caption));
}

void TestNormalizer::replies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("replyId");
    QTest::addColumn<QString>("hiddenTitle");
    QTest::newRow("button_reply") << u"wa_interactive_button_reply.json"_s << u"interactive"_s
                                  << u"button_reply"_s << u"jadwal-konsultasi-ya"_s
                                  << u"Ya, jadwalkan"_s;
    QTest::newRow("list_reply") << u"wa_interactive_list_reply.json"_s << u"interactive"_s
                                << u"list_reply"_s << u"layanan_perdata"_s << u"Hukum Perdata"_s;
    QTest::newRow("nfm_reply") << u"normalizer/wa_interactive_nfm_reply.json"_s << u"interactive"_s
                               << u"nfm_reply"_s << QString() << u"FLOW-TOKEN-0001"_s;
    QTest::newRow("button") << u"wa_button_template_reply.json"_s << u"button"_s << QString()
                            << u"KONFIRMASI_HADIR"_s << u"Saya akan hadir"_s;
}

void TestNormalizer::replies()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(QString, kind);
    QFETCH(QString, replyId);
    QFETCH(QString, hiddenTitle);
    const Normalized n = single(file);
    const QJsonObject o = n.result.normalized;
    QCOMPARE(o[u"type"_s].toString(), type);
    if (type == u"interactive"_s) {
        const QJsonObject i = o[u"interactive"_s].toObject();
        QCOMPARE(i[u"kind"_s].toString(), kind);
        QVERIFY(i[u"original_kind"_s].isNull());
        QCOMPARE(i[u"reply_id"_s].isNull(), replyId.isEmpty());
        QCOMPARE(i[u"reply_id"_s].toString(), replyId);
        QVERIFY(o[u"button"_s].isNull());
    } else {
        QCOMPARE(o[u"button"_s][u"payload"_s].toString(), replyId);
        QVERIFY(o[u"interactive"_s].isNull());
    }
    // Every reply sample quotes the business message it answers.
    const QJsonObject c = o[u"context"_s].toObject();
    QCOMPARE(c[u"id"_s].toString(), n.result.original[u"context"_s][u"id"_s].toString());
    QCOMPARE(c[u"from_hash"_s].toString(), hashFor(kTenantA, kBusiness));
    QCOMPARE(c[u"forwarded"_s].toBool(true), false);
    QVERIFY(!serialized(o).contains(hiddenTitle));
    QVERIFY(!serialized(o).contains(kBusiness));
}

void TestNormalizer::reactions()
{
    const QJsonObject added = single(u"wa_reaction.json"_s).result.normalized;
    QCOMPARE(added[u"type"_s].toString(), u"reaction"_s);
    QCOMPARE(added[u"reaction"_s][u"message_id"_s].toString(),
             u"wamid.RkFLRS1XQU1JRC0wMDA5MDMtNjI4MTMwMDAwMDEwMQ=="_s);
    QCOMPARE(added[u"reaction"_s][u"removed"_s].toBool(true), false);
    const QJsonObject removed = single(u"wa_reaction_removed.json"_s).result.normalized;
    QCOMPARE(removed[u"reaction"_s][u"message_id"_s].toString(),
             u"wamid.RkFLRS1XQU1JRC0wMDA5MDMtNjI4MTMwMDAwMDEwMQ=="_s);
    QCOMPARE(removed[u"reaction"_s][u"removed"_s].toBool(false), true);
}

void TestNormalizer::orderAndSystem()
{
    const QJsonObject order = single(u"normalizer/wa_order.json"_s).result.normalized;
    QCOMPARE(order[u"type"_s].toString(), u"order"_s);
    QCOMPARE(order[u"order"_s][u"catalog_id"_s].toString(), u"300000000000001"_s);
    QCOMPARE(order[u"order"_s][u"item_count"_s].toInteger(), 2);
    QVERIFY(!serialized(order).contains(u"dijadwalkan"_s));

    const QJsonObject system =
        single(u"normalizer/wa_system_user_changed_number.json"_s).result.normalized;
    QCOMPARE(system[u"type"_s].toString(), u"system"_s);
    QCOMPARE(system[u"sender_hash"_s].toString(), hashFor(kTenantA, u"6281300000102"_s));
    QCOMPARE(system[u"system"_s][u"kind"_s].toString(), u"user_changed_number"_s);
    QCOMPARE(system[u"system"_s][u"new_sender_hash"_s].toString(),
             hashFor(kTenantA, u"6281300000199"_s));
    QVERIFY(!serialized(system).contains(u"6281300000199"_s));
    QVERIFY(!serialized(system).contains(u"Rina"_s));
}

void TestNormalizer::unsupportedAndUnknown_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("originalType");
    QTest::addColumn<int>("errorCode");
    QTest::newRow("unsupported") << u"wa_unsupported.json"_s << u"unsupported"_s
                                 << u"poll_creation"_s << 131051;
    QTest::newRow("legacy unknown")
        << u"normalizer/wa_unknown_legacy.json"_s << u"unknown"_s << u"unknown"_s << 131051;
    QTest::newRow("future type") << u"normalizer/wa_future_type.json"_s << u"unknown"_s << u"poll"_s
                                 << 0;
}

void TestNormalizer::unsupportedAndUnknown()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(QString, originalType);
    QFETCH(int, errorCode);
    const Normalized n = single(file);
    QVERIFY2(n.result.ok, qPrintable(n.result.error));
    const QJsonObject o = n.result.normalized;
    QCOMPARE(o[u"type"_s].toString(), type);
    QCOMPARE(o[u"original_type"_s].toString(), originalType);
    QCOMPARE(o[u"sender_hash"_s].toString(), hashFor(kTenantA, kBudi));
    QCOMPARE(o[u"content_ref"_s].toString(), u"raw:"_s + n.event.rawRef + u'#' + kInlineLocator);
    const QJsonArray errors = o[u"errors"_s].toArray();
    QCOMPARE(errors.isEmpty(), errorCode == 0);
    if (errorCode != 0) {
        QCOMPARE(errors.first()[u"code"_s].toInteger(), errorCode);
        QVERIFY(!errors.first()[u"title"_s].toString().isEmpty());
    }
    QVERIFY(!serialized(o).contains(u"Kapan Anda"_s));
}

void TestNormalizer::newTypesAreKept()
{
    // A message type Meta adds tomorrow, and an interactive reply kind and a status value
    // nobody knows yet: each normalizes, marked unknown, with the name it came with.
    const QByteArray call = wrapMessage(
        "{\"from\":\"6281300000101\",\"id\":\"wamid.NEW1\",\"timestamp\":\"1767225700\","
        "\"type\":\"call_log\",\"call_log\":{\"duration\":42}}");
    NormalizeResult r =
        normalizeEvent(whatsappRow(u"message.call_log"_s, u"wamid.NEW1"_s, kInlineLocator), call,
                       test::fixtureSenderKey(kTenantA));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.normalized[u"type"_s].toString(), u"unknown"_s);
    QCOMPARE(r.normalized[u"original_type"_s].toString(), u"call_log"_s);
    QCOMPARE(r.original[u"call_log"_s][u"duration"_s].toInt(), 42);

    const QByteArray reply = wrapMessage(
        "{\"from\":\"6281300000101\",\"id\":\"wamid.NEW2\",\"timestamp\":\"1767225701\","
        "\"type\":\"interactive\",\"interactive\":{\"type\":\"call_permission_reply\","
        "\"call_permission_reply\":{\"response\":\"accept\"}}}");
    r = normalizeEvent(whatsappRow(u"message.interactive"_s, u"wamid.NEW2"_s, kInlineLocator),
                       reply, test::fixtureSenderKey(kTenantA));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.normalized[u"interactive"_s][u"kind"_s].toString(), u"unknown"_s);
    QCOMPARE(r.normalized[u"interactive"_s][u"original_kind"_s].toString(),
             u"call_permission_reply"_s);
    QVERIFY(r.normalized[u"interactive"_s][u"reply_id"_s].isNull());

    // No type at all: the extractor files it as message.unknown.
    const QByteArray untyped =
        wrapMessage("{\"from\":\"6281300000101\",\"id\":\"wamid.NEW3\",\"timestamp\":\"1\"}");
    r = normalizeEvent(whatsappRow(u"message.unknown"_s, u"wamid.NEW3"_s, kInlineLocator), untyped,
                       test::fixtureSenderKey(kTenantA));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.normalized[u"type"_s].toString(), u"unknown"_s);
    QVERIFY(r.normalized[u"original_type"_s].isNull());

    const QByteArray status =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"100000000000001\","
        "\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":"
        "\"200000000000001\"},\"statuses\":[{\"id\":\"wamid.S1\",\"status\":\"deleted\","
        "\"timestamp\":\"1767225702\",\"recipient_id\":\"6281300000101\"}]}}]}]}";
    r = normalizeEvent(
        whatsappRow(u"status.deleted"_s, u"wamid.S1"_s, u"/entry/0/changes/0/value/statuses/0"_s),
        status, test::fixtureSenderKey(kTenantA));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.normalized[u"status"_s].toString(), u"unknown"_s);
    QCOMPARE(r.normalized[u"original_status"_s].toString(), u"deleted"_s);
    QCOMPARE(r.normalized[u"recipient_hash"_s].toString(), hashFor(kTenantA, kBudi));
}

void TestNormalizer::statuses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<QString>("pricingCategory");
    QTest::newRow("sent") << u"wa_status_sent.json"_s << u"sent"_s << kBudi << qint64(1767225701)
                          << 0 << u"utility"_s;
    QTest::newRow("delivered") << u"wa_status_delivered.json"_s << u"delivered"_s << kBudi
                               << qint64(1767225703) << 0 << u"utility"_s;
    QTest::newRow("read") << u"wa_status_read.json"_s << u"read"_s << kBudi << qint64(1767225760)
                          << 0 << QString();
    QTest::newRow("failed") << u"wa_status_failed.json"_s << u"failed"_s << u"6285700000103"_s
                            << qint64(1767225702) << 131049 << QString();
    QTest::newRow("played") << u"normalizer/wa_status_played.json"_s << u"played"_s << kBudi
                            << qint64(1767225790) << 0 << QString();
}

void TestNormalizer::statuses()
{
    QFETCH(QString, file);
    QFETCH(QString, status);
    QFETCH(QString, recipient);
    QFETCH(qint64, timestamp);
    QFETCH(int, errorCode);
    QFETCH(QString, pricingCategory);
    const Normalized n = single(file);
    const QJsonObject o = n.result.normalized;
    QCOMPARE(o[u"schema"_s].toString(), u"gerbang.normalized_status/1"_s);
    QCOMPARE(o[u"status"_s].toString(), status);
    QVERIFY(o[u"original_status"_s].isNull());
    QCOMPARE(o[u"wamid"_s].toString(), n.event.providerEventId);
    QCOMPARE(o[u"recipient_hash"_s].toString(), hashFor(kTenantA, recipient));
    QCOMPARE(o[u"timestamp"_s].toInteger(), timestamp);
    QCOMPARE(o[u"phone_number_id"_s].toString(), u"200000000000001"_s);
    QCOMPARE(o[u"waba_id"_s].toString(), u"100000000000001"_s);
    const QJsonArray errors = o[u"errors"_s].toArray();
    QCOMPARE(errors.size(), errorCode ? 1 : 0);
    if (errorCode)
        QCOMPARE(errors.first()[u"code"_s].toInteger(), errorCode);
    QCOMPARE(o[u"pricing"_s][u"category"_s].toString(), pricingCategory);
    QCOMPARE(o[u"pricing"_s].isNull(), pricingCategory.isEmpty());
    if (!pricingCategory.isEmpty()) {
        QCOMPARE(o[u"pricing"_s][u"billable"_s].toBool(false), true);
        QCOMPARE(o[u"pricing"_s][u"pricing_model"_s].toString(), u"PMP"_s);
    }
    QVERIFY(!serialized(o).contains(recipient));
    QVERIFY(!serialized(o).contains(u"matter:2026"_s)); // biz_opaque_callback_data
}

void TestNormalizer::batchKeepsEachObject()
{
    const QList<Normalized> all = normalizeFixture(u"normalizer/wa_batch_mixed.json"_s);
    QCOMPARE(all.size(), 5);
    QStringList types;
    for (const Normalized &n : all) {
        QVERIFY2(n.result.ok, qPrintable(n.result.error));
        types << n.result.normalized[u"type"_s].toString() +
                     n.result.normalized[u"status"_s].toString();
        QCOMPARE(n.result.normalized[u"wamid"_s].toString(), n.result.original[u"id"_s].toString());
    }
    QCOMPARE(types, QStringList({u"text"_s, u"video"_s, u"read"_s, u"delivered"_s, u"text"_s}));
    // A forwarded message has a context without a quoted message.
    const QJsonObject forwarded = all[0].result.normalized[u"context"_s].toObject();
    QCOMPARE(forwarded[u"forwarded"_s].toBool(false), true);
    QCOMPARE(forwarded[u"frequently_forwarded"_s].toBool(false), true);
    QVERIFY(forwarded[u"id"_s].isNull());
    QVERIFY(forwarded[u"from_hash"_s].isNull());
    // The late delivered keeps its own (earlier) timestamp, so the core can order them.
    QCOMPARE(all[2].result.normalized[u"timestamp"_s].toInteger(), 1767225640);
    QCOMPARE(all[3].result.normalized[u"timestamp"_s].toInteger(), 1767225639);
    QCOMPARE(all[3].result.normalized[u"pricing"_s][u"billable"_s].toBool(true), false);
    QCOMPARE(all[3].result.normalized[u"conversation"_s][u"origin_type"_s].toString(),
             u"service"_s);
    // The second entry belongs to tenant B: B's key, B's number ids.
    QCOMPARE(all[4].event.tenant, kTenantB);
    QCOMPARE(all[4].result.normalized[u"tenant"_s].toString(), kTenantB);
    QCOMPARE(all[4].result.normalized[u"sender_hash"_s].toString(),
             hashFor(kTenantB, u"6285700000103"_s));
    QCOMPARE(all[4].result.normalized[u"phone_number_id"_s].toString(), u"200000000000002"_s);
    QCOMPARE(all[4].result.normalized[u"waba_id"_s].toString(), u"100000000000002"_s);
    // The same person has different pseudonyms per tenant.
    QVERIFY(hashFor(kTenantA, kBudi) != hashFor(kTenantB, kBudi));
}

void TestNormalizer::largeBatchIsLinear()
{
    // Meta's largest batch: 1,000 messages in one POST, each event normalized on its own.
    QByteArray messages;
    for (int i = 0; i < 1000; ++i) {
        messages += (i ? "," : "") + QByteArray("{\"from\":\"62813") +
                    QByteArray::number(10000000 + i) + "\",\"id\":\"wamid.BATCH" +
                    QByteArray::number(i) + "\",\"timestamp\":\"1767225601\",\"type\":\"text\"," +
                    "\"text\":{\"body\":\"pesan nomor " + QByteArray::number(i) + "\"}}";
    }
    const QByteArray batch = wrapMessage(messages);
    const test::FixtureEvents rows = test::fixtureEvents(u"wa_generated.json"_s, batch);
    QVERIFY2(rows.ok, qPrintable(rows.error));
    QCOMPARE(rows.events.size(), 1000);
    const QByteArray key = test::fixtureSenderKey(kTenantA);
    const Normalized lone = single(u"wa_text.json"_s);

    // CPU time of this thread, so a busy machine or a sanitizer slows both runs alike.
    const auto cpuNs = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    };
    QList<NormalizeResult> results;
    results.reserve(1000);
    qint64 start = cpuNs();
    for (const WebhookEvent &e : rows.events)
        results << normalizeEvent(e, batch, key);
    const qint64 batchNs = cpuNs() - start;
    start = cpuNs();
    for (int i = 0; i < 1000; ++i)
        QVERIFY(normalizeEvent(lone.event, lone.payload, key).ok);
    const qint64 loneNs = cpuNs() - start;

    for (int i = 0; i < results.size(); ++i) {
        QVERIFY2(results[i].ok, qPrintable(results[i].error));
        QCOMPARE(results[i].normalized[u"wamid"_s].toString(), u"wamid.BATCH%1"_s.arg(i));
        QCOMPARE(results[i].normalized[u"sender_hash"_s].toString(),
                 hashFor(kTenantA, u"62813%1"_s.arg(10000000 + i)));
    }
    // An event of the ~150 KB batch must cost about what an event of a 1 KB payload costs.
    // Parsing the batch again for every event made it 50-80 times dearer (8 s for the batch).
    const QString timing =
        u"batch %1 ms, single-message payload %2 ms"_s.arg(batchNs / 1000000).arg(loneNs / 1000000);
    qInfo("%s", qPrintable(timing));
    QVERIFY2(batchNs < 3 * loneNs + 50000000, qPrintable(timing));
}

void TestNormalizer::eachPayloadIsItsOwn()
{
    // Two payloads of the same length that differ in one word, normalized alternately: the
    // per-thread parse cache must never hand one's objects to the other.
    const QByteArray morning = test::readFixture(u"wa_text.json"_s);
    QByteArray evening = morning;
    evening.replace("Selamat pagi", "Selamat sore");
    QCOMPARE(evening.size(), morning.size());
    const WebhookEvent row = single(u"wa_text.json"_s).event;
    const QByteArray key = test::fixtureSenderKey(kTenantA);
    for (int round = 0; round < 3; ++round) {
        for (const QByteArray &payload : {morning, evening}) {
            const NormalizeResult r = normalizeEvent(row, payload, key);
            QVERIFY(r.ok);
            QCOMPARE(r.original[u"text"_s][u"body"_s].toString().left(12),
                     payload == morning ? u"Selamat pagi"_s : u"Selamat sore"_s);
        }
    }
    // And a broken payload after a good one is still refused.
    QVERIFY(!normalizeEvent(row, morning.left(100), key).ok);
    QVERIFY(normalizeEvent(row, morning, key).ok);
}

void TestNormalizer::whatsAppChanges()
{
    const QJsonObject account = single(u"normalizer/wa_account_update.json"_s).result.normalized;
    QCOMPARE(account[u"schema"_s].toString(), u"gerbang.normalized_event/1"_s);
    QCOMPARE(account[u"provider"_s].toString(), u"whatsapp"_s);
    QCOMPARE(account[u"type"_s].toString(), u"account_update"_s);
    QCOMPARE(account[u"status"_s].toString(), u"VERIFIED_ACCOUNT"_s);
    QCOMPARE(account[u"occurred_at"_s].toString(), u"2026-01-01T00:05:00.000Z"_s); // entry.time
    QVERIFY(account[u"provider_event_id"_s].isNull());
    QVERIFY(!serialized(account).contains(kBusiness));

    const QJsonObject tpl =
        single(u"normalizer/wa_template_status_update.json"_s).result.normalized;
    QCOMPARE(tpl[u"type"_s].toString(), u"message_template_status_update"_s);
    QCOMPARE(tpl[u"status"_s].toString(), u"APPROVED"_s);

    const Normalized errors = single(u"wa_value_errors.json"_s);
    QCOMPARE(errors.result.normalized[u"type"_s].toString(), u"errors"_s);
    QCOMPARE(errors.result.normalized[u"errors"_s][0][u"code"_s].toInteger(), 130429);
    QCOMPARE(errors.result.normalized[u"errors"_s][0][u"title"_s].toString(), u"Rate limit hit"_s);
    QVERIFY(errors.result.normalized[u"occurred_at"_s].isNull());
}

void TestNormalizer::paymentAndGenericEvents_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("providerEventId");
    QTest::addColumn<QString>("occurredAt");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<qint64>("amountMinor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("status");
    QTest::newRow("stripe") << u"stripe_payment_intent_succeeded.json"_s << u"stripe"_s
                            << u"payment_intent.succeeded"_s << u"evt_3FAKEevent00000001"_s
                            << u"2026-01-01T00:06:45.000Z"_s << u"150000000"_s << qint64(150000000)
                            << u"IDR"_s << u"succeeded"_s;
    QTest::newRow("midtrans pending")
        << u"midtrans_pending_bank_transfer.json"_s << u"midtrans"_s << u"transaction.pending"_s
        << u"0f0f0f0f-1111-4222-8333-444455556666"_s << u"2026-01-01T02:15:20.000Z"_s
        << u"1500000.00"_s << qint64(150000000) << u"IDR"_s << u"pending"_s;
    QTest::newRow("midtrans settlement")
        << u"midtrans_settlement_bank_transfer.json"_s << u"midtrans"_s
        << u"transaction.settlement"_s << u"0f0f0f0f-1111-4222-8333-444455556666"_s
        << u"2026-01-01T02:15:20.000Z"_s << u"1500000.00"_s << qint64(150000000) << u"IDR"_s
        << u"settlement"_s;
    QTest::newRow("xendit") << u"xendit_invoice_paid.json"_s << u"xendit"_s << u"invoice.paid"_s
                            << u"65f0000000000000000000a1"_s << u"2026-01-01T03:20:12.000Z"_s
                            << u"2500000"_s << qint64(250000000) << u"IDR"_s << u"PAID"_s;
    QTest::newRow("standard") << u"standard_webhooks_contact_created.json"_s << u"standard"_s
                              << u"contact.created"_s << u"msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_s
                              << u"2022-11-03T20:26:10.345Z"_s << QString() << qint64(-1)
                              << QString() << QString();
    QTest::newRow("generic") << u"normalizer/generic_case_updated.json"_s << u"generic"_s
                             << u"case.updated"_s << u"case-evt-0001"_s << QString() << QString()
                             << qint64(-1) << QString() << QString();
}

void TestNormalizer::paymentAndGenericEvents()
{
    QFETCH(QString, file);
    QFETCH(QString, provider);
    QFETCH(QString, type);
    QFETCH(QString, providerEventId);
    QFETCH(QString, occurredAt);
    QFETCH(QString, amount);
    QFETCH(qint64, amountMinor);
    QFETCH(QString, currency);
    QFETCH(QString, status);
    const Normalized n = single(file);
    const QJsonObject o = n.result.normalized;
    QCOMPARE(o[u"schema"_s].toString(), u"gerbang.normalized_event/1"_s);
    QCOMPARE(o[u"provider"_s].toString(), provider);
    QCOMPARE(o[u"type"_s].toString(), type);
    QCOMPARE(o[u"provider_event_id"_s].toString(), providerEventId);
    QCOMPARE(o[u"occurred_at"_s].toString(), occurredAt);
    QCOMPARE(o[u"occurred_at"_s].isNull(), occurredAt.isEmpty());
    QCOMPARE(o[u"amount"_s].toString(), amount);
    QCOMPARE(o[u"amount"_s].isNull(), amount.isEmpty());
    QCOMPARE(o[u"amount_minor"_s].toInteger(-1), amountMinor);
    QCOMPARE(o[u"currency"_s].toString(), currency);
    QCOMPARE(o[u"status"_s].toString(), status);
    QCOMPARE(o[u"content_ref"_s].toString(), u"raw:"_s + n.event.rawRef + u'#');
    // The whole provider document is the original (the locator is the empty pointer).
    QCOMPARE(n.result.original, parse(n.payload));
    const QString json = serialized(o);
    QVERIFY(!json.contains(u"client@example.invalid"_s));
    QVERIFY(!json.contains(u"Budi Santoso"_s));
    QVERIFY(!json.contains(u"matter 2026"_s));
}

void TestNormalizer::xenditWrappedCallback()
{
    // Newer Xendit callbacks wrap the payment in `data`.
    WebhookEvent e;
    e.id = u"ev_x"_s;
    e.tenant = kTenantA;
    e.provider = u"xendit"_s;
    e.type = u"xendit.callback"_s;
    e.dedupKey = u"xendit:delivery:wh-1"_s;
    e.rawRef = u"raw_x"_s;
    e.receivedAtMs = 1767229200000;
    const QByteArray body = "{\"event\":\"payment.succeeded\",\"data\":{\"id\":\"py-1\","
                            "\"amount\":12500.5,\"currency\":\"php\",\"status\":\"SUCCEEDED\"}}";
    const NormalizeResult r = normalizeEvent(e, body, QByteArray());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.normalized[u"amount"_s].toString(), u"12500.5"_s);
    QCOMPARE(r.normalized[u"amount_minor"_s].toInteger(), 1250050);
    QCOMPARE(r.normalized[u"currency"_s].toString(), u"PHP"_s);
    QCOMPARE(r.normalized[u"status"_s].toString(), u"SUCCEEDED"_s);
    QVERIFY(r.normalized[u"provider_event_id"_s].isNull());
    QVERIFY(r.normalized[u"occurred_at"_s].isNull());
}

void TestNormalizer::amounts()
{
    using namespace normalize;
    QCOMPARE(minorUnits(u"1500000.00"_s, 2).toInteger(), 150000000);
    QCOMPARE(minorUnits(u"12.340"_s, 2).toInteger(), 1234);
    QCOMPARE(minorUnits(u"-5.5"_s, 2).toInteger(), -550);
    QCOMPARE(minorUnits(u"7"_s, 3).toInteger(), 7000);
    QCOMPARE(minorUnits(u"100"_s, 0).toInteger(), 100);
    QVERIFY(minorUnits(u"12.345"_s, 2).isNull()); // below the minor unit: ambiguous
    QVERIFY(minorUnits(u"1.5"_s, 0).isNull());
    QVERIFY(minorUnits(u"99999999999999999"_s, 2).isNull()); // not exact in JSON
    QVERIFY(minorUnits(u"1e5"_s, 2).isNull());
    QCOMPARE(currencyExponent(u"IDR"_s), 2);
    QCOMPARE(currencyExponent(u"JPY"_s), 0);
    QCOMPARE(currencyExponent(u"KWD"_s), 3);
    QCOMPARE(decimalText(QJsonValue(u"1500000.00"_s)).toString(), u"1500000.00"_s);
    QCOMPARE(decimalText(QJsonValue(2500000)).toString(), u"2500000"_s);
    QCOMPARE(decimalText(QJsonValue(0.1)).toString(), u"0.1"_s);
    QVERIFY(decimalText(QJsonValue(u"1,500"_s)).isNull());
    QVERIFY(decimalText(QJsonValue(u"1."_s)).isNull());
    QVERIFY(decimalText(QJsonValue(u".5"_s)).isNull());
    QVERIFY(decimalText(QJsonValue(u"-"_s)).isNull());
    QVERIFY(decimalText(QJsonValue(u""_s)).isNull());
    QCOMPARE(decimalText(QJsonValue(u"-0.50"_s)).toString(), u"-0.50"_s);
    QVERIFY(decimalText(QJsonValue(true)).isNull());
    QCOMPARE(currencyCode(QJsonValue(u"idr"_s)).toString(), u"IDR"_s);
    QVERIFY(currencyCode(QJsonValue(u"rupiah"_s)).isNull());
}

void TestNormalizer::senderHashIsHmac()
{
    const QByteArray key = test::fixtureSenderKey(kTenantA);
    QCOMPARE(key.size(), 32);
    QCOMPARE(senderHash(key, kBudi), independentHmac(key, kBudi));
    QCOMPARE(senderHash(key, kBudi), senderHash(key, kBudi));
    QVERIFY(senderHash(key, kBudi) != senderHash(key, u"6281300000102"_s));
    QVERIFY(senderHash(key, kBudi) != senderHash(test::fixtureSenderKey(kTenantB), kBudi));
    // Known answer (Python: hmac.new(bytes(range(32)), b"6281300000101", sha256).hexdigest()).
    QByteArray counting(32, Qt::Uninitialized);
    for (int i = 0; i < 32; ++i)
        counting[i] = char(i);
    QCOMPARE(senderHash(counting, kBudi),
             u"ae0c944113b5a9803abde7c3187d366ce6755e2d674b03a9866ead345d49386d"_s);
}

void TestNormalizer::stableIds()
{
    const QString key = u"wamid:wamid.RkFLRS1XQU1JRC0wMDAwMDEtNjI4MTMwMDAwMDEwMQ=="_s;
    const QString a = stableEventId(kTenantA, u"whatsapp"_s, key);
    QCOMPARE(stableEventId(kTenantA, u"whatsapp"_s, key), a);
    QVERIFY(stableEventId(kTenantB, u"whatsapp"_s, key) != a);
    QVERIFY(stableEventId(kTenantA, u"generic"_s, key) != a);
    QVERIFY(stableEventId(kTenantA, u"whatsapp"_s, key + u'x') != a);
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    QVERIFY(stableEventId(u"ab"_s, u"c"_s, u"d"_s) != stableEventId(u"a"_s, u"bc"_s, u"d"_s));
    // Known answers (Python: "gev_" + b32encode(sha256(b"firm-a\x1fwhatsapp\x1f" + key))
    // .lower()[:26]).
    QCOMPARE(a, u"gev_dtk5sycw6nkwkrxob73bvxww3t"_s);
    QCOMPARE(stableEventId(kTenantB, u"whatsapp"_s, key), u"gev_ougljip36bqyq7tcnyizrweovo"_s);

    // The same event stored twice (a retry to another gateway: other row id, other raw record,
    // other receive time) has the same id.
    const Normalized first = single(u"wa_text.json"_s);
    WebhookEvent retry = first.event;
    retry.id = u"ev_other_gateway"_s;
    retry.rawRef = u"raw_other"_s;
    retry.receivedAtMs += 3600000;
    const NormalizeResult again =
        normalizeEvent(retry, first.payload, test::fixtureSenderKey(kTenantA));
    QVERIFY(again.ok);
    QCOMPARE(again.normalized[u"id"_s], first.result.normalized[u"id"_s]);
    QCOMPARE(again.normalized[u"id"_s].toString(), a);
    QCOMPARE(again.normalized[u"sender_hash"_s], first.result.normalized[u"sender_hash"_s]);
    QVERIFY(again.normalized[u"gateway_event_id"_s] !=
            first.result.normalized[u"gateway_event_id"_s]);
}

void TestNormalizer::malformed_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("locator");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("wamid");
    const QByteArray text = test::readFixture(u"wa_text.json"_s);
    const QByteArray key = test::fixtureSenderKey(kTenantA);
    const QString msg = kInlineLocator;
    QTest::newRow("not JSON") << u"whatsapp"_s << u"message.text"_s << msg
                              << QByteArray("{\"entry\": [") << key << QString();
    QTest::newRow("empty payload")
        << u"whatsapp"_s << u"message.text"_s << msg << QByteArray() << key << QString();
    QTest::newRow("locator names nothing")
        << u"whatsapp"_s << u"message.text"_s << u"/entry/0/changes/0/value/messages/7"_s << text
        << key << QString();
    QTest::newRow("locator syntax")
        << u"whatsapp"_s << u"message.text"_s << u"entry/0/changes/0"_s << text << key << QString();
    QTest::newRow("bad escape") << u"whatsapp"_s << u"message.text"_s << u"/entry/~2"_s << text
                                << key << QString();
    QTest::newRow("locator at a string")
        << u"whatsapp"_s << u"message.text"_s << u"/entry/0/changes/0/value/messages/0/id"_s << text
        << key << QString();
    QTest::newRow("locator outside entry[].changes[]")
        << u"whatsapp"_s << u"message.text"_s << u"/object"_s << text << key << QString();
    QTest::newRow("another message's type")
        << u"whatsapp"_s << u"message.image"_s << msg << text << key << QString();
    QTest::newRow("status locator for a message")
        << u"whatsapp"_s << u"status.read"_s << msg << text << key << QString();
    QTest::newRow("no sender key")
        << u"whatsapp"_s << u"message.text"_s << msg << text << QByteArray() << QString();
    QTest::newRow("short sender key")
        << u"whatsapp"_s << u"message.text"_s << msg << text << QByteArray(16, 'k') << QString();
    QTest::newRow("another wamid at the locator")
        << u"whatsapp"_s << u"message.text"_s << msg << text << key << u"wamid.OTHER"_s;
    QTest::newRow("unknown provider")
        << u"telegram"_s << u"message.text"_s << msg << text << key << QString();
    QTest::newRow("stripe: array at the locator")
        << u"stripe"_s << u"payment_intent.succeeded"_s << QString() << QByteArray("[1,2]") << key
        << QString();
    QTest::newRow("midtrans: locator names nothing")
        << u"midtrans"_s << u"transaction.settlement"_s << u"/nope"_s
        << test::readFixture(u"midtrans_settlement_bank_transfer.json"_s) << key << QString();
}

void TestNormalizer::malformed()
{
    QFETCH(QString, provider);
    QFETCH(QString, type);
    QFETCH(QString, locator);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, key);
    QFETCH(QString, wamid);
    WebhookEvent e = whatsappRow(type, wamid, locator);
    e.provider = provider;
    const NormalizeResult r = normalizeEvent(e, payload, key);
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
    QVERIFY(r.normalized.isEmpty());
    // The reason names the problem, never the payload's content.
    QVERIFY(!r.error.contains(u"Selamat"_s));
    QVERIFY(!r.error.contains(kBudi));

    // Control: the same row, payload and key with nothing wrong normalize.
    if (provider == u"whatsapp"_s) {
        const NormalizeResult good = normalizeEvent(
            whatsappRow(u"message.text"_s, u"wamid.RkFLRS1XQU1JRC0wMDAwMDEtNjI4MTMwMDAwMDEwMQ=="_s,
                        kInlineLocator),
            test::readFixture(u"wa_text.json"_s), test::fixtureSenderKey(kTenantA));
        QVERIFY2(good.ok, qPrintable(good.error));
    }
}

QTEST_GUILESS_MAIN(TestNormalizer)
#include "tst_normalizer.moc"
