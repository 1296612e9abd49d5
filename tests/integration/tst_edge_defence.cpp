// SPDX-License-Identifier: GPL-3.0-or-later
// Edge defence over real loopback: rate limits, client addresses behind proxies, allowlists,
// size and time limits. 127.0.0.0/8 gives the test as many client addresses as it needs.
#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "storage/Database.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

QHostAddress loopback(int n)
{
    return QHostAddress(u"127.0.0.%1"_s.arg(n));
}

struct RefusedUpload
{
    QByteArray answer;
    qint64 bodyBytesSent = 0;
};

// Sends a request head, reads the answer, then goes on sending up to bodyBytes of the body
// and waits until the server closes. A plain socket, because QTcpSocket closes both
// directions once the server half-closes, and so could not keep sending what the server
// has to discard.
RefusedUpload uploadAfterRefusal(quint16 port, QByteArrayView head, qint64 bodyBytes)
{
    RefusedUpload r;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return r;
    const timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    char buf[4096];
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) == 0 &&
        ::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == head.size()) {
        while (!r.answer.contains("\r\n\r\n")) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            r.answer.append(buf, n);
        }
        const QByteArray chunk(64 * 1024, 'x');
        while (r.bodyBytesSent < bodyBytes) {
            const ssize_t n = ::send(fd, chunk.constData(), chunk.size(), MSG_NOSIGNAL);
            if (n <= 0)
                break;
            r.bodyBytesSent += n;
        }
        // The server closes once it has seen our end of the stream: by then it has taken in
        // (and dropped) everything we sent.
        ::shutdown(fd, SHUT_WR);
        while (::recv(fd, buf, sizeof buf, 0) > 0) {
        }
    }
    ::close(fd);
    return r;
}

// A plain non-blocking socket from `from` to the gateway (QTcpSocket would buffer without end
// what the server refuses to take, and cannot half-close).
int rawConnect(quint16 port, const QHostAddress &from = QHostAddress(QHostAddress::LocalHost))
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in local{};
    local.sin_family = AF_INET;
    local.sin_addr.s_addr = htonl(from.toIPv4Address());
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&local), sizeof local) != 0 ||
        ::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Everything the server sends until it closes (or `timeoutMs` passes).
QByteArray readUntilClosed(int fd, int timeoutMs)
{
    const timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    QByteArray all;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return all;
        all.append(buf, n);
    }
}

} // namespace

class TestEdgeDefence : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GatewayProcess> m_gw;

    void start(const QList<std::pair<QString, QString>> &env, const QByteArray &ini = {})
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_gw = std::make_unique<GatewayProcess>(m_dir->path());
        if (!ini.isEmpty()) {
            QFile f(m_dir->path() + u"/gerbang.ini"_s);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(ini);
        }
        m_gw->environment().insert(u"GERBANG_WHATSAPP_APP_SECRET"_s,
                                   QString::fromLatin1(kFixtureAppSecret));
        for (const auto &[k, v] : env)
            m_gw->environment().insert(k, v);
        QString error;
        QVERIFY2(m_gw->start(&error), qPrintable(error));
    }

    QList<QStringList> auditRows(const QString &columns, const QString &where = u"1 = 1"_s)
    {
        // Refusals are audited aggregated, once a second: wait for the flush.
        QString error;
        auto db = openTestDatabase(m_dir->path(), &error);
        QSqlQuery q(db->db());
        QList<QStringList> out;
        if (!q.exec(u"SELECT %1 FROM audit_log WHERE %2 ORDER BY id"_s.arg(columns, where)))
            qFatal("bad query");
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i).toString();
            out << row;
        }
        return out;
    }

    int get(const QByteArray &path, const QHostAddress &from,
            const QList<std::pair<QByteArray, QByteArray>> &headers = {}, HttpResult *out = nullptr)
    {
        const HttpResult r = httpRequest(m_gw->port(), "GET", path, {}, headers, 10000, from);
        if (out)
            *out = r;
        return r.status;
    }

