// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Crypto.h"

#include <QTest>
#include <stdexcept>

using namespace gerbang;

namespace {

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

QByteArray range(int from, int to) // [from, to)
{
    QByteArray out;
    for (int i = from; i < to; ++i)
        out.append(char(i));
    return out;
}

// NIST GCM test case 16 (AES-256, 96-bit IV, AAD), from the GCM specification's appendix.
const QByteArray kGcmKey =
    QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
const QByteArray kGcmIv = QByteArray::fromHex("cafebabefacedbaddecaf888");
const QByteArray kGcmPlain =
    QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
const QByteArray kGcmAad = QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
const QByteArray kGcmCipher =
    QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                        "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662");
const QByteArray kGcmTag = QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");

} // namespace

class TestCrypto : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishedHmacVector()
    {
        // GitHub's "Validating webhook deliveries" vector (same scheme as Meta's).
        QCOMPARE(crypto::hmacSha256("It's a Secret to Everybody", "Hello, World!").toHex(),
                 QByteArray("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
    }

    void hmacKnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        // RFC 4231 test case 2.
        QTest::newRow("rfc4231-2")
            << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        // RFC 4231 test case 1.
        QTest::newRow("rfc4231-1")
            << QByteArray(20, '\x0b') << QByteArray("Hi There")
            << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        // Empty key and empty message: the special-cased path for an empty key.
        QTest::newRow("empty-key-empty-data")
            << QByteArray() << QByteArray()
            << QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    }
    void hmacKnownAnswers()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        QCOMPARE(crypto::hmacSha256(key, data).toHex(), expected);
    }

    void hmacOfPartsEqualsHmacOfConcatenation()
    {
        const QByteArray whole = crypto::hmacSha256("k", "1700000000.{\"id\":1}");
        QCOMPARE(crypto::hmacSha256("k", {"1700000000", ".", "", "{\"id\":1}"}), whole);
        QVERIFY(crypto::hmacSha256("k", {"1700000000", "{\"id\":1}"}) != whole);
    }

    void sha256KnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb924"
                                             "27ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223"
                                           "b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("448-bit") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomn"
                                               "opnopq")
                                 << QByteArray("248d6a61d20638b8e5c026930c3e6039"
                                               "a33ce45964ff2167f6ecedd419db06c1");
    }
    void sha256KnownAnswers()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const QByteArray digest = crypto::sha256(input);
        QCOMPARE(digest.size(), 32);
        QCOMPARE(digest.toHex(), expected);
    }

    void sha512KnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4"
                                             "a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd"
                                             "47417a81a538327af927da3e");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eee"
                                           "e64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643c"
                                           "e80e2a9ac94fa54ca49f");
        // The Midtrans signature example from the brief (order_id + status_code +
        // gross_amount + server key).
        QTest::newRow("midtrans")
            << QByteArray("1111200100000.00askvnoibnosifnboseofinbofinfgbiufglnbfg")
            << QByteArray("edc076b21793ebe3e17926350f5b8ae67d902fe657b3d0aa31b932d5c127e2375d308a2b"
                          "c94f3265ac2d80a1f181a79b997ac178a236fcff35af263fc4d4c231");
    }
    void sha512KnownAnswers()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const QByteArray digest = crypto::sha512(input);
        QCOMPARE(digest.size(), 64);
        QCOMPARE(digest.toHex(), expected);
    }

    void hkdfRfc5869_data()
    {
        QTest::addColumn<QByteArray>("ikm");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("okm");
        QTest::newRow("case 1: basic")
            << QByteArray(22, '\x0b') << range(0x00, 0x0d) << range(0xf0, 0xfa) << 42
            << hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                   "34007208d5b887185865");
        QTest::newRow("case 2: long inputs")
            << range(0x00, 0x50) << range(0x60, 0xb0) << range(0xb0, 0x100) << 82
            << hex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                   "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                   "cc30c58179ec3e87c14c01d5c1f3434f1d87");
        QTest::newRow("case 3: no salt, no info")
            << QByteArray(22, '\x0b') << QByteArray() << QByteArray() << 42
            << hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                   "9d201395faa4b61a96c8");
    }
    void hkdfRfc5869()
    {
        QFETCH(QByteArray, ikm);
        QFETCH(QByteArray, salt);
        QFETCH(QByteArray, info);
        QFETCH(int, length);
        QFETCH(QByteArray, okm);
        const QByteArray out = crypto::hkdfSha256(ikm, salt, info, length);
        QCOMPARE(out.size(), length);
        QCOMPARE(out.toHex(), okm.toHex());
    }

    void hkdfSeparatesByInfoAndSalt()
    {
        const QByteArray ikm(32, '\x42');
        const QByteArray a = crypto::hkdfSha256(ikm, {}, "purpose a", 32);
        QCOMPARE(crypto::hkdfSha256(ikm, {}, "purpose a", 32), a);
        QVERIFY(crypto::hkdfSha256(ikm, {}, "purpose b", 32) != a);
        QVERIFY(crypto::hkdfSha256(ikm, "tenant", "purpose a", 32) != a);
        // A shorter output is a prefix of the longer one (RFC 5869 expand).
        QCOMPARE(crypto::hkdfSha256(ikm, {}, "purpose a", 16), a.left(16));
    }

    void aesGcmKnownAnswerOpens()
    {
        // A sealed value is nonce || ciphertext || tag, so a published vector can be opened.
        bool ok = false;
        const QByteArray plain =
            crypto::aesGcmOpen(kGcmKey, QByteArray(kGcmIv + kGcmCipher + kGcmTag), kGcmAad, &ok);
        QVERIFY(ok);
        QCOMPARE(plain.toHex(), kGcmPlain.toHex());

        // NIST test case 14: zero key, zero IV, one zero block, no AAD.
        ok = false;
        const QByteArray zeros = crypto::aesGcmOpen(
            QByteArray(32, '\0'),
            QByteArray(QByteArray(12, '\0') + hex("cea7403d4d606b6e074ec5d3baf39d18") +
                       hex("d0d1c8a799996bf0265b98b5d48ab919")),
            {}, &ok);
        QVERIFY(ok);
        QCOMPARE(zeros, QByteArray(16, '\0'));

        // NIST test case 13: empty plaintext, only a tag.
        ok = false;
        const QByteArray empty = crypto::aesGcmOpen(
            QByteArray(32, '\0'),
            QByteArray(QByteArray(12, '\0') + hex("530f8afbc74536b9a963b4f1c4cb738b")), {}, &ok);
        QVERIFY(ok);
        QVERIFY(empty.isEmpty());
    }

    void aesGcmRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("empty") << QByteArray() << QByteArray("record-1");
        QTest::newRow("short") << QByteArray("hello") << QByteArray("record-1");
        QTest::newRow("no aad") << QByteArray("{\"entry\":[]}") << QByteArray();
        QTest::newRow("binary 64k") << QByteArray(65536, '\xa5') << QByteArray("r");
    }
    void aesGcmRoundTrip()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const QByteArray key = crypto::randomBytes(32);
        const QByteArray sealed = crypto::aesGcmSeal(key, plaintext, aad);
        QCOMPARE(sealed.size(), 12 + plaintext.size() + 16);
        if (plaintext.size() >= 4)
            QVERIFY(!sealed.contains(plaintext));
        bool ok = false;
        QCOMPARE(crypto::aesGcmOpen(key, sealed, aad, &ok), plaintext);
        QVERIFY(ok);
        // A fresh random nonce every time: sealing twice never gives the same bytes.
        const QByteArray again = crypto::aesGcmSeal(key, plaintext, aad);
        QVERIFY(again != sealed);
        QVERIFY(again.left(12) != sealed.left(12));
    }

    void aesGcmTamperingFails_data()
    {
        QTest::addColumn<QByteArray>("what");
        QTest::newRow("nonce") << QByteArray("nonce");
        QTest::newRow("ciphertext first byte") << QByteArray("ct-first");
        QTest::newRow("ciphertext last byte") << QByteArray("ct-last");
        QTest::newRow("tag first byte") << QByteArray("tag-first");
        QTest::newRow("tag last byte") << QByteArray("tag-last");
        QTest::newRow("aad changed") << QByteArray("aad");
        QTest::newRow("aad dropped") << QByteArray("aad-empty");
        QTest::newRow("wrong key") << QByteArray("key");
        QTest::newRow("truncated tag") << QByteArray("truncate");
        QTest::newRow("appended byte") << QByteArray("append");
        QTest::newRow("too short") << QByteArray("short");
    }
    void aesGcmTamperingFails()
    {
        QFETCH(QByteArray, what);
        const QByteArray key = crypto::randomBytes(32);
        const QByteArray plaintext("the raw webhook body");
        QByteArray aad("evt-0001");
        QByteArray sealed = crypto::aesGcmSeal(key, plaintext, aad);
        QByteArray useKey = key;
        const qsizetype tagStart = sealed.size() - 16;
        if (what == "nonce")
            sealed[0] = char(sealed[0] ^ 0x01);
        else if (what == "ct-first")
            sealed[12] = char(sealed[12] ^ 0x80);
        else if (what == "ct-last")
            sealed[tagStart - 1] = char(sealed[tagStart - 1] ^ 0x01);
        else if (what == "tag-first")
            sealed[tagStart] = char(sealed[tagStart] ^ 0x01);
        else if (what == "tag-last")
            sealed[sealed.size() - 1] = char(sealed[sealed.size() - 1] ^ 0x01);
        else if (what == "aad")
            aad = "evt-0002";
        else if (what == "aad-empty")
            aad.clear();
        else if (what == "key")
            useKey[5] = char(useKey[5] ^ 0x01);
        else if (what == "truncate")
            sealed.chop(1);
        else if (what == "append")
            sealed.append('\0');
        else if (what == "short")
            sealed = sealed.left(27);
        else
            QFAIL("unknown case");

        bool ok = true;
        const QByteArray out = crypto::aesGcmOpen(useKey, sealed, aad, &ok);
        QVERIFY(!ok);
        QVERIFY(out.isEmpty());
    }

    void aesGcmPublishedVectorTampered()
    {
        bool ok = true;
        QByteArray aad = kGcmAad;
        aad[0] = char(aad[0] ^ 1);
        QVERIFY(crypto::aesGcmOpen(kGcmKey, QByteArray(kGcmIv + kGcmCipher + kGcmTag), aad, &ok)
                    .isEmpty());
        QVERIFY(!ok);
    }

    void aesGcmRejectsBadKeySize()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 crypto::aesGcmSeal(QByteArray(16, 'k'), "x", {}));
        const QByteArray sealed = crypto::aesGcmSeal(QByteArray(32, 'k'), "x", {});
        bool ok = true;
        QVERIFY(crypto::aesGcmOpen(QByteArray(31, 'k'), sealed, {}, &ok).isEmpty());
        QVERIFY(!ok);
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("both null") << QByteArray() << QByteArray() << true;
        QTest::newRow("null and empty") << QByteArray() << QByteArray("") << true;
        QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
        QTest::newRow("same with NULs") << QByteArray("a\0b", 3) << QByteArray("a\0b", 3) << true;
        QTest::newRow("differ after NUL")
            << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
        QTest::newRow("first byte") << QByteArray("xbcdef") << QByteArray("abcdef") << false;
        QTest::newRow("last byte") << QByteArray("abcdef") << QByteArray("abcdeF") << false;
        QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
        QTest::newRow("empty vs one") << QByteArray() << QByteArray("a") << false;
        QTest::newRow("high bit") << QByteArray("\x80") << QByteArray("\x00", 1) << false;
    }
    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(crypto::constantTimeEquals(a, b), equal);
        QCOMPARE(crypto::constantTimeEquals(b, a), equal);
    }

    void decodeHex_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("empty") << QByteArray("") << true << QByteArray();
        QTest::newRow("lower") << QByteArray("00ff7f") << true << QByteArray("\x00\xff\x7f", 3);
        QTest::newRow("upper") << QByteArray("DEADBEEF") << true << hex("deadbeef");
        QTest::newRow("mixed") << QByteArray("aBcD") << true << hex("abcd");
        QTest::newRow("odd length") << QByteArray("abc") << false << QByteArray();
        QTest::newRow("single digit") << QByteArray("a") << false << QByteArray();
        QTest::newRow("non-hex letter") << QByteArray("0g") << false << QByteArray();
        QTest::newRow("non-hex first") << QByteArray("zz00") << false << QByteArray();
        QTest::newRow("non-hex last") << QByteArray("000G") << false << QByteArray();
        QTest::newRow("0x prefix") << QByteArray("0x00") << false << QByteArray();
        QTest::newRow("space") << QByteArray("00 1") << false << QByteArray();
        QTest::newRow("sign") << QByteArray("-1") << false << QByteArray();
        QTest::newRow("NUL") << QByteArray("0\0", 2) << false << QByteArray();
        QTest::newRow("high byte") << QByteArray("\xc3\xa4") << false << QByteArray();
        // ':' and '@' sit just after '9' and before 'A' in ASCII.
        QTest::newRow("colon") << QByteArray("0:") << false << QByteArray();
        QTest::newRow("at") << QByteArray("@0") << false << QByteArray();
    }
    void decodeHex()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, ok);
        QFETCH(QByteArray, decoded);
        QByteArray out;
        QCOMPARE(crypto::decodeHex(input, &out), ok);
        if (ok)
            QCOMPARE(out, decoded);
    }

    void randomBytes()
    {
        const QByteArray a = crypto::randomBytes(32);
        const QByteArray b = crypto::randomBytes(32);
        QCOMPARE(a.size(), 32);
        QCOMPARE(b.size(), 32);
        QVERIFY(a != b);
        QVERIFY(a != QByteArray(32, '\0'));
        QVERIFY(crypto::randomBytes(0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
