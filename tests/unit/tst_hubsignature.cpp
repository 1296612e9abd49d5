// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"
#include "whatsapp/HubSignature.h"

#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace gerbang;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(gerbang::SignatureStatus)

namespace {

const QByteArray kSecret = test::kFixtureAppSecret.toByteArray();

struct FixtureSignature
{
    QString file;
    qsizetype bytes = 0;
    QByteArray header;
};

// The signature table of tests/data/FIXTURES.md: | `wa_x.json` | 1234 | `sha256=<hex>` |
QList<FixtureSignature> fixtureSignatures()
{
    const QString doc = QString::fromUtf8(test::readFixture(u"FIXTURES.md"_s));
    static const QRegularExpression row(
        u"^\\| `(wa_[a-z_]+\\.json)` \\| (\\d+) \\| `(sha256=[0-9a-f]{64})` \\|$"_s,
        QRegularExpression::MultilineOption);
    QList<FixtureSignature> out;
    for (auto it = row.globalMatch(doc); it.hasNext();) {
        const auto m = it.next();
        out.append({m.captured(1), m.captured(2).toLongLong(), m.captured(3).toLatin1()});
    }
    return out;
}

QByteArray fixtureHeader(const QString &file)
{
    for (const FixtureSignature &f : fixtureSignatures()) {
        if (f.file == file)
            return f.header;
    }
    qFatal("no signature listed for %s", qPrintable(file));
    return {};
}

} // namespace

