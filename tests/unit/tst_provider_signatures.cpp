// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "verify/GenericSignature.h"
#include "verify/MidtransSignature.h"
#include "verify/StandardWebhooksSignature.h"
#include "verify/StripeSignature.h"
#include "verify/XenditToken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace gerbang;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(gerbang::SignatureStatus)

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;
using Secrets = QList<QByteArray>;

// Published vectors (BRIEF §7) and fixture secrets (tests/data/FIXTURES.md).
const QByteArray kStripeVectorSecret = "whsec_test_secret";
const QByteArray kStripeVectorBody = "{\"id\":\"evt_test_webhook\",\"object\":\"event\"}";
const QByteArray kStripeVectorV1 =
    "d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990";
const QByteArray kStripeSecret = "whsec_test_FAKEsecret0123456789";
const QByteArray kStripeOldSecret = "whsec_test_OLDsecret9876543210";
const QByteArray kStripeFixtureV1 =
    "3372f28035e62ac6e7c7fb0d8a29c82b74b4f987782158893c00abb5c60cdc76";
const QByteArray kStripeFixtureOldV1 =
    "d80a1945d6620d847045d335dbdc5c541f1ee0d6c6b05ce8155df7cfc036d387";
constexpr qint64 kStripeFixtureT = 1767226010;

const QByteArray kMidtransDocsKey = "askvnoibnosifnboseofinbofinfgbiufglnbfg";
const QByteArray kMidtransDocsSignature =
    "edc076b21793ebe3e17926350f5b8ae67d902fe657b3d0aa31b932d5c127e2375d308a2bc94f3265ac2d80a1f181a7"
    "9b997ac178a236fcff35af263fc4d4c231";
const QByteArray kMidtransKey = "SB-Mid-server-FAKEFAKEFAKEFAKEFAKE";

const QByteArray kXenditToken = "xnd_fake_callback_token_0123456789abcdef";

const QByteArray kGithubSecret = "It's a Secret to Everybody";
const QByteArray kGithubSignature =
    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

const QByteArray kSwSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const QByteArray kSwVectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
constexpr qint64 kSwVectorT = 1614265330;
const QByteArray kSwVectorBody = "{\"test\": 2432232314}";
const QByteArray kSwVectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
const QByteArray kSwFixtureId = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
constexpr qint64 kSwFixtureT = 1674087231;
const QByteArray kSwFixtureSignature = "v1,ARw42xaAApl/nxRo+iPGYwSaMQaOwMo2eyH5JBRA+bQ=";

const QByteArray kNotUtf8 = QByteArray("{\"id\":\"\xff\xfe\xc3\x28\"}\x80", 14);

// Signatures built the way each provider's SDK builds them.
QByteArray stripeV1(QByteArrayView secret, qint64 t, QByteArrayView body)
{
    return crypto::hmacSha256(secret, {QByteArray::number(t), ".", body}).toHex();
}
QByteArray stripeHeader(QByteArrayView secret, qint64 t, QByteArrayView body)
{
    return "t=" + QByteArray::number(t) + ",v1=" + stripeV1(secret, t, body);
}
QByteArray swSign(QByteArrayView secret, QByteArrayView id, qint64 t, QByteArrayView body)
{
    const QByteArray key = QByteArray::fromBase64(secret.toByteArray().mid(6));
    return crypto::hmacSha256(key, {id, ".", QByteArray::number(t), ".", body}).toBase64();
}
QByteArray midtransSignature(QByteArrayView orderId, QByteArrayView status, QByteArrayView gross,
                             QByteArrayView key)
{
    return crypto::sha512(QByteArray(orderId.toByteArray() + status.toByteArray() +
                                     gross.toByteArray() + key.toByteArray()))
        .toHex();
}
QByteArray midtransBody(QByteArrayView orderId, QByteArrayView status, QByteArrayView gross,
                        QByteArrayView signature)
{
    return "{\"order_id\":\"" + orderId.toByteArray() + "\",\"status_code\":\"" +
           status.toByteArray() + "\",\"gross_amount\":\"" + gross.toByteArray() +
           "\",\"transaction_status\":\"settlement\",\"signature_key\":\"" +
           signature.toByteArray() + "\"}";
}

http::HttpRequest request(const Headers &headers, const QByteArray &body)
{
    http::HttpRequest r;
    r.method = "POST";
    r.headers = headers;
    r.headers.append(std::pair<QByteArray, QByteArray>("content-type", "application/json"));
    r.body = body;
    return r;
}

using Verifier = VerifyResult (*)(const VerifyInput &);

// Everything a diagnostics object must never contain for these secrets and this request:
// the secrets (raw, hex, base64), every signature an attacker would like to learn, in every
// encoding we use, and the signature values the request carried.
QList<QByteArray> forbiddenFor(const Secrets &secrets, const http::HttpRequest &req)
{
    QList<QByteArray> out;
    for (const QByteArray &s : secrets) {
        if (s.size() < 4)
            continue;
        out << s << s.toHex() << s.toBase64();
        out << crypto::hmacSha256(s, req.body).toHex();
        out << crypto::hmacSha256(s, req.body).toBase64();
        const QByteArray t = req.header("webhook-timestamp");
        const QByteArray id = req.header("webhook-id");
        const QByteArray swKey = standardWebhooksKey(s);
        if (!swKey.isNull())
            out << crypto::hmacSha256(swKey, {id, ".", t, ".", req.body}).toBase64();
        static const QRegularExpression stripeT(u"t=(\\d+)"_s);
        const auto m = stripeT.match(QString::fromLatin1(req.header("stripe-signature")));
        if (m.hasMatch())
            out << stripeV1(s, m.captured(1).toLongLong(), req.body);
        const QJsonObject o = QJsonDocument::fromJson(req.body).object();
        out << crypto::sha512(QByteArray(o.value(u"order_id"_s).toString().toUtf8() +
                                         o.value(u"status_code"_s).toString().toUtf8() +
                                         o.value(u"gross_amount"_s).toString().toUtf8() + s))
                   .toHex();
    }
    // Signature values the request carried (hex digests and base64 items).
    static const QRegularExpression sigs(u"[0-9a-fA-F]{64,}|[A-Za-z0-9+/]{43}="_s);
    for (const auto &[name, value] : req.headers) {
        for (auto it = sigs.globalMatch(QString::fromLatin1(value)); it.hasNext();)
            out << it.next().captured().toLatin1();
    }
    const QString sigKey =
        QJsonDocument::fromJson(req.body).object().value(u"signature_key"_s).toString();
    if (sigKey.size() >= 16)
        out << sigKey.toLatin1();
    return out;
}

