// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP/1.1 request parser without a socket: the same bytes give the same result however
// they are split, and the grammar of chunk lines and field lines (tst_httpserver drives the
// parser through real connections).
#include "ParseStream.h"
#include "http/HttpRequestParser.h"

#include <QTest>

using namespace gerbang::http;
using namespace gerbang::test;

namespace {

ParsedStream parse(const QByteArray &bytes, qsizetype step)
{
    return parseStream(bytes, step);
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameResultHoweverSplit_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("pipelined, both framings") << QByteArray(
            "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
            "POST /b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            "2;x=\"q;\\\"\"\r\nde\r\n0\r\nT: v\r\n\r\nGET /c HTTP/1.1\r\nHost: h\r\n\r\n");
        QTest::newRow("bare LF in a chunk extension")
            << QByteArray("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "3;\nfoo\r\nabc\r\n0\r\n\r\n");
        QTest::newRow("bare LF in a trailer")
            << QByteArray("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "0\r\nA: b\nGET /x HTTP/1.1\r\n\r\n");
    }
    void sameResultHoweverSplit()
    {
        QFETCH(QByteArray, bytes);
        const ParsedStream whole = parse(bytes, 0);
        for (qsizetype step = 1; step <= 7; ++step) {
            const ParsedStream split = parse(bytes, step);
            QCOMPARE(split.failureStatus, whole.failureStatus);
            QCOMPARE(split.requests.size(), whole.requests.size());
            for (qsizetype i = 0; i < whole.requests.size(); ++i) {
                QCOMPARE(split.requests[i].path, whole.requests[i].path);
                QCOMPARE(split.requests[i].body, whole.requests[i].body);
            }
        }
    }

    void pipelinedRequestsFramedExactly()
    {
        const ParsedStream o =
            parse("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
                  "POST /b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "2;x=\"q;\\\"\"\r\nde\r\n0\r\nT: v\r\n\r\nGET /c HTTP/1.1\r\nHost: h\r\n\r\n",
                  0);
        QCOMPARE(o.failureStatus, 0);
        QCOMPARE(o.requests.size(), 3);
        QCOMPARE(o.requests[0].body, QByteArray("abc"));
        QCOMPARE(o.requests[1].body, QByteArray("de"));
        QCOMPARE(o.requests[1].header("t"), QByteArray()); // trailers never become headers
        QCOMPARE(o.requests[2].path, QByteArray("/c"));
    }

    void smugglingShapesRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QByteArray chunked =
            "POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("CL.TE") << QByteArray("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n"
                                             "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                               << 400;
        QTest::newRow("TE obfuscated")
            << QByteArray("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: xchunked\r\n\r\n")
            << 400;
        QTest::newRow("HTTP/1.0 chunked")
            << QByteArray("POST /a HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
        QTest::newRow("bare LF ends chunk size")
            << QByteArray(chunked + "3\nabc\r\n0\r\n\r\n") << 400;
        QTest::newRow("extension with LF")
            << QByteArray(chunked + "3;\nfoo\r\nabc\r\n0\r\n\r\n") << 400;
        QTest::newRow("trailer with bare LF")
            << QByteArray(chunked + "0\r\nA: b\nC: d\r\n\r\n") << 400;
        QTest::newRow("encoded slash in path")
            << QByteArray("GET /webhooks%2fstripe%2fk HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("oversize chunk line")
            << QByteArray(chunked + "1;" + QByteArray(2000, 'a') + "\r\n") << 400;
    }
    void smugglingShapesRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QCOMPARE(parse(bytes, 0).failureStatus, status);
        QCOMPARE(parse(bytes, 1).failureStatus, status);
    }

    void chunkSizeLineGrammar_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<qint64>("size"); // -1: refused
        QTest::newRow("plain") << QByteArray("1a") << qint64(26);
        QTest::newRow("leading zeros") << QByteArray("000a") << qint64(10);
        QTest::newRow("name only") << QByteArray("5;n") << qint64(5);
        QTest::newRow("token value") << QByteArray("5;n=v") << qint64(5);
        QTest::newRow("BWS around") << QByteArray("5 ; n = v ;m") << qint64(5);
        QTest::newRow("quoted value") << QByteArray("5;n=\"a b;c\\\"d\"") << qint64(5);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("16 digits") << QByteArray("0000000000000001") << qint64(-1);
        QTest::newRow("trailing space") << QByteArray("5 ") << qint64(-1);
        QTest::newRow("no name") << QByteArray("5;=v") << qint64(-1);
        QTest::newRow("two equals") << QByteArray("5;n==v") << qint64(-1);
        QTest::newRow("quote not closed") << QByteArray("5;n=\"v") << qint64(-1);
        QTest::newRow("control in quote") << QByteArray("5;n=\"\x01\"") << qint64(-1);
        QTest::newRow("garbage after value") << QByteArray("5;n=v x") << qint64(-1);
    }
    void chunkSizeLineGrammar()
    {
        QFETCH(QByteArray, line);
        QFETCH(qint64, size);
        qint64 parsed = -1;
        const bool ok = parseChunkSizeLine(line, &parsed);
        QCOMPARE(ok, size >= 0);
        if (ok)
            QCOMPARE(parsed, size);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