private Q_SLOTS:
    void cleanup()
    {
        QString why;
        QVERIFY2(!m_gw || m_gw->stopCleanly(&why), qPrintable(why));
        m_gw.reset();
        m_dir.reset();
    }

    void perAddressLimitWithRetryAfterAndRecovery()
    {
        start({{u"GERBANG_RATE_PER_IP"_s, u"5"_s}, {u"GERBANG_RATE_GLOBAL"_s, u"0"_s}});
        QList<int> statuses;
        HttpResult last;
        for (int i = 0; i < 8; ++i)
            statuses << get("/whatsapp/webhook", loopback(2), {}, &last);
        // The burst equals the rate: five get through (403: no verify token), then 429.
        QCOMPARE(statuses.mid(0, 5), QList<int>(5, 403));
        QCOMPARE(statuses.mid(5), QList<int>(3, 429));
        QCOMPARE(last.body, QByteArray(R"({"error":"rate_limited"})"));
        QCOMPARE(last.header("retry-after"), QByteArray("1"));
        // Another client is not affected, and health checks are never limited.
        QCOMPARE(get("/whatsapp/webhook", loopback(3)), 403);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(get("/health", loopback(2)), 200);
        // A token comes back every 200 ms.
        QTest::qWait(1100);
        QCOMPARE(get("/whatsapp/webhook", loopback(2)), 403);
    }

    void globalLimit()
    {
        start({{u"GERBANG_RATE_PER_IP"_s, u"0"_s}, {u"GERBANG_RATE_GLOBAL"_s, u"4"_s}});
        int refused = 0;
        for (int i = 0; i < 8; ++i)
            refused += get("/nope", loopback(10 + i)) == 429 ? 1 : 0;
        QCOMPARE(refused, 4);
    }

    void refusalsAreAuditedAggregated()
    {
        start({{u"GERBANG_RATE_PER_IP"_s, u"2"_s}, {u"GERBANG_RATE_GLOBAL"_s, u"0"_s}});
        int refused = 0;
        for (int i = 0; i < 60; ++i)
            refused += get("/nope", loopback(7)) == 429 ? 1 : 0;
        QVERIFY(refused >= 50);
        QList<QStringList> rows;
        QDeadlineTimer deadline(5000);
        qint64 counted = 0;
        while (counted < refused && !deadline.hasExpired()) {
            QTest::qWait(200);
            rows = auditRows(u"source_ip, http_status, detail"_s, u"outcome = 'rate_limited'"_s);
            counted = 0;
            for (const QStringList &r : rows)
                counted += QJsonDocument::fromJson(r[2].toUtf8()).object()[u"count"_s].toInteger();
        }
        QCOMPARE(counted, qint64(refused));
        // One row per client and second, not one per request.
        QVERIFY2(rows.size() <= 3, qPrintable(QString::number(rows.size())));
        QCOMPARE(rows.first().value(0), u"127.0.0.7"_s);
        QCOMPARE(rows.first().value(1), u"429"_s);
    }

    void forwardedForOnlyFromTrustedProxies()
    {
        start({{u"GERBANG_TRUSTED_PROXIES"_s, u"127.0.0.1, 127.0.0.5"_s}});
        // Through a trusted proxy: the right-most untrusted hop is the client.
        QCOMPARE(get("/nope", loopback(1), {{"X-Forwarded-For", "203.0.113.9, 198.51.100.7"}}),
                 404);
        // Chained trusted proxies are skipped.
        QCOMPARE(get("/nope", loopback(1), {{"X-Forwarded-For", "198.51.100.8, 127.0.0.5"}}), 404);
        // From an untrusted peer the header is ignored.
        QCOMPARE(get("/nope", loopback(9), {{"X-Forwarded-For", "198.51.100.99"}}), 404);
        // A malformed header never moves the address away from the peer.
        QCOMPARE(get("/nope", loopback(1), {{"X-Forwarded-For", "not-an-ip"}}), 404);
        QList<QStringList> rows;
        QTRY_COMPARE_WITH_TIMEOUT((rows = auditRows(u"source_ip"_s)).size(), 4, 5000);
        QCOMPARE(
            rows,
            (QList<QStringList>{
                {u"198.51.100.7"_s}, {u"198.51.100.8"_s}, {u"127.0.0.9"_s}, {u"127.0.0.1"_s}}));
    }

    void allowlistForIPv4AndIPv6()
    {
        start({{u"GERBANG_ALLOWLIST"_s, u"127.0.0.2/32 2001:db8::/32 127.0.0.1"_s},
               {u"GERBANG_TRUSTED_PROXIES"_s, u"127.0.0.1"_s}});
        QCOMPARE(get("/health", loopback(2)), 200);
        HttpResult r;
        QCOMPARE(get("/health", loopback(3), {}, &r), 403);
        QCOMPARE(r.body, QByteArray(R"({"error":"forbidden"})"));
        // IPv6 clients, as a trusted proxy reports them.
        QCOMPARE(get("/health", loopback(1), {{"X-Forwarded-For", "2001:db8::5"}}), 200);
        QCOMPARE(get("/health", loopback(1), {{"X-Forwarded-For", "2001:db9::5"}}), 403);
        QCOMPARE(get("/health", loopback(1), {{"X-Forwarded-For", "[2001:db8::7]:443"}}), 200);
        QList<QStringList> rows;
        QTRY_COMPARE_WITH_TIMEOUT(
            (rows = auditRows(u"source_ip"_s, u"outcome = 'forbidden'"_s)).size(), 2, 5000);
        // Aggregated rows are flushed together, in no particular order.
        std::sort(rows.begin(), rows.end());
        QCOMPARE(rows, (QList<QStringList>{{u"127.0.0.3"_s}, {u"2001:db9::5"_s}}));
    }

    void allowlistsSetWithGerbangctlTakeEffectLive()
    {
        start({});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GERBANG_CONFIG"_s, m_dir->path() + u"/gerbang.ini"_s);
        auto ctl = [&](const QStringList &args, const QByteArray &input = {}) {
            return runCtl(m_dir->path(), args, input, env);
        };
        const QByteArray body = readFixture(u"wa_text.json"_s);
        const QList<std::pair<QByteArray, QByteArray>> forged{
            {"X-Hub-Signature-256", "sha256=" + QByteArray(64, '0')}};
        auto postFrom = [&](int n) {
            return httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body, forged, 10000,
                               loopback(n))
                .status;
        };
        QCOMPARE(postFrom(3), 401);
        // Meta's ranges for the WhatsApp route only (here: a loopback stand-in).
        QTemporaryFile ranges;
        QVERIFY(ranges.open());
        ranges.write("# Meta ranges, from whois AS32934\n127.0.0.2/32\n2001:db8::/32 # v6\n");
        ranges.close();
        CommandResult r =
            ctl({u"allowlist"_s, u"set"_s, u"--source"_s, u"whatsapp"_s, ranges.fileName()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(postFrom(3), 403, 5000);
        QCOMPARE(postFrom(2), 401);                 // allowed through to the signature check
        QCOMPARE(get("/health", loopback(3)), 200); // other routes are not restricted
        // A bad entry changes nothing.
        r = ctl({u"allowlist"_s, u"set"_s, u"-"_s}, "127.0.0.9\nbanana\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("banana"));
        // A global list, from standard input.
        QCOMPARE(ctl({u"allowlist"_s, u"set"_s, u"-"_s}, "127.0.0.2\n").exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(get("/health", loopback(3)), 403, 5000);
        const QJsonArray lists =
            QJsonDocument::fromJson(ctl({u"allowlist"_s, u"list"_s, u"--json"_s}).out).array();
        QCOMPARE(lists.size(), 2);
        QCOMPARE(ctl({u"allowlist"_s, u"clear"_s}).exitCode, 0);
        QCOMPARE(ctl({u"allowlist"_s, u"clear"_s, u"--source"_s, u"whatsapp"_s}).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(postFrom(3), 401, 5000);
    }

    void malformedAllowlistIsRefusedAtStart()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        GatewayProcess gw(m_dir->path());
        gw.environment().insert(u"GERBANG_ALLOWLIST"_s, u"10.0.0.0/8 banana"_s);
        QString error;
        QVERIFY(!gw.start(&error));
        QVERIFY2(error.contains(u"'banana' is not an IP address"_s), qPrintable(error));
    }

    void hugeBodyIsRefusedWithoutBeingRead()
    {
        // Under AddressSanitizer every freed read buffer waits in quarantine, so RSS would
        // count discarded bytes as if they were kept; this one gateway runs without it.
        // (Other builds ignore the variable.)
        start({{u"ASAN_OPTIONS"_s,
                qEnvironmentVariable("ASAN_OPTIONS") + u":quarantine_size_mb=0"_s}});
        const QByteArray head =
            "POST /whatsapp/webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 52428800\r\n\r\n";
        // A first refusal warms up whatever the refusal path allocates once.
        QVERIFY(uploadAfterRefusal(m_gw->port(), head, 0).answer.startsWith("HTTP/1.1 413 "));
        const qint64 before = m_gw->rssKiB();

        // The answer comes on the head alone; the 16 MiB of body that follow are discarded.
        constexpr qint64 kBody = 16 * 1024 * 1024;
        const RefusedUpload r = uploadAfterRefusal(m_gw->port(), head, kBody);
        QVERIFY2(r.answer.startsWith("HTTP/1.1 413 "), r.answer.left(200).constData());
        QVERIFY(r.answer.contains(R"({"error":"body_too_large"})"));
        QCOMPARE(r.bodyBytesSent, kBody);
        const qint64 grown = m_gw->rssKiB() - before;
        QVERIFY2(grown < 4 * 1024, qPrintable(u"RSS grew by %1 KiB"_s.arg(grown)));
    }

    void severalForwardedForLinesAreOneList()
    {
        // A proxy that appends its own X-Forwarded-For line (HAProxy's option forwardfor)
        // puts the address it saw on the last line; the lines before it are the client's
        // words. Read only the first line, they chose the allowlisted address (was: 200).
        start({{u"GERBANG_TRUSTED_PROXIES"_s, u"127.0.0.1/32"_s},
               {u"GERBANG_ALLOWLIST"_s, u"192.0.2.10/32"_s}});
        QCOMPARE(get("/health", loopback(1),
                     {{"X-Forwarded-For", "192.0.2.10"}, {"X-Forwarded-For", "203.0.113.50"}}),
                 403);
        QCOMPARE(get("/health", loopback(1), {{"X-Forwarded-For", "192.0.2.10, 203.0.113.50"}}),
                 403);
        QCOMPARE(get("/health", loopback(1),
                     {{"X-Forwarded-For", "203.0.113.50"}, {"X-Forwarded-For", "192.0.2.10"}}),
                 200);
        QList<QStringList> rows;
        QTRY_COMPARE_WITH_TIMEOUT(
            (rows = auditRows(u"source_ip, detail"_s, u"outcome = 'forbidden'"_s)).size(), 1, 5000);
        QCOMPARE(rows.first().value(0), u"203.0.113.50"_s);
        QCOMPARE(QJsonDocument::fromJson(rows.first().value(1).toUtf8())
                     .object()[u"count"_s]
                     .toInteger(),
                 2);
    }

    void nonReadingPipelinerMemoryStaysBounded()
    {
        // One client pipelines GET /health (exempt from rate limits) and never reads: replies
        // used to pile up in the write buffer (20 MB to 905 MB of RSS in 20 s). The read
        // timeout is long here, so that only backpressure can keep memory bounded.
        start({{u"ASAN_OPTIONS"_s,
                qEnvironmentVariable("ASAN_OPTIONS") + u":quarantine_size_mb=0"_s}},
              "[server]\nread_timeout_ms=60000\n");
        QCOMPARE(get("/health", loopback(1)), 200);
        const qint64 before = m_gw->rssKiB();
        const int fd = rawConnect(m_gw->port(), loopback(50));
        QVERIFY(fd >= 0);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        QByteArray burst;
        for (int i = 0; i < 500; ++i)
            burst += "GET /health HTTP/1.1\r\nHost: a\r\n\r\n";
        qint64 sent = 0;
        qint64 peak = before;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 15'000) {
            const ssize_t n = ::send(fd, burst.constData(), size_t(burst.size()), MSG_NOSIGNAL);
            if (n > 0)
                sent += n;
            else
                QTest::qWait(20);
            if (clock.elapsed() % 1000 < 25)
                peak = std::max(peak, m_gw->rssKiB());
        }
        peak = std::max(peak, m_gw->rssKiB());
        // Others are still served while the pipeliner is held back.
        QCOMPARE(get("/health", loopback(2)), 200);
        ::close(fd);
        const qint64 grown = peak - before;
        QVERIFY2(grown < 16 * 1024,
                 qPrintable(u"RSS grew by %1 KiB after %2 bytes sent"_s.arg(grown).arg(sent)));
        // TCP pushed back: the kernel's buffers hold what was sent, not our memory.
        QVERIFY2(sent < 32 * 1024 * 1024, qPrintable(QString::number(sent)));
    }

    void halfClosedSenderGetsItsReply()
    {
        // A sender that shuts down its side once the request is out still waits for the
        // answer; a read end-of-stream used to close the connection before the commit replied.
        start({});
        const QByteArray body = readFixture(u"wa_text.json"_s);
        const int fd = rawConnect(m_gw->port());
        QVERIFY(fd >= 0);
        const QByteArray request = "POST /whatsapp/webhook HTTP/1.1\r\nHost: gerbang\r\n"
                                   "Content-Type: application/json\r\nX-Hub-Signature-256: " +
                                   hubSignature(body) +
                                   "\r\nContent-Length: " + QByteArray::number(body.size()) +
                                   "\r\n\r\n" + body;
        QCOMPARE(::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL),
                 ssize_t(request.size()));
        QCOMPARE(::shutdown(fd, SHUT_WR), 0);
        const QByteArray answer = readUntilClosed(fd, 10'000);
        ::close(fd);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "),
                 QByteArray(answer.left(300) + "\n--- gateway:\n" + m_gw->output().right(1500))
                     .constData());
    }

    void connectionCapPerAddressAndFirstByteDeadline()
    {
        start({{u"GERBANG_TRUSTED_PROXIES"_s, u"127.0.0.40"_s}},
              "[server]\nmax_connections_per_ip=4\nfirst_byte_timeout_ms=1500\n");
        std::vector<int> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(rawConnect(m_gw->port(), loopback(30)));
            QVERIFY(held.back() >= 0);
        }
        // The fifth from that address gets an honest 503; other addresses are served.
        HttpResult r;
        // (The gateway accepts in arrival order, so the four are counted before this one.)
        QCOMPARE(get("/health", loopback(30), {}, &r), 503);
        QCOMPARE(r.body, QByteArray(R"({"error":"too_many_connections"})"));
        QCOMPARE(get("/health", loopback(31)), 200);
        // A trusted proxy carries every client: it is held only to the global cap.
        std::vector<int> proxy;
        for (int i = 0; i < 6; ++i)
            proxy.push_back(rawConnect(m_gw->port(), loopback(40)));
        QCOMPARE(get("/health", loopback(40)), 200);
        // Silent connections go at the first-byte deadline, not the 30 s idle timeout.
        QElapsedTimer clock;
        clock.start();
        const QByteArray rest = readUntilClosed(held.front(), 5000);
        QVERIFY2(rest.isEmpty(), rest.constData());
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        for (int fd : held)
            ::close(fd);
        for (int fd : proxy)
            ::close(fd);
        QCOMPARE(get("/health", loopback(30)), 200);
        HttpResult metrics;
        QCOMPARE(get("/metrics", loopback(1), {}, &metrics), 200);
        QVERIFY2(
            metrics.body.contains("gerbang_connections_refused_total{cap=\"per_address\"} 1\n"),
            metrics.body.constData());
    }

    void junkDoesNotStarveKnownSenders()
    {
        // The global budget is split: a network that delivered a correctly signed request is a
        // known sender and keeps its own budget; junk from unknown addresses (here eleven,
        // with no per-address limit) spends only the other one. Before, the junk drained the
        // one global bucket and providers got 429.
        // 2/s with a burst of 10: the budgets refill slowly enough for the checks below to see
        // them spent, even in a slow (sanitizer) build.
        start({{u"GERBANG_RATE_GLOBAL"_s, u"2"_s}, {u"GERBANG_RATE_PER_IP"_s, u"0"_s}},
              "[limits]\nburst_global=10\n");
        auto signedPost = [this](int n) {
            QByteArray body = readFixture(u"wa_text.json"_s);
            body.replace(kFixtureTextWamid.toByteArray(),
                         QByteArray("wamid.known-" + QByteArray::number(n)));
            return httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body,
                               {{"X-Hub-Signature-256", hubSignature(body)}}, 10000,
                               QHostAddress(u"127.0.2.1"_s))
                .status;
        };
        QCOMPARE(signedPost(0), 200); // from the unknown senders' budget: now known
        int junkRefused = 0;
        for (int i = 0; i < 40; ++i)
            junkRefused +=
                get("/nope", QHostAddress(u"127.0.1.%1"_s.arg(1 + i % 11))) == 429 ? 1 : 0;
        QVERIFY2(junkRefused >= 25, qPrintable(QString::number(junkRefused)));
        // A newcomer shares the spent budget with the junk...
        QCOMPARE(get("/nope", QHostAddress(u"127.0.3.1"_s)), 429);
        // ...while the known sender has its own.
        for (int i = 1; i <= 8; ++i)
            QCOMPARE(signedPost(i), 200);
        QList<QStringList> rows;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(rows = auditRows(u"detail"_s, u"outcome = 'rate_limited'"_s)).isEmpty(), 5000);
        QVERIFY2(rows.first().value(0).contains(u"global_rate"_s),
                 qPrintable(rows.first().value(0)));
    }

    void repeatOffenderIsHeldBack()
    {
        start({}, "[limits]\noffender_strikes=5\noffender_penalty_s=60\n");
        const QByteArray body = readFixture(u"wa_text.json"_s);
        const QHostAddress prober(u"127.0.4.1"_s);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body,
                                 {{"X-Hub-Signature-256", hubSignature(body, "wrong-secret")}},
                                 10000, prober)
                         .status,
                     401);
        HttpResult r;
        QCOMPARE(get("/health", prober), 200); // never limited
        QCOMPARE(get("/whatsapp/webhook", prober, {}, &r), 429);
        const int retryAfter = r.header("retry-after").toInt();
        QVERIFY2(retryAfter > 50 && retryAfter <= 60, r.header("retry-after").constData());
        // Others are not affected, and a correctly signed request is not a strike.
        QCOMPARE(httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body,
                             {{"X-Hub-Signature-256", hubSignature(body)}}, 10000,
                             QHostAddress(u"127.0.4.2"_s))
                     .status,
                 200);
        QList<QStringList> rows;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(rows = auditRows(u"source_ip, detail"_s, u"outcome = 'rate_limited'"_s)).isEmpty(),
            5000);
        QCOMPARE(rows.first().value(0), u"127.0.4.1"_s);
        QVERIFY2(rows.first().value(1).contains(u"repeat_offender"_s),
                 qPrintable(rows.first().value(1)));
    }

    void signatureFailureAlertAfterThresholdOnly()
    {
        // A receiver for the signed alert POST.
        QTcpServer receiver;
        QVERIFY(receiver.listen(QHostAddress::LocalHost, 0));
        QByteArray received;
        connect(&receiver, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *c = receiver.nextPendingConnection();
            connect(c, &QTcpSocket::readyRead, c, [c, &received] {
                received += c->readAll();
                if (received.contains("\r\n\r\n") && received.endsWith("}")) {
                    c->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    c->disconnectFromHost();
                }
            });
        });
        const QByteArray alertSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        start({{u"GERBANG_ALERT_URL"_s, u"http://127.0.0.1:%1/alerts"_s.arg(receiver.serverPort())},
               {u"GERBANG_ALERT_SECRET"_s, QString::fromLatin1(alertSecret)},
               {u"GERBANG_LOG_FORMAT"_s, u"json"_s}},
              "[alerts]\nsignature_failures=3\nwindow_s=60\ncooldown_s=600\n");
        const QByteArray body = readFixture(u"wa_text.json"_s);
        const QList<std::pair<QByteArray, QByteArray>> forged{
            {"X-Hub-Signature-256", "sha256=" + QByteArray(64, '0')}};
        auto alerts = [this] { return auditRows(u"detail"_s, u"outcome = 'alert'"_s); };
        for (int i = 0; i < 2; ++i)
            QCOMPARE(httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body, forged).status,
                     401);
        QTest::qWait(300);
        QCOMPARE(alerts().size(), 0); // not before the threshold
        QVERIFY(!m_gw->output().contains("ALERT"));
        QCOMPARE(httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body, forged).status, 401);
        QTRY_COMPARE_WITH_TIMEOUT(alerts().size(), 1, 5000);
        const QJsonObject detail =
            QJsonDocument::fromJson(alerts().first().first().toUtf8()).object();
        QCOMPARE(detail[u"source"_s].toString(), u"whatsapp"_s);
        QCOMPARE(detail[u"count"_s].toInt(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(m_gw->output().contains("ALERT signature_failures"), 3000);
        // With GERBANG_LOG_FORMAT=json every log line is one JSON object (journald / ELK).
        for (const QByteArray &line : m_gw->output().split('\n')) {
            if (!line.contains("ALERT"))
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o[u"level"_s].toString(), u"warning"_s);
            QCOMPARE(o[u"category"_s].toString(), u"gerbang.alerts"_s);
            QVERIFY(o[u"message"_s].toString().contains(u"source 'whatsapp'"_s));
        }
        // The POST carries Standard Webhooks headers that verify with the configured secret.
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\r\n\r\n") && received.endsWith("}"), 5000);
        HttpResult post;
        qsizetype used = 0;
        const QByteArray asResponse =
            "HTTP/1.1 200 X\r\n" + received.mid(received.indexOf("\r\n") + 2);
        QVERIFY(parseResponse(asResponse, &post, &used));
        QVERIFY(received.startsWith("POST /alerts "));
        const QByteArray key = QByteArray::fromBase64(alertSecret.mid(6));
        const QByteArray expected =
            "v1," + crypto::hmacSha256(key, {post.header("webhook-id"), ".",
                                             post.header("webhook-timestamp"), ".", post.body})
                        .toBase64();
        QCOMPARE(post.header("webhook-signature"), expected);
        QCOMPARE(QJsonDocument::fromJson(post.body).object()[u"type"_s].toString(),
                 u"gerbang.alert.signature_failures"_s);
        // The cooldown holds further alerts back.
        for (int i = 0; i < 5; ++i)
            httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body, forged);
        QTest::qWait(300);
        QCOMPARE(alerts().size(), 1);
    }

    void metricsParseAndMove()
    {
        start({}, "[metrics]\ntoken=scrape-token\n");
        const QList<std::pair<QByteArray, QByteArray>> auth{
            {"Authorization", "Bearer scrape-token"}};
        QCOMPARE(get("/metrics", loopback(1)), 401);
        QCOMPARE(get("/metrics", loopback(1), {{"Authorization", "Bearer wrong"}}), 401);
        HttpResult before;
        QCOMPARE(get("/metrics", loopback(1), auth, &before), 200);
        QVERIFY(before.header("content-type").startsWith("text/plain; version=0.0.4"));
        const QByteArray body = readFixture(u"wa_text.json"_s);
        for (int i = 0; i < 3; ++i)
            httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body,
                        {{"X-Hub-Signature-256", "sha256=" + QByteArray(64, 'a')}});
        get("/nope", loopback(1));
        HttpResult after;
        QCOMPARE(get("/metrics", loopback(1), auth, &after), 200);
        // Every line is a comment or `name{labels} value` with a numeric value.
        static const QRegularExpression sampleLine(QStringLiteral(
            "^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})?"
            " [-+0-9.eE]+(Inf)?$"));
        QHash<QString, double> values;
        for (const QByteArray &line : after.body.split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            QVERIFY2(sampleLine.match(QString::fromUtf8(line)).hasMatch(), line.constData());
            const qsizetype sp = line.lastIndexOf(' ');
            values.insert(QString::fromUtf8(line.left(sp)), line.mid(sp + 1).toDouble());
        }
        QCOMPARE(
            values.value(
                u"gerbang_signature_failures_total{source=\"whatsapp\",reason=\"mismatch\"}"_s),
            3.0);
        QCOMPARE(
            values.value(
                u"gerbang_requests_total{provider=\"whatsapp\",outcome=\"rejected\",status=\"401\"}"_s),
            3.0);
        QCOMPARE(
            values.value(
                u"gerbang_requests_total{provider=\"\",outcome=\"not_found\",status=\"404\"}"_s),
            1.0);
        QVERIFY(values.value(u"gerbang_request_duration_seconds_count"_s) >= 4);
        QCOMPARE(values.value(u"gerbang_request_duration_seconds_bucket{le=\"+Inf\"}"_s),
                 values.value(u"gerbang_request_duration_seconds_count"_s));
    }

    void slowClientsDoNotStarveOthers()
    {
        start({}, "[server]\nread_timeout_ms=2000\n");
        // 300 clients that trickle one header byte per second.
        std::vector<std::unique_ptr<QTcpSocket>> slow;
        for (int i = 0; i < 300; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->bind(loopback(20 + i % 200));
            s->connectToHost(u"127.0.0.1"_s, m_gw->port());
            slow.push_back(std::move(s));
        }
        for (auto &s : slow)
            QVERIFY(s->waitForConnected(5000));
        const QByteArray header = "POST /whatsapp/webhook HTTP/1.1\r\nHost: x\r\n";
        QElapsedTimer elapsed;
        elapsed.start();
        for (int second = 0; second < 2; ++second) {
            for (auto &s : slow) {
                s->write(header.mid(second, 1));
                s->flush();
            }
            // A normal client is served promptly meanwhile.
            QElapsedTimer t;
            t.start();
            QCOMPARE(httpRequest(m_gw->port(), "GET", "/health").status, 200);
            QVERIFY2(t.elapsed() < 100, qPrintable(QString::number(t.elapsed())));
            QTest::qWait(1000);
        }
        // At the read timeout every slow client has had a 408 and been disconnected.
        QDeadlineTimer deadline(5000);
        int closed = 0;
        while (!deadline.hasExpired()) {
            closed = 0;
            for (auto &s : slow) {
                s->waitForReadyRead(1);
                if (s->state() == QAbstractSocket::UnconnectedState || s->readAll().contains("408"))
                    closed += 1;
            }
            if (closed == int(slow.size()))
                break;
            QTest::qWait(100);
        }
        QCOMPARE(closed, int(slow.size()));
        QVERIFY(elapsed.elapsed() < 6000);
    }
};

QTEST_GUILESS_MAIN(TestEdgeDefence)
#include "tst_edge_defence.moc"