void checkDiagnostics(const VerifyResult &r, const Secrets &secrets, const http::HttpRequest &req)
{
    const QByteArray text = QJsonDocument(r.diagnostics).toJson(QJsonDocument::Compact);
    for (const QByteArray &f : forbiddenFor(secrets, req)) {
        if (text.contains(f) || text.toLower().contains(f.toLower()))
            QFAIL(qPrintable(
                u"diagnostics leak a secret or signature: %1"_s.arg(QString::fromLatin1(text))));
    }
    // What an admin needs is always there.
    QVERIFY(r.diagnostics.contains(u"scheme"_s));
    QVERIFY(r.diagnostics.contains(u"header"_s));
    QCOMPARE(r.diagnostics.value(u"body_length"_s).toInteger(), req.body.size());
    QCOMPARE(r.diagnostics.value(u"body_sha256"_s).toString().toLatin1(),
             crypto::sha256(req.body).toHex());
    QCOMPARE(r.diagnostics.value(u"content_type"_s).toString(), u"application/json"_s);
    // Only an accepted request names a secret.
    if (r.status == SignatureStatus::Valid)
        QVERIFY(r.matchedSecret >= 0 && r.matchedSecret < secrets.size());
    else
        QCOMPARE(r.matchedSecret, -1);
}

void addColumns()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Secrets>("secrets");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("tolerance");
    QTest::addColumn<SignatureStatus>("expected");
    QTest::addColumn<int>("matched");
}

void runRow(Verifier verify)
{
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(Secrets, secrets);
    QFETCH(qint64, now);
    QFETCH(int, tolerance);
    QFETCH(SignatureStatus, expected);
    QFETCH(int, matched);
    const http::HttpRequest req = request(headers, body);
    const VerifyResult r = verify(VerifyInput{req, secrets, now, tolerance});
    if (r.status != expected)
        qWarning().noquote() << QJsonDocument(r.diagnostics).toJson(QJsonDocument::Compact);
    QCOMPARE(wire(r.status), wire(expected));
    QCOMPARE(r.matchedSecret, matched);
    checkDiagnostics(r, secrets, req);
}

constexpr auto V = SignatureStatus::Valid;
constexpr auto Missing = SignatureStatus::Missing;
constexpr auto Malformed = SignatureStatus::Malformed;
constexpr auto Mismatch = SignatureStatus::Mismatch;
constexpr auto Stale = SignatureStatus::StaleTimestamp;
constexpr auto Future = SignatureStatus::FutureTimestamp;

} // namespace

