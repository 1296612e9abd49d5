// SPDX-License-Identifier: GPL-3.0-or-later
// The published interface, byte for byte (issue #14): a fixed sequence of requests to a real
// gerbangd, then every row of every table of the database, the output of every read-only
// gerbangctl command, the replies and /metrics, with volatile values (times, generated ids,
// ciphertexts, durations) replaced by placeholders, compared with tests/data/
// published-interface.golden.
//
// Environment:
//   GERBANG_GOLDEN_GERBANGD, GERBANG_GOLDEN_GERBANGCTL  the binaries under test (default: the
//       ones built with the tests), e.g. an older build's, to regenerate the golden file;
//   GERBANG_GOLDEN_WRITE=FILE  write the dump to FILE instead of comparing (the test skips).
// The golden file comes from the binaries whose interface is promised (see FIXTURES.md), on
// one line: GERBANG_GOLDEN_GERBANGD=OLD/gateway/gerbangd
//   GERBANG_GOLDEN_GERBANGCTL=OLD/gateway/gerbangctl/gerbangctl
//   GERBANG_GOLDEN_WRITE=$PWD/tests/data/published-interface.golden
//   build/tests/integration/tst_published_interface
// On PostgreSQL (GERBANG_TEST_DATABASE_URL) the database section is left out of the comparison:
// it lists SQLite's own tables and column types. Everything else must be the same there.
#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

constexpr QByteArrayView kVerifyToken = "golden-verify-token";
constexpr QByteArrayView kStripeSecret = "whsec_test_FAKEsecret0123456789";
constexpr QByteArrayView kMidtransKey = "SB-Mid-server-FAKEFAKEFAKEFAKEFAKE";
constexpr QByteArrayView kXenditToken = "xnd_fake_callback_token_0123456789abcdef";
constexpr QByteArrayView kGenericSecret = "generic-shared-secret";
constexpr QByteArrayView kTinySecret = "tiny-shared-secret";
constexpr QByteArrayView kStandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
// A fixed master key: secret fingerprints and the raw payloads' key id stay the same run to run.
constexpr QByteArrayView kMasterKey = "golden-master-key-0123456789abcd"; // 32 bytes

const char kGoldenName[] = "published-interface.golden";

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

QByteArray genericSignature(const QByteArray &body, QByteArrayView secret = kGenericSecret)
{
    return "sha256=" + crypto::hmacSha256(secret, body).toHex();
}