class TestHubSignature : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signatureTableCoversEveryFixture()
    {
        QStringList listed;
        for (const FixtureSignature &f : fixtureSignatures())
            listed << f.file;
        QStringList present = QDir(QStringLiteral(GERBANG_TEST_DATA_DIR))
                                  .entryList({u"wa_*.json"_s}, QDir::Files, QDir::Name);
        listed.sort();
        QVERIFY(present.size() >= 20);
        QCOMPARE(listed, present);
    }

    void validForEveryFixture_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qsizetype>("bytes");
        QTest::addColumn<QByteArray>("header");
        for (const FixtureSignature &f : fixtureSignatures())
            QTest::newRow(qPrintable(f.file)) << f.file << f.bytes << f.header;
    }
    void validForEveryFixture()
    {
        QFETCH(QString, file);
        QFETCH(qsizetype, bytes);
        QFETCH(QByteArray, header);
        const QByteArray body = test::readFixture(file);
        QCOMPARE(body.size(), bytes);
        QCOMPARE(verifyHubSignature(header, body, {kSecret}), SignatureStatus::Valid);
        // With the current secret first and a stale one second, or the other way round.
        QCOMPARE(verifyHubSignature(header, body, {"another-secret", kSecret}),
                 SignatureStatus::Valid);
        QCOMPARE(verifyHubSignature(header, body, {kSecret, "another-secret"}),
                 SignatureStatus::Valid);
        // Not with a wrong secret.
        QCOMPARE(verifyHubSignature(header, body, {"another-secret"}), SignatureStatus::Mismatch);
    }

    void publishedGithubVector()
    {
        QCOMPARE(verifyHubSignature(
                     "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                     "Hello, World!", {"It's a Secret to Everybody"}),
                 SignatureStatus::Valid);
    }

    void headerForms_data()
    {
        const QByteArray good = fixtureHeader(u"wa_text.json"_s);
        const QByteArray hex = good.mid(7);
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<SignatureStatus>("expected");

        QTest::newRow("valid") << good << SignatureStatus::Valid;
        QTest::newRow("uppercase hex")
            << QByteArray("sha256=" + hex.toUpper()) << SignatureStatus::Valid;
        QTest::newRow("surrounding whitespace")
            << QByteArray(" " + good + " \t") << SignatureStatus::Valid;

        QTest::newRow("null (absent)") << QByteArray() << SignatureStatus::Missing;
        QTest::newRow("empty") << QByteArray("") << SignatureStatus::Missing;
        QTest::newRow("blank") << QByteArray("   ") << SignatureStatus::Missing;

        QTest::newRow("no prefix") << hex << SignatureStatus::Malformed;
        QTest::newRow("prefix only") << QByteArray("sha256=") << SignatureStatus::Malformed;
        QTest::newRow("no equals sign") << QByteArray("sha256" + hex) << SignatureStatus::Malformed;
        QTest::newRow("sha1 scheme")
            << QByteArray("sha1=" + hex.left(40)) << SignatureStatus::Malformed;
        QTest::newRow("uppercase scheme")
            << QByteArray("SHA256=" + hex) << SignatureStatus::Malformed;
        QTest::newRow("63 hex digits")
            << QByteArray("sha256=" + hex.left(63)) << SignatureStatus::Malformed;
        QTest::newRow("65 hex digits") << QByteArray(good + "0") << SignatureStatus::Malformed;
        QTest::newRow("non-hex digit")
            << QByteArray("sha256=" + hex.left(63) + "g") << SignatureStatus::Malformed;
        QTest::newRow("base64 instead of hex")
            << QByteArray("sha256=" + QByteArray::fromHex(hex).toBase64())
            << SignatureStatus::Malformed;
        QTest::newRow("two signatures")
            << QByteArray(good + "," + good) << SignatureStatus::Malformed;
        QTest::newRow("space inside")
            << QByteArray("sha256= " + hex.left(63)) << SignatureStatus::Malformed;

        QByteArray oneDigit = good;
        oneDigit[7 + 20] = oneDigit[7 + 20] == '0' ? '1' : '0';
        QTest::newRow("one hex digit changed") << oneDigit << SignatureStatus::Mismatch;
        QByteArray lastDigit = good;
        lastDigit[lastDigit.size() - 1] = lastDigit.back() == 'f' ? 'e' : 'f';
        QTest::newRow("last hex digit changed") << lastDigit << SignatureStatus::Mismatch;
        QTest::newRow("all zeros")
            << QByteArray("sha256=" + QByteArray(64, '0')) << SignatureStatus::Mismatch;
        QTest::newRow("other fixture's signature")
            << fixtureHeader(u"wa_image.json"_s) << SignatureStatus::Mismatch;
    }
    void headerForms()
    {
        QFETCH(QByteArray, header);
        QFETCH(SignatureStatus, expected);
        const QByteArray body = test::readFixture(u"wa_text.json"_s);
        QCOMPARE(verifyHubSignature(header, body, {kSecret}), expected);
    }

    void bodyChangedByOneByte_data()
    {
        QTest::addColumn<int>("index");
        QTest::newRow("first byte") << 0;
        QTest::newRow("middle byte") << 500;
        QTest::newRow("final newline") << -1;
    }
    void bodyChangedByOneByte()
    {
        QFETCH(int, index);
        const QByteArray header = fixtureHeader(u"wa_text.json"_s);
        QByteArray body = test::readFixture(u"wa_text.json"_s);
        const qsizetype i = index < 0 ? body.size() - 1 : index;
        body[i] = char(body[i] ^ 0x01);
        QCOMPARE(verifyHubSignature(header, body, {kSecret}), SignatureStatus::Mismatch);
    }

    void bodyTruncatedOrExtended()
    {
        const QByteArray header = fixtureHeader(u"wa_text.json"_s);
        const QByteArray body = test::readFixture(u"wa_text.json"_s);
        QCOMPARE(verifyHubSignature(header, body.chopped(1), {kSecret}), SignatureStatus::Mismatch);
        QCOMPARE(verifyHubSignature(header, QByteArray(body + "\n"), {kSecret}),
                 SignatureStatus::Mismatch);
        QCOMPARE(verifyHubSignature(header, QByteArray(), {kSecret}), SignatureStatus::Mismatch);
    }

    void reserialisedBodyFails_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("wa_text.json") << u"wa_text.json"_s;
        QTest::newRow("wa_reaction.json (escaped emoji)") << u"wa_reaction.json"_s;
        QTest::newRow("wa_status_read.json") << u"wa_status_read.json"_s;
    }
    void reserialisedBodyFails()
    {
        // The same JSON value in other bytes is not what Meta signed: we verify raw bytes.
        QFETCH(QString, file);
        const QByteArray header = fixtureHeader(file);
        const QByteArray raw = test::readFixture(file);
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        for (const auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
            const QByteArray again = doc.toJson(format);
            QVERIFY(again != raw);
            QCOMPARE(QJsonDocument::fromJson(again), doc); // same value...
            QCOMPARE(verifyHubSignature(header, again, {kSecret}),
                     SignatureStatus::Mismatch); // ...other bytes
        }
    }

    void escapedUnicodeWireForm()
    {
        // Meta signs the escaped form ("\u00e4"); a re-serialiser writes raw UTF-8 instead,
        // so only the raw bytes verify even when the layout is already compact.
        const QByteArray wire = R"({"name":"J\u00e4rvi","emoji":"\ud83d\udc4d"})";
        const QByteArray header = test::hubSignature(wire);
        QCOMPARE(verifyHubSignature(header, wire, {kSecret}), SignatureStatus::Valid);
        const QByteArray compact = QJsonDocument::fromJson(wire).toJson(QJsonDocument::Compact);
        QVERIFY(compact.contains("J\xc3\xa4rvi"));
        QCOMPARE(verifyHubSignature(header, compact, {kSecret}), SignatureStatus::Mismatch);
    }

    void secretLists()
    {
        const QByteArray body = test::readFixture(u"wa_text.json"_s);
        const QByteArray header = fixtureHeader(u"wa_text.json"_s);
        // No secret configured: nothing can verify.
        QCOMPARE(verifyHubSignature(header, body, {}), SignatureStatus::Mismatch);
        // An empty secret is not a wildcard.
        QCOMPARE(verifyHubSignature(header, body, {QByteArray()}), SignatureStatus::Mismatch);
        // A prefix of the secret does not match.
        QCOMPARE(verifyHubSignature(header, body, {kSecret.chopped(1)}), SignatureStatus::Mismatch);
        // During a rotation the previous secret still verifies, the new one is checked too.
        const QByteArray newSecret = "rotated-app-secret-fedcba9876543210";
        QCOMPARE(verifyHubSignature(header, body, {newSecret, kSecret}), SignatureStatus::Valid);
        QCOMPARE(
            verifyHubSignature(test::hubSignature(body, newSecret), body, {newSecret, kSecret}),
            SignatureStatus::Valid);
        QCOMPARE(
            verifyHubSignature(test::hubSignature(body, "a third one"), body, {newSecret, kSecret}),
            SignatureStatus::Mismatch);
        // A malformed header is malformed whatever the secrets.
        QCOMPARE(verifyHubSignature("sha256=xyz", body, {}), SignatureStatus::Malformed);
        QCOMPARE(verifyHubSignature(QByteArray(), body, {}), SignatureStatus::Missing);
    }

    void statusNames()
    {
        QCOMPARE(wire(SignatureStatus::Valid), QStringLiteral("valid"));
        QCOMPARE(wire(SignatureStatus::Missing), QStringLiteral("missing"));
        QCOMPARE(wire(SignatureStatus::Malformed), QStringLiteral("malformed"));
        QCOMPARE(wire(SignatureStatus::Mismatch), QStringLiteral("mismatch"));
        QCOMPARE(wire(SignatureStatus::NotApplicable), QStringLiteral("not_applicable"));
        QCOMPARE(wire(SignatureStatus::StaleTimestamp), QStringLiteral("stale_timestamp"));
        QCOMPARE(wire(SignatureStatus::FutureTimestamp), QStringLiteral("future_timestamp"));
    }
};

QTEST_GUILESS_MAIN(TestHubSignature)
#include "tst_hubsignature.moc"