class TestProviderSignatures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ---- Stripe ---------------------------------------------------------------------------
    void stripe_data()
    {
        addColumns();
        const QByteArray vb = kStripeVectorBody;
        const qint64 vt = 1700000000;
        const Secrets vs{kStripeVectorSecret};
        const QByteArray vh = "t=1700000000,v1=" + kStripeVectorV1;
        auto sig = [](const QByteArray &h) { return Headers{{"stripe-signature", h}}; };

        QTest::newRow("published vector") << sig(vh) << vb << vs << vt << 300 << V << 0;
        QCOMPARE(stripeHeader(kStripeVectorSecret, vt, vb), vh); // our SDK-style signer agrees
        QTest::newRow("published vector, 300 s old")
            << sig(vh) << vb << vs << vt + 300 << 300 << V << 0;
        QTest::newRow("published vector, 301 s old")
            << sig(vh) << vb << vs << vt + 301 << 300 << Stale << -1;
        QTest::newRow("published vector, 300 s ahead")
            << sig(vh) << vb << vs << vt - 300 << 300 << V << 0;
        QTest::newRow("published vector, 301 s ahead")
            << sig(vh) << vb << vs << vt - 301 << 300 << Future << -1;
        QTest::newRow("stale and wrong secret: mismatch, not stale")
            << sig(vh) << vb << Secrets{"whsec_other"} << vt + 9999 << 300 << Mismatch << -1;
        QTest::newRow("future and tampered: mismatch, not future")
            << sig(vh) << QByteArray(vb + " ") << vs << vt - 9999 << 300 << Mismatch << -1;
        QTest::newRow("tolerance 0 disables the window")
            << sig(vh) << vb << vs << vt + 86400 * 365 << 0 << V << 0;
        QTest::newRow("configured tolerance 600")
            << sig(vh) << vb << vs << vt + 599 << 600 << V << 0;

        const QByteArray fb = test::readFixture(u"stripe_payment_intent_succeeded.json"_s);
        const qint64 ft = kStripeFixtureT;
        const QByteArray fh = "t=1767226010,v1=" + kStripeFixtureV1;
        const QByteArray rotation = fh + ",v1=" + kStripeFixtureOldV1;
        QTest::newRow("fixture") << sig(fh) << fb << Secrets{kStripeSecret} << ft + 5 << 300 << V
                                 << 0;
        QTest::newRow("fixture rotation header, current secret")
            << sig(rotation) << fb << Secrets{kStripeSecret} << ft << 300 << V << 0;
        QTest::newRow("fixture rotation header, old secret only")
            << sig(rotation) << fb << Secrets{kStripeOldSecret} << ft << 300 << V << 0;
        QTest::newRow("fixture rotation header, both secrets")
            << sig(rotation) << fb << Secrets{kStripeSecret, kStripeOldSecret} << ft << 300 << V
            << 0;
        QTest::newRow("previous secret matched")
            << sig("t=1767226010,v1=" + kStripeFixtureOldV1) << fb
            << Secrets{kStripeSecret, kStripeOldSecret} << ft << 300 << V << 1;
        QTest::newRow("rotation header, unrelated secrets")
            << sig(rotation) << fb << Secrets{"whsec_x", "whsec_y"} << ft << 300 << Mismatch << -1;
        QByteArray tampered = fb;
        tampered.replace("150000000", "150000001");
        QTest::newRow("tampered body")
            << sig(fh) << tampered << Secrets{kStripeSecret} << ft << 300 << Mismatch << -1;
        QTest::newRow("re-serialised body")
            << sig(fh) << QJsonDocument::fromJson(fb).toJson(QJsonDocument::Compact)
            << Secrets{kStripeSecret} << ft << 300 << Mismatch << -1;
        QTest::newRow("wrong secret")
            << sig(fh) << fb << Secrets{kStripeOldSecret} << ft << 300 << Mismatch << -1;
        QTest::newRow("secret without whsec_ prefix is another key")
            << sig(fh) << fb << Secrets{kStripeSecret.mid(6)} << ft << 300 << Mismatch << -1;
        QTest::newRow("other timestamp in header")
            << sig("t=1767226011,v1=" + kStripeFixtureV1) << fb << Secrets{kStripeSecret} << ft
            << 300 << Mismatch << -1;

        QTest::newRow("extra spaces around items")
            << sig("  t=1700000000 ,   v1=" + kStripeVectorV1 + " \t") << vb << vs << vt << 300 << V
            << 0;
        QTest::newRow("trailing comma") << sig(vh + ",") << vb << vs << vt << 300 << V << 0;
        QTest::newRow("uppercase hex") << sig("t=1700000000,v1=" + kStripeVectorV1.toUpper()) << vb
                                       << vs << vt << 300 << V << 0;
        QTest::newRow("v0 and unknown schemes beside v1")
            << sig("t=1700000000,v0=" + QByteArray(64, 'a') + ",v1=" + kStripeVectorV1 +
                   ",v9=zz,scheme=x")
            << vb << vs << vt << 300 << V << 0;
        QTest::newRow("multiple v1, second matches")
            << sig("t=1700000000,v1=" + QByteArray(64, '0') + ",v1=" + kStripeVectorV1) << vb << vs
            << vt << 300 << V << 0;
        QTest::newRow("multiple v1, none matches")
            << sig("t=1700000000,v1=" + QByteArray(64, '0') + ",v1=" + QByteArray(64, 'f')) << vb
            << vs << vt << 300 << Mismatch << -1;
        QTest::newRow("timestamp after the signatures")
            << sig("v1=" + kStripeVectorV1 + ",t=1700000000") << vb << vs << vt << 300 << V << 0;
        QTest::newRow("leading zeros in t are signed as sent")
            << sig("t=01700000000,v1=" +
                   crypto::hmacSha256(kStripeVectorSecret, QByteArray("01700000000." + vb)).toHex())
            << vb << vs << vt << 300 << V << 0;
        // A correct HMAC under another scheme name is never accepted.
        QTest::newRow("correct hmac under v0 only") << sig("t=1700000000,v0=" + kStripeVectorV1)
                                                    << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("unknown schemes only") << sig("t=1700000000,v0=abc,v2=" + kStripeVectorV1)
                                              << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("v1 key with spaces inside is another scheme")
            << sig("t=1700000000,v1 =" + kStripeVectorV1) << vb << vs << vt << 300 << Malformed
            << -1;

        QTest::newRow("absent header") << Headers{} << vb << vs << vt << 300 << Missing << -1;
        QTest::newRow("empty header") << sig("") << vb << vs << vt << 300 << Missing << -1;
        QTest::newRow("blank header") << sig("  \t ") << vb << vs << vt << 300 << Missing << -1;
        QTest::newRow("other scheme's header only")
            << Headers{{"x-hub-signature-256", "sha256=" + kStripeVectorV1}} << vb << vs << vt
            << 300 << Missing << -1;
        QTest::newRow("repeated header")
            << Headers{{"stripe-signature", vh}, {"stripe-signature", vh}} << vb << vs << vt << 300
            << Malformed << -1;
        QTest::newRow("no timestamp")
            << sig("v1=" + kStripeVectorV1) << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("two timestamps") << sig("t=1700000000,t=1700000000,v1=" + kStripeVectorV1)
                                        << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("empty timestamp")
            << sig("t=,v1=" + kStripeVectorV1) << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("negative timestamp") << sig("t=-1700000000,v1=" + kStripeVectorV1) << vb
                                            << vs << vt << 300 << Malformed << -1;
        QTest::newRow("timestamp in exponent form")
            << sig("t=1.7e9,v1=" + kStripeVectorV1) << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("timestamp overflowing 64 bits")
            << sig("t=99999999999999999999999,v1=" + kStripeVectorV1) << vb << vs << vt << 300
            << Malformed << -1;
        QTest::newRow("no v1") << sig("t=1700000000") << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("v1 63 hex digits") << sig("t=1700000000,v1=" + kStripeVectorV1.left(63))
                                          << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("v1 non-hex") << sig("t=1700000000,v1=" + kStripeVectorV1.left(63) + "g")
                                    << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("v1 base64 instead of hex")
            << sig("t=1700000000,v1=" + QByteArray::fromHex(kStripeVectorV1).toBase64()) << vb << vs
            << vt << 300 << Malformed << -1;
        QTest::newRow("one good v1 and one malformed v1")
            << sig(vh + ",v1=nothex") << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("item without '='")
            << sig(vh + ",garbage") << vb << vs << vt << 300 << Malformed << -1;
        QTest::newRow("semicolons instead of commas") << sig("t=1700000000;v1=" + kStripeVectorV1)
                                                      << vb << vs << vt << 300 << Malformed << -1;

        QTest::newRow("empty body signed")
            << sig(stripeHeader(kStripeSecret, vt, "")) << QByteArray() << Secrets{kStripeSecret}
            << vt << 300 << V << 0;
        QTest::newRow("empty body, signature of another body")
            << sig(vh) << QByteArray() << vs << vt << 300 << Mismatch << -1;
        QTest::newRow("body not UTF-8 signed")
            << sig(stripeHeader(kStripeSecret, vt, kNotUtf8)) << kNotUtf8 << Secrets{kStripeSecret}
            << vt << 300 << V << 0;
        QTest::newRow("body not UTF-8, one byte changed")
            << sig(stripeHeader(kStripeSecret, vt, kNotUtf8))
            << QByteArray(kNotUtf8).replace('\xff', '\xfe') << Secrets{kStripeSecret} << vt << 300
            << Mismatch << -1;
        QTest::newRow("no secret configured")
            << sig(vh) << vb << Secrets{} << vt << 300 << Mismatch << -1;
        // An empty key is public knowledge: a header signed with it must not pass.
        QTest::newRow("empty secret is not a wildcard")
            << sig(stripeHeader("", vt, vb)) << vb << Secrets{QByteArray()} << vt << 300 << Mismatch
            << -1;
        QTest::newRow("empty secret beside a real one")
            << sig(stripeHeader("", vt, vb)) << vb << Secrets{QByteArray(), kStripeVectorSecret}
            << vt << 300 << Mismatch << -1;
    }
    void stripe() { runRow(verifyStripe); }

    void stripeDiagnostics()
    {
        const QByteArray fb = test::readFixture(u"stripe_payment_intent_succeeded.json"_s);
        const http::HttpRequest req =
            request({{"stripe-signature", "t=1767226010,v1=" + kStripeFixtureV1 + ",v1=" +
                                              kStripeFixtureOldV1 + ",v0=" + QByteArray(64, 'a')}},
                    fb);
        const Secrets secrets{kStripeOldSecret};
        const VerifyResult r = verifyStripe({req, secrets, kStripeFixtureT + 400, 300});
        QCOMPARE(r.status, Stale);
        const QJsonObject &d = r.diagnostics;
        QCOMPARE(d.value(u"header"_s).toString(), u"stripe-signature"_s);
        QCOMPARE(d.value(u"schemes"_s).toArray(), QJsonArray({u"t"_s, u"v1"_s, u"v0"_s}));
        QCOMPARE(d.value(u"v1_count"_s).toInt(), 2);
        QCOMPARE(d.value(u"timestamp_skew_secs"_s).toInteger(), qint64(400));
        QCOMPARE(d.value(u"body_length"_s).toInteger(), fb.size());
        checkDiagnostics(r, secrets, req);

        // Scheme names from a hostile header are cleaned and capped.
        QByteArray hostile = "t=1,v1=" + QByteArray(64, '0');
        for (int i = 0; i < 50; ++i)
            hostile += ",\x01long-scheme-name-" + QByteArray::number(i) + "=x";
        const VerifyResult h =
            verifyStripe({request({{"stripe-signature", hostile}}, fb), secrets, 1, 300});
        QCOMPARE(h.status, Mismatch);
        QVERIFY(h.diagnostics.value(u"schemes"_s).toArray().size() <= 8);
        for (const QJsonValue &v : h.diagnostics.value(u"schemes"_s).toArray())
            QVERIFY(v.toString().size() <= 16 && !v.toString().contains(QChar(1)));
    }

    // ---- Midtrans -------------------------------------------------------------------------
    void midtrans_data()
    {
        addColumns();
        const Secrets docs{kMidtransDocsKey};
        const QByteArray docsBody =
            midtransBody("1111", "200", "100000.00", kMidtransDocsSignature);
        QCOMPARE(midtransSignature("1111", "200", "100000.00", kMidtransDocsKey),
                 kMidtransDocsSignature);
        QTest::newRow("published docs vector")
            << Headers{} << docsBody << docs << 0ll << 300 << V << 0;
        QTest::newRow("docs vector, uppercase hex")
            << Headers{}
            << midtransBody("1111", "200", "100000.00", kMidtransDocsSignature.toUpper()) << docs
            << 0ll << 300 << V << 0;
        // The hash is over the string values, so JSON escapes in the wire form do not matter.
        QTest::newRow("docs vector, escaped digits in order_id")
            << Headers{}
            << midtransBody("\\u0031\\u0031\\u0031\\u0031", "200", "100000.00",
                            kMidtransDocsSignature)
            << docs << 0ll << 300 << V << 0;
        QTest::newRow("docs vector, wrong key")
            << Headers{} << docsBody << Secrets{kMidtransKey} << 0ll << 300 << Mismatch << -1;
        QTest::newRow("docs vector, gross_amount reformatted")
            << Headers{} << midtransBody("1111", "200", "100000", kMidtransDocsSignature) << docs
            << 0ll << 300 << Mismatch << -1;
        QTest::newRow("gross_amount as a JSON number is malformed")
            << Headers{}
            << QByteArray(
                   "{\"order_id\":\"1111\",\"status_code\":\"200\",\"gross_amount\":100000.00,"
                   "\"signature_key\":\"" +
                   kMidtransDocsSignature + "\"}")
            << docs << 0ll << 300 << Malformed << -1;
        QTest::newRow("status_code as a JSON number is malformed")
            << Headers{}
            << QByteArray(
                   "{\"order_id\":\"1111\",\"status_code\":200,\"gross_amount\":\"100000.00\","
                   "\"signature_key\":\"" +
                   kMidtransDocsSignature + "\"}")
            << docs << 0ll << 300 << Malformed << -1;

        const QByteArray pending = test::readFixture(u"midtrans_pending_bank_transfer.json"_s);
        const QByteArray settlement =
            test::readFixture(u"midtrans_settlement_bank_transfer.json"_s);
        const Secrets key{kMidtransKey};
        QTest::newRow("fixture pending") << Headers{} << pending << key << 0ll << 300 << V << 0;
        QTest::newRow("fixture settlement")
            << Headers{} << settlement << key << 0ll << 300 << V << 0;
        QTest::newRow("previous server key matched")
            << Headers{} << settlement << Secrets{"SB-Mid-server-NEWNEWNEW", kMidtransKey} << 0ll
            << 300 << V << 1;
        QTest::newRow("both keys, current first")
            << Headers{} << settlement << Secrets{kMidtransKey, "SB-Mid-server-NEWNEWNEW"} << 0ll
            << 300 << V << 0;
        QByteArray amount = settlement;
        amount.replace("\"1500000.00\"", "\"1500001.00\"");
        QTest::newRow("tampered gross_amount")
            << Headers{} << amount << key << 0ll << 300 << Mismatch << -1;
        QByteArray code = settlement;
        code.replace("\"status_code\": \"200\"", "\"status_code\": \"201\"");
        QVERIFY(code != settlement);
        QTest::newRow("tampered status_code")
            << Headers{} << code << key << 0ll << 300 << Mismatch << -1;
        // Pending's signature pasted into the settlement body: status_code differs.
        QByteArray swapped = settlement;
        swapped.replace(QJsonDocument::fromJson(settlement)
                            .object()
                            .value(u"signature_key"_s)
                            .toString()
                            .toLatin1(),
                        QJsonDocument::fromJson(pending)
                            .object()
                            .value(u"signature_key"_s)
                            .toString()
                            .toLatin1());
        QTest::newRow("signature of the other notification")
            << Headers{} << swapped << key << 0ll << 300 << Mismatch << -1;
        // Midtrans signs only three fields plus the key: an unsigned field can change without
        // breaking the signature (why the dedup key and the console must not trust it alone).
        QByteArray unsignedField = settlement;
        unsignedField.replace("\"settlement_time\": \"2026-01-01 09:16:02\"",
                              "\"settlement_time\": \"2026-01-01 09:16:03\"");
        QVERIFY(unsignedField != settlement);
        QTest::newRow("unsigned field changed (not covered by Midtrans)")
            << Headers{} << unsignedField << key << 0ll << 300 << V << 0;

        QTest::newRow("signature_key absent")
            << Headers{}
            << QByteArray("{\"order_id\":\"1\",\"status_code\":\"200\",\"gross_amount\":\"1\"}")
            << key << 0ll << 300 << Missing << -1;
        QTest::newRow("signature_key empty")
            << Headers{} << midtransBody("1", "200", "1", "") << key << 0ll << 300 << Missing << -1;
        QTest::newRow("signature_key null")
            << Headers{}
            << QByteArray("{\"order_id\":\"1\",\"status_code\":\"200\",\"gross_amount\":\"1\","
                          "\"signature_key\":null}")
            << key << 0ll << 300 << Missing << -1;
        QTest::newRow("signature_key a number")
            << Headers{}
            << QByteArray("{\"order_id\":\"1\",\"status_code\":\"200\",\"gross_amount\":\"1\","
                          "\"signature_key\":12}")
            << key << 0ll << 300 << Malformed << -1;
        QTest::newRow("order_id missing")
            << Headers{}
            << QByteArray(
                   "{\"status_code\":\"200\",\"gross_amount\":\"100000.00\",\"signature_key\":\"" +
                   kMidtransDocsSignature + "\"}")
            << docs << 0ll << 300 << Malformed << -1;
        QTest::newRow("signature 127 hex digits")
            << Headers{}
            << midtransBody("1111", "200", "100000.00", kMidtransDocsSignature.left(127)) << docs
            << 0ll << 300 << Malformed << -1;
        QTest::newRow("signature is a SHA-256")
            << Headers{}
            << midtransBody("1111", "200", "100000.00", kMidtransDocsSignature.left(64)) << docs
            << 0ll << 300 << Malformed << -1;
        QTest::newRow("signature non-hex")
            << Headers{}
            << midtransBody("1111", "200", "100000.00",
                            QByteArray(kMidtransDocsSignature.left(127) + "z"))
            << docs << 0ll << 300 << Malformed << -1;
        QTest::newRow("empty body")
            << Headers{} << QByteArray() << key << 0ll << 300 << Malformed << -1;
        QTest::newRow("body not JSON") << Headers{} << QByteArray("order_id=1111&status_code=200")
                                       << key << 0ll << 300 << Malformed << -1;
        QTest::newRow("body a JSON array")
            << Headers{} << QByteArray("[]") << key << 0ll << 300 << Malformed << -1;
        QTest::newRow("body not UTF-8")
            << Headers{} << kNotUtf8 << key << 0ll << 300 << Malformed << -1;
        QTest::newRow("no server key configured")
            << Headers{} << docsBody << Secrets{} << 0ll << 300 << Mismatch << -1;
        // With an empty key the signature is SHA-512 of public fields: anyone could make it.
        QTest::newRow("empty server key is not a wildcard")
            << Headers{}
            << midtransBody("1111", "200", "100000.00",
                            midtransSignature("1111", "200", "100000.00", ""))
            << Secrets{QByteArray()} << 0ll << 300 << Mismatch << -1;
    }
    void midtrans() { runRow(verifyMidtrans); }

    void midtransDiagnostics()
    {
        const http::HttpRequest req = request(
            {}, QByteArray("{\"order_id\":\"1\",\"gross_amount\":\"1\",\"signature_key\":\"") +
                    QByteArray(128, 'a') + "\"}");
        const Secrets secrets{kMidtransKey};
        const VerifyResult r = verifyMidtrans({req, secrets, 0, 300});
        QCOMPARE(r.status, Malformed);
        QCOMPARE(r.diagnostics.value(u"field"_s).toString(), u"signature_key"_s);
        QCOMPARE(r.diagnostics.value(u"fields_present"_s).toArray(),
                 QJsonArray({u"order_id"_s, u"gross_amount"_s}));
        checkDiagnostics(r, secrets, req);
    }

    // ---- Xendit ---------------------------------------------------------------------------
    void xendit_data()
    {
        addColumns();
        auto tok = [](const QByteArray &t) { return Headers{{"x-callback-token", t}}; };
        const QByteArray body = test::readFixture(u"xendit_invoice_paid.json"_s);
        const Secrets key{kXenditToken};
        QTest::newRow("fixture token") << tok(kXenditToken) << body << key << 0ll << 300 << V << 0;
        QTest::newRow("token with surrounding spaces")
            << tok(" " + kXenditToken + "\t") << body << key << 0ll << 300 << V << 0;
        QTest::newRow("previous token matched")
            << tok(kXenditToken) << body << Secrets{"xnd_new_token", kXenditToken} << 0ll << 300
            << V << 1;
        QTest::newRow("wrong token") << tok("xnd_fake_callback_token_0123456789abcdeX") << body
                                     << key << 0ll << 300 << Mismatch << -1;
        QTest::newRow("token prefix")
            << tok(kXenditToken.left(10)) << body << key << 0ll << 300 << Mismatch << -1;
        QTest::newRow("token with a suffix")
            << tok(kXenditToken + "0") << body << key << 0ll << 300 << Mismatch << -1;
        QTest::newRow("token in other case")
            << tok(kXenditToken.toUpper()) << body << key << 0ll << 300 << Mismatch << -1;
        // No body integrity: a different body with the right token is accepted. The
        // diagnostics say so, and TLS is what protects the body.
        QTest::newRow("tampered body still passes (static token)")
            << tok(kXenditToken) << QByteArray("{}") << key << 0ll << 300 << V << 0;
        QTest::newRow("empty body")
            << tok(kXenditToken) << QByteArray() << key << 0ll << 300 << V << 0;
        QTest::newRow("body not UTF-8")
            << tok(kXenditToken) << kNotUtf8 << key << 0ll << 300 << V << 0;
        QTest::newRow("absent header") << Headers{} << body << key << 0ll << 300 << Missing << -1;
        QTest::newRow("empty header") << tok("") << body << key << 0ll << 300 << Missing << -1;
        QTest::newRow("repeated header")
            << Headers{{"x-callback-token", kXenditToken}, {"x-callback-token", "other"}} << body
            << key << 0ll << 300 << Malformed << -1;
        QTest::newRow("no token configured")
            << tok(kXenditToken) << body << Secrets{} << 0ll << 300 << Mismatch << -1;
        QTest::newRow("empty configured token")
            << tok(kXenditToken) << body << Secrets{QByteArray()} << 0ll << 300 << Mismatch << -1;
    }
    void xendit() { runRow(verifyXendit); }

    void xenditDiagnostics()
    {
        const Secrets secrets{kXenditToken};
        for (const QByteArray &t : {kXenditToken, QByteArray("wrong"), QByteArray()}) {
            const http::HttpRequest req = request({{"x-callback-token", t}}, "{}");
            const VerifyResult r = verifyXendit({req, secrets, 0, 300});
            QCOMPARE(r.diagnostics.value(u"body_integrity"_s), QJsonValue(false));
            QCOMPARE(r.diagnostics.value(u"header"_s).toString(), u"x-callback-token"_s);
            checkDiagnostics(r, secrets, req);
        }
    }

    // ---- Generic --------------------------------------------------------------------------
    void generic_data()
    {
        addColumns();
        const QByteArray hello = "Hello, World!";
        const Secrets gh{kGithubSecret};
        QTest::newRow("published GitHub vector in X-Hub-Signature-256")
            << Headers{{"x-hub-signature-256", kGithubSignature}} << hello << gh << 0ll << 300 << V
            << 0;
        QTest::newRow("published GitHub vector in X-Webhook-Signature")
            << Headers{{"x-webhook-signature", kGithubSignature}} << hello << gh << 0ll << 300 << V
            << 0;
        QTest::newRow("X-Webhook-Signature wins over X-Hub-Signature-256")
            << Headers{{"x-hub-signature-256", kGithubSignature},
                       {"x-webhook-signature", "sha256=" + QByteArray(64, '0')}}
            << hello << gh << 0ll << 300 << Mismatch << -1;
        QTest::newRow("published vector, uppercase hex")
            << Headers{{"x-webhook-signature", "sha256=" + kGithubSignature.mid(7).toUpper()}}
            << hello << gh << 0ll << 300 << V << 0;
        QTest::newRow("published vector, surrounding spaces")
            << Headers{{"x-webhook-signature", "  " + kGithubSignature + " "}} << hello << gh << 0ll
            << 300 << V << 0;
        QTest::newRow("previous secret matched")
            << Headers{{"x-webhook-signature", kGithubSignature}} << hello
            << Secrets{"new secret", kGithubSecret} << 0ll << 300 << V << 1;
        QTest::newRow("tampered body")
            << Headers{{"x-webhook-signature", kGithubSignature}} << QByteArray("Hello, World?")
            << gh << 0ll << 300 << Mismatch << -1;
        QTest::newRow("wrong secret")
            << Headers{{"x-webhook-signature", kGithubSignature}} << hello
            << Secrets{"It's a Secret to Everybody."} << 0ll << 300 << Mismatch << -1;
        QTest::newRow("prefix required")
            << Headers{{"x-webhook-signature", kGithubSignature.mid(7)}} << hello << gh << 0ll
            << 300 << Malformed << -1;
        QTest::newRow("sha1 prefix")
            << Headers{{"x-webhook-signature", "sha1=" + kGithubSignature.mid(7)}} << hello << gh
            << 0ll << 300 << Malformed << -1;
        QTest::newRow("uppercase prefix")
            << Headers{{"x-webhook-signature", "SHA256=" + kGithubSignature.mid(7)}} << hello << gh
            << 0ll << 300 << Malformed << -1;
        QTest::newRow("short hex") << Headers{{"x-webhook-signature", kGithubSignature.chopped(1)}}
                                   << hello << gh << 0ll << 300 << Malformed << -1;
        QTest::newRow("absent") << Headers{} << hello << gh << 0ll << 300 << Missing << -1;
        QTest::newRow("empty") << Headers{{"x-webhook-signature", ""}} << hello << gh << 0ll << 300
                               << Missing << -1;
        QTest::newRow("repeated header") << Headers{{"x-webhook-signature", kGithubSignature},
                                                    {"x-webhook-signature", kGithubSignature}}
                                         << hello << gh << 0ll << 300 << Malformed << -1;
        QTest::newRow("empty body signed")
            << Headers{{"x-webhook-signature", test::hubSignature("", "s3cret")}} << QByteArray()
            << Secrets{"s3cret"} << 0ll << 300 << V << 0;
        QTest::newRow("body not UTF-8 signed")
            << Headers{{"x-webhook-signature", test::hubSignature(kNotUtf8, "s3cret")}} << kNotUtf8
            << Secrets{"s3cret"} << 0ll << 300 << V << 0;
        QTest::newRow("empty secret is not a wildcard")
            << Headers{{"x-webhook-signature", test::hubSignature(hello, "")}} << hello
            << Secrets{QByteArray()} << 0ll << 300 << Mismatch << -1;
    }
    void generic() { runRow(verifyGeneric); }

    void genericDiagnostics()
    {
        const Secrets secrets{kGithubSecret};
        const http::HttpRequest req =
            request({{"x-hub-signature-256", "sha1=" + kGithubSignature.mid(7, 40)}}, "x");
        const VerifyResult r = verifyGeneric({req, secrets, 0, 300});
        QCOMPARE(r.status, Malformed);
        QCOMPARE(r.diagnostics.value(u"header"_s).toString(), u"x-hub-signature-256"_s);
        QCOMPARE(r.diagnostics.value(u"scheme_prefix"_s).toString(), u"sha1"_s);
        checkDiagnostics(r, secrets, req);
    }

    // ---- Standard Webhooks ----------------------------------------------------------------
    void standardWebhooks_data()
    {
        addColumns();
        auto hs = [](const QByteArray &id, qint64 t, const QByteArray &sig) {
            Headers h;
            if (!id.isNull())
                h.append({"webhook-id", id});
            if (t >= 0)
                h.append({"webhook-timestamp", QByteArray::number(t)});
            if (!sig.isNull())
                h.append({"webhook-signature", sig});
            return h;
        };
        const Secrets s{kSwSecret};
        const QByteArray vb = kSwVectorBody;
        const QByteArray vid = kSwVectorId;
        const qint64 vt = kSwVectorT;
        QCOMPARE("v1," + swSign(kSwSecret, vid, vt, vb), kSwVectorSignature);
        QTest::newRow("published vector")
            << hs(vid, vt, kSwVectorSignature) << vb << s << vt << 300 << V << 0;
        QByteArray lastA = kSwVectorSignature;
        lastA[lastA.size() - 2] = 'A'; // "...1OE=" → "...1OA="
        QVERIFY(lastA.endsWith("OA="));
        QTest::newRow("published vector with final A")
            << hs(vid, vt, lastA) << vb << s << vt << 300 << Mismatch << -1;
        QTest::newRow("published vector, 300 s old")
            << hs(vid, vt, kSwVectorSignature) << vb << s << vt + 300 << 300 << V << 0;
        QTest::newRow("published vector, 301 s old")
            << hs(vid, vt, kSwVectorSignature) << vb << s << vt + 301 << 300 << Stale << -1;
        QTest::newRow("published vector, 301 s ahead")
            << hs(vid, vt, kSwVectorSignature) << vb << s << vt - 301 << 300 << Future << -1;
        QTest::newRow("stale and wrong: mismatch")
            << hs(vid, vt, lastA) << vb << s << vt + 9999 << 300 << Mismatch << -1;
        QTest::newRow("other id") << hs("msg_other", vt, kSwVectorSignature) << vb << s << vt << 300
                                  << Mismatch << -1;
        QTest::newRow("other timestamp")
            << hs(vid, vt + 1, kSwVectorSignature) << vb << s << vt << 300 << Mismatch << -1;
        QTest::newRow("secret without whsec_ prefix")
            << hs(vid, vt, kSwVectorSignature) << vb << Secrets{kSwSecret.mid(6)} << vt << 300 << V
            << 0;
        QTest::newRow("secret used as raw bytes is another key")
            << hs(vid, vt,
                  "v1," + crypto::hmacSha256(
                              kSwSecret, QByteArray(vid + "." + QByteArray::number(vt) + "." + vb))
                              .toBase64())
            << vb << s << vt << 300 << Mismatch << -1;
        QTest::newRow("undecodable secret is unusable, not a wildcard")
            << hs(vid, vt, kSwVectorSignature) << vb << Secrets{"whsec_!!not base64!!"} << vt << 300
            << Mismatch << -1;
        QTest::newRow("undecodable secret beside the right one")
            << hs(vid, vt, kSwVectorSignature) << vb << Secrets{"whsec_!!", kSwSecret} << vt << 300
            << V << 1;

        const QByteArray fb = test::readFixture(u"standard_webhooks_contact_created.json"_s);
        const QByteArray fid = kSwFixtureId;
        const qint64 ft = kSwFixtureT;
        QTest::newRow("fixture") << hs(fid, ft, kSwFixtureSignature) << fb << s << ft + 10 << 300
                                 << V << 0;
        QTest::newRow("fixture, tampered body")
            << hs(fid, ft, kSwFixtureSignature)
            << QByteArray(fb).replace("contact.created", "contact.deleted") << s << ft << 300
            << Mismatch << -1;
        QTest::newRow("previous secret matched")
            << hs(fid, ft, kSwFixtureSignature) << fb
            << Secrets{"whsec_" + QByteArray("another key of 24 bytes!").toBase64(), kSwSecret}
            << ft << 300 << V << 1;
        const QByteArray other = "v1," + QByteArray(32, 'x').toBase64(); // well formed, wrong
        QTest::newRow("multiple signatures, second matches")
            << hs(fid, ft, other + " " + kSwFixtureSignature) << fb << s << ft << 300 << V << 0;
        QTest::newRow("multiple signatures, none matches")
            << hs(fid, ft, other + " " + other) << fb << s << ft << 300 << Mismatch << -1;
        QTest::newRow("other versions ignored")
            << hs(fid, ft, "v1a,c29tZXRoaW5n " + kSwFixtureSignature + " v2,abc") << fb << s << ft
            << 300 << V << 0;
        QTest::newRow("extra spaces")
            << hs(fid, ft, "   " + kSwFixtureSignature + "    ") << fb << s << ft << 300 << V << 0;
        QTest::newRow("extra spaces between entries")
            << hs(fid, ft, other + "     " + kSwFixtureSignature) << fb << s << ft << 300 << V << 0;
        QTest::newRow("unknown versions only")
            << hs(fid, ft, "v1a,c29tZXRoaW5n v2,abc") << fb << s << ft << 300 << Malformed << -1;
        QTest::newRow("correct signature under v2 only")
            << hs(fid, ft, "v2," + kSwFixtureSignature.mid(3)) << fb << s << ft << 300 << Malformed
            << -1;
        QTest::newRow("no comma") << hs(fid, ft, kSwFixtureSignature.mid(3)) << fb << s << ft << 300
                                  << Malformed << -1;
        QTest::newRow("v1 not base64") << hs(fid, ft, "v1,***" + kSwFixtureSignature.mid(6)) << fb
                                       << s << ft << 300 << Malformed << -1;
        QTest::newRow("v1 hex instead of base64")
            << hs(fid, ft, "v1," + QByteArray::fromBase64(kSwFixtureSignature.mid(3)).toHex()) << fb
            << s << ft << 300 << Malformed << -1;
        QTest::newRow("v1 of 16 bytes") << hs(fid, ft, "v1," + QByteArray(16, 'x').toBase64()) << fb
                                        << s << ft << 300 << Malformed << -1;
        QTest::newRow("signature absent")
            << hs(fid, ft, QByteArray()) << fb << s << ft << 300 << Missing << -1;
        QTest::newRow("signature empty")
            << hs(fid, ft, "") << fb << s << ft << 300 << Missing << -1;
        QTest::newRow("no headers at all") << Headers{} << fb << s << ft << 300 << Missing << -1;
        QTest::newRow("webhook-id absent")
            << hs(QByteArray(), ft, kSwFixtureSignature) << fb << s << ft << 300 << Malformed << -1;
        QTest::newRow("webhook-timestamp absent")
            << hs(fid, -1, kSwFixtureSignature) << fb << s << ft << 300 << Malformed << -1;
        QTest::newRow("webhook-timestamp not digits")
            << Headers{{"webhook-id", fid},
                       {"webhook-timestamp", "2023-01-19T00:13:51Z"},
                       {"webhook-signature", kSwFixtureSignature}}
            << fb << s << ft << 300 << Malformed << -1;
        QTest::newRow("empty body signed") << hs(fid, ft, "v1," + swSign(kSwSecret, fid, ft, ""))
                                           << QByteArray() << s << ft << 300 << V << 0;
        QTest::newRow("body not UTF-8 signed")
            << hs(fid, ft, "v1," + swSign(kSwSecret, fid, ft, kNotUtf8)) << kNotUtf8 << s << ft
            << 300 << V << 0;
        QTest::newRow("no secret configured")
            << hs(fid, ft, kSwFixtureSignature) << fb << Secrets{} << ft << 300 << Mismatch << -1;
        QTest::newRow("empty secret is not a wildcard")
            << hs(fid, ft,
                  "v1," + crypto::hmacSha256(
                              "", QByteArray(fid + "." + QByteArray::number(ft) + "." + fb))
                              .toBase64())
            << fb << Secrets{QByteArray(), "whsec_"} << ft << 300 << Mismatch << -1;
    }
    void standardWebhooks() { runRow(verifyStandardWebhooks); }

    void standardWebhooksDiagnostics()
    {
        const QByteArray fb = test::readFixture(u"standard_webhooks_contact_created.json"_s);
        const Secrets secrets{"whsec_!!", kSwSecret};
        const http::HttpRequest req =
            request({{"webhook-id", kSwFixtureId},
                     {"webhook-timestamp", QByteArray::number(kSwFixtureT)},
                     {"webhook-signature", "v1a,abc " + kSwFixtureSignature}},
                    fb);
        const VerifyResult r = verifyStandardWebhooks({req, secrets, kSwFixtureT - 1000, 300});
        QCOMPARE(r.status, Future);
        QCOMPARE(r.diagnostics.value(u"timestamp_skew_secs"_s).toInteger(), qint64(-1000));
        QCOMPARE(r.diagnostics.value(u"versions"_s).toArray(), QJsonArray({u"v1a"_s, u"v1"_s}));
        QCOMPARE(r.diagnostics.value(u"unusable_secrets"_s).toArray(), QJsonArray{QJsonValue(0)});
        checkDiagnostics(r, secrets, req);
    }

    void standardWebhooksKeys()
    {
        QCOMPARE(standardWebhooksKey(kSwSecret),
                 QByteArray::fromBase64("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        QCOMPARE(standardWebhooksKey("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                 standardWebhooksKey(kSwSecret));
        QVERIFY(standardWebhooksKey("whsec_").isNull());
        QVERIFY(standardWebhooksKey("whsec_***").isNull());
        QVERIFY(standardWebhooksKey("").isNull());
    }

    // The audit row names every outcome the same way whatever the scheme.
    void statusNames()
    {
        QCOMPARE(wire(Stale), QStringLiteral("stale_timestamp"));
        QCOMPARE(wire(Future), QStringLiteral("future_timestamp"));
    }
};

QTEST_GUILESS_MAIN(TestProviderSignatures)
#include "tst_provider_signatures.moc"