QString jsonScalar(const QJsonValue &v)
{
    const QByteArray array = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// Replaces what differs from run to run, and nothing else. Generated ids become
// "<prefix>_<id:N>", numbered in the order they are first met, so that references between
// tables (and from gerbangctl's output into the tables) stay checkable.
class Normalizer
{
public:
    void setWindow(qint64 fromMs, qint64 toMs)
    {
        m_fromMs = fromMs;
        m_toMs = toMs;
    }

    // gerbangctl's own changes are audited while the dump is taken, after the requests' window
    // closed (long after it under a sanitizer): their times are still this run's.
    void extendWindowTo(qint64 toMs) { m_toMs = std::max(m_toMs, toMs); }

    // A Unix time in milliseconds: "<time>" within the run; in the future (an expiry, a next
    // run), its distance from the start of the run, to the hour; else (a time taken from a
    // payload) unchanged.
    std::optional<QString> time(qint64 ms) const
    {
        constexpr qint64 kSlackMs = 5000;
        if (ms >= m_fromMs - kSlackMs && ms <= m_toMs + kSlackMs)
            return u"<time>"_s;
        if (ms > m_toMs + kSlackMs && ms < m_toMs + 3650LL * 24 * 3600 * 1000)
            return u"<time+%1h>"_s.arg(qRound64(double(ms - m_fromMs) / 3'600'000.0));
        return std::nullopt;
    }

    QString text(const QString &in)
    {
        static const QRegularExpression id(u"\\b([a-z]+)_([0-9a-f]{32})\\b"_s);
        static const QRegularExpression iso(
            u"\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z"_s);
        // A clock difference of this run (0 or 1 s, or the stale request's hour): to the minute.
        static const QRegularExpression skew(u"(\"timestamp_skew_secs\":)(-?\\d+)"_s);
        QString s = replace(in, id, [this](const QRegularExpressionMatch &m) -> QString {
            return m.captured(1) + u"_<id:"_s + QString::number(idNumber(m.captured(0))) + u'>';
        });
        s = replace(s, iso, [this](const QRegularExpressionMatch &m) -> QString {
            const QDateTime t = QDateTime::fromString(m.captured(0), Qt::ISODateWithMs);
            return t.isValid() ? time(t.toMSecsSinceEpoch()).value_or(m.captured(0))
                               : m.captured(0);
        });
        s = replace(s, skew, [](const QRegularExpressionMatch &m) -> QString {
            return m.captured(1) + skewPlaceholder(m.captured(2).toLongLong());
        });
        // The audit log's row hashes cover each row's time: different on every run.
        static const QRegularExpression hash(u"\\b[0-9a-f]{64}\\b"_s);
        s.replace(hash, u"<sha256>"_s);
        // The installation's audit signing key, made for this run.
        static const QRegularExpression key(u"\\bed25519:[A-Za-z0-9+/]{43}="_s);
        s.replace(key, u"ed25519:<key>"_s);
        // Whoever runs the test: the actor of gerbangctl's changes.
        static const QRegularExpression user(u"\\bos:[^\\\"\\\\]+"_s);
        return s.replace(user, u"os:<user>"_s);
    }

    static QString skewPlaceholder(qint64 secs)
    {
        return u"<skew~%1s>"_s.arg(qRound64(double(secs) / 60.0) * 60);
    }

    // One JSON value of gerbangctl's output, by key.
    QString jsonLeaf(const QString &key, const QJsonValue &v)
    {
        if (key == u"processing_us"_s && v.isDouble())
            return u"<us>"_s;
        if (key == u"timestamp_skew_secs"_s && v.isDouble())
            return skewPlaceholder(v.toInteger());
        if (v.isString())
            return jsonScalar(text(v.toString()));
        if (v.isDouble() && v.toDouble() > 1e12)
            return time(v.toInteger()).value_or(jsonScalar(v));
        return jsonScalar(v);
    }

private:
    int idNumber(const QString &id)
    {
        auto it = m_ids.constFind(id);
        if (it == m_ids.constEnd())
            it = m_ids.insert(id, int(m_ids.size()) + 1);
        return *it;
    }

    template <typename F>
    static QString replace(const QString &in, const QRegularExpression &re, F with)
    {
        QString out;
        qsizetype last = 0;
        auto it = re.globalMatch(in);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(in).mid(last, m.capturedStart(0) - last);
            out += with(m);
            last = m.capturedEnd(0);
        }
        out += QStringView(in).mid(last);
        return out;
    }

    QHash<QString, int> m_ids;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

// Text order, but runs of digits by their value: "<id:2>" before "<id:10>".
bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype i2 = i;
            qsizetype j2 = j;
            while (i2 < a.size() && a[i2].isDigit())
                ++i2;
            while (j2 < b.size() && b[j2].isDigit())
                ++j2;
            if (i2 - i != j2 - j)
                return i2 - i < j2 - j;
            if (const int c =
                    QStringView(a).sliced(i, i2 - i).compare(QStringView(b).sliced(j, j2 - j));
                c != 0)
                return c < 0;
            i = i2;
            j = j2;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

void flattenJson(const QString &path, const QString &key, const QJsonValue &v, Normalizer &n,
                 QStringList *out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            *out << path + u" = {}"_s;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            flattenJson(path + u'.' + it.key(), it.key(), it.value(), n, out);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            *out << path + u" = []"_s;
        for (qsizetype i = 0; i < a.size(); ++i)
            flattenJson(path + u'[' + QString::number(i) + u']', key, a[i], n, out);
    } else {
        *out << path + u" = "_s + n.jsonLeaf(key, v);
    }
}

// One request of the sequence, and what it must leave in the audit log.
struct Step
{
    QByteArray label;
    QByteArray method;
    QByteArray target;
    QByteArray body;
    Headers headers;
    QHostAddress from;
    int auditRows = 1; // rows it adds to audit_log (refusals: at the next second's flush)
    // Wait for those rows before the next request. (Not when the next request must follow at
    // once: its row is written after this one's anyway.)
    bool wait = true;
};

} // namespace

class TestPublishedInterface : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GatewayProcess> m_gw;
    QString m_gerbangd;
    QString m_gerbangctl;
    QProcessEnvironment m_ctlEnv;
    Normalizer m_norm;

    QString dataDir() const { return m_dir->path(); }

    CommandResult ctlResult(const QStringList &args, const QByteArray &input = {})
    {
        return runCtl(dataDir(), args, input, m_ctlEnv, m_gerbangctl);
    }

    void ctl(const QStringList &args, const QByteArray &input = {})
    {
        const CommandResult r = ctlResult(args, input);
        QVERIFY2(r.exitCode == 0, qPrintable(args.join(u' ') + u": "_s + QString::fromUtf8(r.err)));
    }

    std::unique_ptr<Database> openDb()
    {
        QString error;
        auto db = openTestDatabase(dataDir(), &error);
        if (!db)
            qFatal("cannot open the test database: %s", qPrintable(error));
        return db;
    }

    qint64 auditCount()
    {
        auto db = openDb();
        QSqlQuery q(db->db());
        if (!q.exec(u"SELECT count(*) FROM audit_log"_s) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    qint64 pendingOutbox()
    {
        auto db = openDb();
        QSqlQuery q(db->db());
        if (!q.exec(u"SELECT count(*) FROM outbox WHERE state = 'pending'"_s) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    // Writes the configuration, the master key, tenants, sources, secrets and an allowlist, the
    // way an administrator would, with the gerbangctl under test.
    void configure()
    {
        {
            // Refusals of a client beyond 1 request/s are what the 429 step needs; every other
            // step comes from an address of its own. No alert: the audit order of an alert and
            // the request that raised it depends on the clock's millisecond, and free disk
            // space depends on the machine.
            QFile ini(dataDir() + u"/gerbang.ini"_s);
            QVERIFY(ini.open(QIODevice::WriteOnly));
            QVERIFY(ini.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
            ini.write("[limits]\nrate_global=0\nrate_per_ip=1\n\n"
                      "[alerts]\nsignature_failures=1000\ndisk_free_mb=0\n");
        }
        {
            QFile key(dataDir() + u"/master.key"_s);
            QVERIFY(key.open(QIODevice::WriteOnly));
            QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
            key.write(kMasterKey.toByteArray().toBase64() + '\n');
        }
        ctl({u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s, u"Firm A"_s, u"--waba"_s,
             u"100000000000001"_s});
        // Firm B is known by its phone number id only: wa_second_waba_text.json routes by it.
        ctl({u"tenant"_s, u"add"_s, u"firm-b"_s, u"--name"_s, u"Firm B"_s, u"--phone-number-id"_s,
             u"200000000000002"_s});
        ctl({u"secret"_s, u"set"_s, u"whatsapp"_s}, kFixtureAppSecret.toByteArray() + '\n');
        ctl({u"secret"_s, u"set"_s, u"whatsapp-verify-token"_s}, kVerifyToken.toByteArray());
        const auto source = [this](const QString &name, const QString &provider,
                                   const QString &tenant, QByteArrayView secret,
                                   const QStringList &extra = {}) {
            ctl(QStringList{u"source"_s, u"add"_s, name, u"--provider"_s, provider, u"--tenant"_s,
                            tenant} +
                extra);
            ctl({u"secret"_s, u"set"_s, name}, secret.toByteArray());
        };
        source(u"stripe-a"_s, u"stripe"_s, u"firm-a"_s, kStripeSecret);
        source(u"midtrans-a"_s, u"midtrans"_s, u"firm-a"_s, kMidtransKey);
        source(u"xendit-a"_s, u"xendit"_s, u"firm-a"_s, kXenditToken);
        source(u"crm"_s, u"generic"_s, u"firm-a"_s, kGenericSecret,
               {u"--dedup-field"_s, u"/event/id"_s});
        source(u"contacts"_s, u"standard"_s, u"firm-b"_s, kStandardSecret);
        source(u"tiny"_s, u"generic"_s, u"firm-b"_s, kTinySecret,
               {u"--body-limit"_s, u"1024"_s, u"--failure-status"_s, u"403"_s});
        ctl({u"allowlist"_s, u"set"_s, u"-"_s, u"--source"_s, u"tiny"_s},
            "127.0.0.0/24 # loopback senders\n");
    }

    QList<Step> steps()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray waText = readFixture(u"wa_text.json"_s);
        const QByteArray waStatus = readFixture(u"wa_status_delivered.json"_s);
        const QByteArray waPhone = readFixture(u"wa_second_waba_text.json"_s);
        QByteArray waUnknown = waText;
        waUnknown.replace("100000000000001", "199999999999999")
            .replace("200000000000001", "299999999999999");
        const QByteArray waBroken = R"({"object":"whatsapp_business_account","entry":[{"id":)";
        const QByteArray stripe = readFixture(u"stripe_payment_intent_succeeded.json"_s);
        const QByteArray settled = readFixture(u"midtrans_settlement_bank_transfer.json"_s);
        const QByteArray pending = readFixture(u"midtrans_pending_bank_transfer.json"_s);
        QByteArray forged = settled;
        forged.replace("1500000.00", "1.00");
        const QByteArray xendit = readFixture(u"xendit_invoice_paid.json"_s);
        const QByteArray crm42 =
            R"({"event":{"id":"crm-42","kind":"contact.updated"},"type":"contact.updated"})";
        const QByteArray crm43 =
            R"({"type":"contact.deleted","event":{"id":"crm-43","kind":"contact.deleted"}})";
        const QByteArray notJson = "event=contact.updated&id=crm-44";
        const QByteArray standard = readFixture(u"standard_webhooks_contact_created.json"_s);
        // Well formed, but over other bytes. (Not the right one with its last character
        // changed: when only the unused low bits of that character change, it decodes to the
        // same MAC and is accepted.)
        const QByteArray badStandard = standardSignature("msg_golden_2", now, standard + ' ');
        const QByteArray oversize(4096, 'x');

        const Headers json{{"Content-Type", "application/json"}};
        const auto with = [&json](Headers extra) { return json + extra; };
        const auto hub = [&with](const QByteArray &body, QByteArrayView secret) {
            return with({{"X-Hub-Signature-256", hubSignature(body, secret)}});
        };
        const QByteArray wa = "/whatsapp/webhook";
        const QByteArray verify = "/whatsapp/webhook?hub.mode=subscribe&hub.challenge=1158201444"
                                  "&hub.verify_token=";
        QByteArray sha1 = "sha1=" + hubSignature(waText).mid(7, 40);

        QList<Step> s = {
            {"whatsapp message", "POST", wa, waText, hub(waText, kFixtureAppSecret), {}},
            {"whatsapp status", "POST", wa, waStatus, hub(waStatus, kFixtureAppSecret), {}},
            {"whatsapp retry (duplicate)", "POST", wa, waText, hub(waText, kFixtureAppSecret), {}},
            {"whatsapp routed by phone number id",
             "POST",
             wa,
             waPhone,
             hub(waPhone, kFixtureAppSecret),
             {}},
            {"whatsapp unknown WABA and phone number id",
             "POST",
             wa,
             waUnknown,
             hub(waUnknown, kFixtureAppSecret),
             {}},
            {"whatsapp malformed JSON", "POST", wa, waBroken, hub(waBroken, kFixtureAppSecret), {}},
            {"whatsapp signature missing", "POST", wa, waText, json, {}},
            {"whatsapp signature malformed",
             "POST",
             wa,
             waText,
             with({{"X-Hub-Signature-256", sha1}}),
             {}},
            {"whatsapp signature mismatch", "POST", wa, waText, hub(waText, "another-secret"), {}},
            {"whatsapp subscription check", "GET", verify + kVerifyToken.toByteArray(), {}, {}, {}},
            {"whatsapp subscription check, wrong token", "GET", verify + "wrong-token", {}, {}, {}},
            {"whatsapp unknown app",
             "POST",
             wa + "/no-such-app",
             waText,
             hub(waText, kFixtureAppSecret),
             {}},
            {"stripe",
             "POST",
             "/webhooks/stripe/firm-a",
             stripe,
             with({{"Stripe-Signature", stripeHeader(stripe, kStripeSecret, now)}}),
             {}},
            {"stripe retry (duplicate)",
             "POST",
             "/webhooks/stripe/firm-a",
             stripe,
             with({{"Stripe-Signature", stripeHeader(stripe, kStripeSecret, now + 1)}}),
             {}},
            {"stripe wrong secret",
             "POST",
             "/webhooks/stripe/firm-a",
             stripe,
             with({{"Stripe-Signature", stripeHeader(stripe, "whsec_wrong", now)}}),
             {}},
            {"stripe stale timestamp",
             "POST",
             "/webhooks/stripe/firm-a",
             stripe,
             with({{"Stripe-Signature", stripeHeader(stripe, kStripeSecret, now - 3600)}}),
             {}},
            {"stripe unknown tenant",
             "POST",
             "/webhooks/stripe/firm-z",
             stripe,
             with({{"Stripe-Signature", stripeHeader(stripe, kStripeSecret, now)}}),
             {}},
            {"midtrans settlement", "POST", "/webhooks/midtrans/firm-a", settled, json, {}},
            {"midtrans pending of the same order",
             "POST",
             "/webhooks/midtrans/firm-a",
             pending,
             json,
             {}},
            {"midtrans forged amount", "POST", "/webhooks/midtrans/firm-a", forged, json, {}},
            {"xendit",
             "POST",
             "/webhooks/xendit/firm-a",
             xendit,
             with({{"x-callback-token", kXenditToken.toByteArray()}}),
             {}},
            {"xendit wrong token",
             "POST",
             "/webhooks/xendit/firm-a",
             xendit,
             with({{"x-callback-token", "xnd_wrong"}}),
             {}},
            {"generic X-Webhook-Signature",
             "POST",
             "/webhooks/generic/crm",
             crm42,
             with({{"X-Webhook-Signature", genericSignature(crm42)}}),
             {}},
            {"generic X-Hub-Signature-256",
             "POST",
             "/webhooks/generic/crm",
             crm43,
             with({{"X-Hub-Signature-256", genericSignature(crm43)}}),
             {}},
            {"generic bad signature",
             "POST",
             "/webhooks/generic/crm",
             crm42,
             with({{"X-Webhook-Signature", genericSignature(crm42, "wrong")}}),
             {}},
            {"generic not JSON",
             "POST",
             "/webhooks/generic/crm",
             notJson,
             with({{"X-Webhook-Signature", genericSignature(notJson)}}),
             {}},
            {"standard webhooks",
             "POST",
             "/webhooks/standard/contacts",
             standard,
             with({{"webhook-id", "msg_golden_1"},
                   {"webhook-timestamp", QByteArray::number(now)},
                   {"webhook-signature", standardSignature("msg_golden_1", now, standard)}}),
             {}},
            {"standard webhooks bad signature",
             "POST",
             "/webhooks/standard/contacts",
             standard,
             with({{"webhook-id", "msg_golden_2"},
                   {"webhook-timestamp", QByteArray::number(now)},
                   {"webhook-signature", badStandard}}),
             {}},
            {"body over the source's limit",
             "POST",
             "/webhooks/generic/tiny",
             oversize,
             with({{"X-Webhook-Signature", genericSignature(oversize, kTinySecret)}}),
             {}},
            {"unknown route", "GET", "/nope", {}, {}, {}},
            {"wrong method", "DELETE", wa, {}, {}, {}},
            {"wrong method on a provider route", "GET", "/webhooks/stripe/firm-a", {}, {}, {}},
            {"health", "GET", "/health", {}, {}, {}, 0},
            {"ready", "GET", "/ready", {}, {}, {}, 0},
        };
        for (qsizetype i = 0; i < s.size(); ++i)
            s[i].from = QHostAddress(u"127.0.0.%1"_s.arg(10 + i));
        // Outside the tiny source's allowlist: 403, audited with the next flush.
        s.append({"address not on the source's allowlist", "POST", "/webhooks/generic/tiny", crm42,
                  with({{"X-Webhook-Signature", genericSignature(crm42, kTinySecret)}}),
                  QHostAddress(u"127.0.1.1"_s)});
        // 1 request/s per address: the second at once is refused.
        s.append({"rate limit: first request",
                  "GET",
                  "/nope",
                  {},
                  {},
                  QHostAddress(u"127.0.2.1"_s),
                  1,
                  false});
        s.append({"rate limit: second request at once",
                  "GET",
                  "/nope",
                  {},
                  {},
                  QHostAddress(u"127.0.2.1"_s)});
        return s;
    }

    // The reply: status and body, then every header in order, on one line.
    QString transcript(const Step &step, const HttpResult &r, bool withBody = true) const
    {
        QString out = u"> %1: %2 %3 from %4\n"_s.arg(
            QString::fromUtf8(step.label), QString::fromLatin1(step.method),
            QString::fromUtf8(step.target), step.from.toString());
        if (r.status == 0)
            return out + u"< no response (%1)\n"_s.arg(r.failure);
        out += u"< %1 %2\n"_s.arg(r.status).arg(withBody ? jsonScalar(QString::fromUtf8(r.body))
                                                         : u"<body below>"_s);
        QStringList headers;
        for (const auto &[name, value] : r.headers) {
            const bool volatileValue = !withBody && name == "content-length";
            headers << QString::fromLatin1(name) + u": "_s +
                           (volatileValue ? u"<n>"_s : QString::fromLatin1(value));
        }
        return out + u"< "_s + headers.join(u" | "_s) + u'\n';
    }

    // Every table, columns in declaration order. The audit log in id order (one request after
    // the other), the rest sorted, since their physical order is not part of the interface.
    QString dumpDatabase()
    {
        auto db = openDb();
        QString out;
        QSqlQuery q(db->db());
        if (!q.exec(u"SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"_s))
            qFatal("cannot read sqlite_master: %s", qPrintable(q.lastError().text()));
        QStringList tables;
        out += u"== sqlite_master (type, name, tbl_name, sql)\n"_s;
        while (q.next()) {
            out += u"%1 | %2 | %3 | %4\n"_s.arg(
                q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).isNull() ? u"NULL"_s : jsonScalar(q.value(3).toString()));
            if (q.value(0).toString() == u"table"_s)
                tables << q.value(1).toString();
        }
        tables.sort();
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery rows(db->db());
            const bool audit = table == u"audit_log"_s;
            // Per source: which minutes the requests fell in depends on the clock.
            const QString sql =
                table == u"source_activity"_s
                    ? u"SELECT source, '<minute>' AS minute, sum(requests) AS requests "
                      "FROM source_activity GROUP BY source"_s
                    : u"SELECT * FROM \"%1\"%2"_s.arg(table, audit ? u" ORDER BY id"_s : QString());
            if (!rows.exec(sql))
                qFatal("cannot read %s: %s", qPrintable(table),
                       qPrintable(rows.lastError().text()));
            const QSqlRecord record = rows.record();
            QStringList columns;
            for (int i = 0; i < record.count(); ++i)
                columns << record.fieldName(i);
            QStringList lines;
            while (rows.next()) {
                QStringList cells;
                for (int i = 0; i < record.count(); ++i)
                    cells << (table == u"gateways"_s ? gatewayCell(columns[i], rows.value(i))
                                                     : cell(columns[i], rows.value(i)));
                lines << cells.join(u" | "_s);
            }
            if (!audit)
                std::sort(lines.begin(), lines.end(), naturalLess);
            out += u"== %1 (%2)\n"_s.arg(table, columns.join(u", "_s));
            for (const QString &line : std::as_const(lines))
                out += line + u'\n';
        }
        return out;
    }

    // Generated ids are numbered in the order of the audit log (one request after the other),
    // on either database.
    void numberIds()
    {
        auto db = openDb();
        QSqlQuery q(db->db());
        if (!q.exec(u"SELECT * FROM audit_log ORDER BY id"_s))
            qFatal("cannot read the audit log: %s", qPrintable(q.lastError().text()));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i) {
                if (q.value(i).metaType().id() == QMetaType::QString)
                    m_norm.text(q.value(i).toString());
            }
        }
    }

    // This run's heartbeat row: its id, host, ports and figures belong to the machine and the
    // moment; the columns and the shape of the summary are what is published.
    QString gatewayCell(const QString &column, const QVariant &v)
    {
        static const QRegularExpression port(u":[0-9]+$"_s);
        if (column == u"id"_s)
            return v.toString().startsWith(u"gw_"_s) ? u"<gateway-id>"_s : jsonScalar(v.toString());
        if (column == u"host"_s)
            return u"<host>"_s;
        if (column == u"webhook_url"_s || column == u"admin_url"_s)
            return jsonScalar(v.toString().replace(port, u":<port>"_s));
        if (column == u"summary"_s) {
            const QStringList keys = QJsonDocument::fromJson(v.toString().toUtf8()).object().keys();
            return jsonScalar(QString(keys.join(u',') + u" = <figures>"_s));
        }
        return cell(column, v);
    }

    QString cell(const QString &column, const QVariant &v)
    {
        if (v.isNull())
            return u"NULL"_s;
        switch (v.metaType().id()) {
        case QMetaType::QByteArray:
            // Sealed values (secrets, raw payloads): a random nonce each time.
            return u"<blob:%1>"_s.arg(v.toByteArray().size());
        case QMetaType::LongLong:
        case QMetaType::Int:
        case QMetaType::ULongLong:
        case QMetaType::UInt: {
            if (column == u"processing_us"_s)
                return u"<us>"_s;
            const qint64 n = v.toLongLong();
            if (n > 1'000'000'000'000LL)
                return m_norm.time(n).value_or(QString::number(n));
            return QString::number(n);
        }
        case QMetaType::Double:
            return QString::number(v.toDouble(), 'g', 17);
        default:
            return jsonScalar(m_norm.text(v.toString()));
        }
    }

    QString ctlSection(const QStringList &args, QJsonValue *parsed = nullptr)
    {
        const CommandResult r = ctlResult(args);
        m_norm.extendWindowTo(QDateTime::currentMSecsSinceEpoch());
        QString out = u"$ gerbangctl %1\n"_s.arg(m_norm.text(args.join(u' ')));
        out += u"exit %1\n"_s.arg(r.exitCode);
        for (const QByteArray &line : r.err.split('\n')) {
            if (!line.isEmpty())
                out += u"stderr: "_s + m_norm.text(QString::fromUtf8(line)) + u'\n';
        }
        if (args.contains(u"export"_s)) {
            const QList<QStringList> records = parseCsv(QString::fromUtf8(r.out));
            const QStringList header = records.value(0);
            for (qsizetype i = 0; i < records.size(); ++i) {
                QJsonArray cells;
                for (qsizetype c = 0; c < records[i].size(); ++c) {
                    const bool duration = i > 0 && header.value(c) == u"processing_us"_s;
                    cells << (duration ? u"<us>"_s : m_norm.text(records[i][c]));
                }
                out += u"csv[%1] = %2\n"_s.arg(i).arg(
                    QString::fromUtf8(QJsonDocument(cells).toJson(QJsonDocument::Compact)));
            }
            return out;
        }
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError) {
            out += u"stdout (not JSON): "_s + jsonScalar(QString::fromUtf8(r.out)) + u'\n';
            return out;
        }
        const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        if (parsed)
            *parsed = value;
        QStringList lines;
        flattenJson(QString(), QString(), value, m_norm, &lines);
        for (const QString &line : std::as_const(lines))
            out += line + u'\n';
        return out;
    }

    QString dumpCtl()
    {
        QString out;
        const QString json = u"--json"_s;
        for (const QStringList &args : {
                 QStringList{u"tenant"_s, u"list"_s, json},
                 QStringList{u"source"_s, u"list"_s, json},
                 QStringList{u"secret"_s, u"list"_s, json},
                 QStringList{u"allowlist"_s, u"list"_s, json},
                 QStringList{u"dlq"_s, u"list"_s, json},
             })
            out += ctlSection(args);
        QJsonValue events;
        out += ctlSection({u"events"_s, u"list"_s, json, u"--limit"_s, u"0"_s}, &events);
        out += ctlSection({u"events"_s, u"list"_s, json, u"--tenant"_s, u"firm-b"_s});
        out += ctlSection({u"events"_s, u"list"_s, json, u"--provider"_s, u"stripe"_s});
        out += ctlSection({u"events"_s, u"list"_s, json, u"--limit"_s, u"2"_s});
        const QJsonArray list = events.toArray();
        for (const QJsonValue &e : list)
            out += ctlSection({u"events"_s, u"show"_s, e[u"id"_s].toString()});
        out += ctlSection({u"events"_s, u"show"_s, u"ev_00000000000000000000000000000000"_s});
        out += ctlSection({u"audit"_s, u"list"_s, json, u"--limit"_s, u"0"_s});
        out += ctlSection(
            {u"audit"_s, u"list"_s, json, u"--outcome"_s, u"rejected"_s, u"--limit"_s, u"2"_s});
        out += ctlSection({u"audit"_s, u"list"_s, json, u"--tenant"_s, u"firm-b"_s});
        out += ctlSection(
            {u"audit"_s, u"list"_s, json, u"--provider"_s, u"stripe"_s, u"--limit"_s, u"3"_s});
        out += ctlSection({u"audit"_s, u"export"_s, u"--from"_s, u"2000-01-01"_s, u"--to"_s,
                           u"2999-12-31"_s, u"--output"_s, u"-"_s});
        return out;
    }

    // Names, labels and HELP/TYPE lines as they are; values that depend on timing (durations,
    // uptime, the retention job's clock, commit batching) as <n>. The samples of a counter or
    // gauge sorted: their order is not part of the exposition format (a histogram's buckets
    // are, by their bound).
    static QString normalizeMetrics(const QByteArray &text)
    {
        static const QRegularExpression sample(u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (.*)$"_s);
        QString out;
        QStringList samples;
        bool ordered = false;
        const auto flushSamples = [&] {
            if (!ordered)
                std::sort(samples.begin(), samples.end(), naturalLess);
            for (const QString &s : std::as_const(samples))
                out += s + u'\n';
            samples.clear();
        };
        for (const QByteArray &raw : text.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.isEmpty())
                continue;
            if (line.startsWith(u"# HELP "_s)) {
                flushSamples();
                out += line + u'\n';
                continue;
            }
            if (line.startsWith(u'#')) {
                if (line.startsWith(u"# TYPE "_s))
                    ordered = line.endsWith(u" histogram"_s) || line.endsWith(u" summary"_s);
                out += line + u'\n';
                continue;
            }
            const QRegularExpressionMatch m = sample.match(line);
            if (!m.hasMatch()) {
                samples << u"unparsed: "_s + line;
                continue;
            }
            const QString name = m.captured(1);
            const QString labels = m.captured(2);
            const bool timing = name.endsWith(u"_sum"_s) ||
                                (name.endsWith(u"_bucket"_s) && labels != u"{le=\"+Inf\"}"_s) ||
                                name.startsWith(u"gerbang_store_commit_duration_seconds"_s) ||
                                name == u"gerbang_uptime_seconds"_s ||
                                name == u"gerbang_retention_last_run_timestamp_seconds"_s;
            samples << name + labels + u' ' + (timing ? u"<n>"_s : m.captured(3));
        }
        flushSamples();
        return out;
    }

    static qint64 sampleValue(const QByteArray &metrics, QByteArrayView name)
    {
        for (const QByteArray &line : metrics.split('\n')) {
            if (line.startsWith(name) && line.size() > name.size() && line[name.size()] == ' ')
                return line.mid(name.size() + 1).toLongLong();
        }
        return -1;
    }

    // /metrics once the gauges have caught up with the store: no commit pending, the outbox
    // count refreshed (once a second), the retention run published, only this connection open.
    HttpResult settledMetrics()
    {
        const qint64 pending = pendingOutbox();
        HttpResult r;
        QDeadlineTimer deadline(8000);
        do {
            r = httpRequest(m_gw->port(), "GET", "/metrics");
            if (r.status == 200 && sampleValue(r.body, "gerbang_open_connections") == 1 &&
                sampleValue(r.body, "gerbang_pending_commits") == 0 &&
                sampleValue(r.body, "gerbang_outbox_pending") == pending &&
                r.body.contains("gerbang_retention_last_run_timestamp_seconds "))
                return r;
            QTest::qWait(100);
        } while (!deadline.hasExpired());
        return r;
    }

    QString compareWithGolden(const QString &actual, const QString &golden)
    {
        if (actual == golden)
            return {};
        const QString stem = QDir::temp().filePath(
            u"published-interface-%1"_s.arg(QCoreApplication::applicationPid()));
        const QString actualPath = stem + u".actual"_s;
        const QString goldenPath = stem + u".expected"_s;
        const std::pair<QString, QString> files[] = {{actualPath, actual}, {goldenPath, golden}};
        for (const auto &[path, text] : files) {
            QFile f(path);
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                f.write(text.toUtf8());
        }
        QString diff;
        QProcess p;
        p.start(u"diff"_s, {u"-u"_s, goldenPath, actualPath});
        if (p.waitForFinished(10000))
            diff = QString::fromUtf8(p.readAllStandardOutput());
        if (diff.isEmpty()) {
            // No diff(1): the first difference, with a few lines around it.
            const QStringList a = golden.split(u'\n');
            const QStringList b = actual.split(u'\n');
            qsizetype i = 0;
            while (i < a.size() && i < b.size() && a[i] == b[i])
                ++i;
            for (qsizetype k = std::max<qsizetype>(0, i - 3); k < i; ++k)
                diff += u"  "_s + a[k] + u'\n';
            for (qsizetype k = i; k < std::min(a.size(), i + 5); ++k)
                diff += u"- "_s + a[k] + u'\n';
            for (qsizetype k = i; k < std::min(b.size(), i + 5); ++k)
                diff += u"+ "_s + b[k] + u'\n';
        }
        return u"the published interface differs from tests/data/%1 (- golden, + this run; full "
               "dumps: %2, %3):\n%4"_s.arg(QString::fromLatin1(kGoldenName), goldenPath, actualPath,
                                           diff);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gerbangd = qEnvironmentVariable("GERBANG_GOLDEN_GERBANGD");
        m_gerbangctl = qEnvironmentVariable("GERBANG_GOLDEN_GERBANGCTL");
        for (const QString &path : {m_gerbangd, m_gerbangctl})
            QVERIFY2(path.isEmpty() || QFile::exists(path), qPrintable(path + u": no such file"_s));
    }

    void cleanup()
    {
        QString why;
        QVERIFY2(!m_gw || m_gw->stopCleanly(&why), qPrintable(why));
        m_gw.reset();
        m_dir.reset();
    }

    void sameRequestsLeaveTheSameTraces()
    {
        const QString writeTo = qEnvironmentVariable("GERBANG_GOLDEN_WRITE");
        if (!writeTo.isEmpty() && testingOnPostgres())
            QSKIP("the golden file is written from a run on SQLite");
        const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // Only what this test sets: none of the developer's GERBANG_* variables.
        m_ctlEnv = QProcessEnvironment::systemEnvironment();
        for (const QString &key : m_ctlEnv.keys()) {
            if (key.startsWith(u"GERBANG_"_s) && key != u"GERBANG_TEST_DATABASE_URL"_s)
                m_ctlEnv.remove(key);
        }
        m_ctlEnv.insert(u"GERBANG_CONFIG"_s, dataDir() + u"/gerbang.ini"_s);
        configure();
        if (QTest::currentTestFailed())
            return;

        m_gw = std::make_unique<GatewayProcess>(dataDir());
        m_gw->setProgram(m_gerbangd);
        m_gw->environment() = m_ctlEnv;
        // Not the default 8081, which a developer's own gateway may hold.
        m_gw->environment().insert(u"GERBANG_ADMIN_LISTEN"_s, u"127.0.0.1:0"_s);
        QString error;
        QVERIFY2(m_gw->start(&error), qPrintable(error));

        QString http;
        // From the rows already there: gerbangctl's setup changes are audited too.
        qint64 expectedRows = auditCount();
        for (const Step &step : steps()) {
            const HttpResult r = httpRequest(m_gw->port(), step.method, step.target, step.body,
                                             step.headers, 10000, step.from);
            http += transcript(step, r);
            // One request after the other has left its audit row: ids and order are fixed.
            expectedRows += step.auditRows;
            if (!step.wait)
                continue;
            QDeadlineTimer deadline(3000);
            while (auditCount() < expectedRows && !deadline.hasExpired())
                QTest::qWait(10);
        }
        const Step scrape{"metrics", "GET", "/metrics", {}, {}, QHostAddress::LocalHost, 0};
        const HttpResult metrics = settledMetrics();
        http += transcript(scrape, metrics, false);
        QString why;
        QVERIFY2(m_gw->stopCleanly(&why), qPrintable(why));
        m_norm.setWindow(startMs, QDateTime::currentMSecsSinceEpoch());

        QString dump = u"# The published interface after a fixed sequence of requests "
                       "(tests/integration/tst_published_interface.cpp).\n"_s;
        numberIds();
        if (!testingOnPostgres())
            dump += u"\n==== database\n"_s + dumpDatabase();
        dump += u"\n==== http\n"_s + http;
        dump += u"\n==== gerbangctl\n"_s + dumpCtl();
        dump += u"\n==== metrics\n"_s + normalizeMetrics(metrics.body);

        if (!writeTo.isEmpty()) {
            QFile out(writeTo);
            QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate),
                     qPrintable(out.errorString()));
            out.write(dump.toUtf8());
            out.close();
            QSKIP(qPrintable(u"GERBANG_GOLDEN_WRITE: dump written to %1, not compared"_s.arg(
                QFileInfo(writeTo).absoluteFilePath())));
        }
        QString golden = QString::fromUtf8(readFixture(QString::fromLatin1(kGoldenName)));
        if (testingOnPostgres()) {
            // The database section is SQLite's: compare the rest.
            const qsizetype from = golden.indexOf(u"\n==== database\n"_s);
            const qsizetype to = golden.indexOf(u"\n==== http\n"_s);
            if (from >= 0 && to > from)
                golden.remove(from, to - from);
        }
        const QString mismatch = compareWithGolden(dump, golden);
        if (!mismatch.isEmpty()) {
            // Whole, on standard error: QTest cuts a failure message at 1 KiB.
            fputs(mismatch.toUtf8().constData(), stderr);
            fflush(stderr);
        }
        QVERIFY2(mismatch.isEmpty(), "the published interface changed: see the diff above");
    }
};

QTEST_GUILESS_MAIN(TestPublishedInterface)
#include "tst_published_interface.moc"
