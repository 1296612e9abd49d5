// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang-bench-ceiling: the throughput ceiling for bench/run.sh. It runs Gerbang's own HTTP
// front (gateway/http) with a handler that only verifies X-Hub-Signature-256 over the raw body
// and answers 200 {"status":"ok"}: no parsing, no routing, no storage.
#include "http/HttpServer.h"
#include "http/RequestHandler.h"
#include "whatsapp/HubSignature.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

class HmacOnlyHandler : public gerbang::http::RequestHandler
{
public:
    explicit HmacOnlyHandler(QByteArray secret)
        : m_secrets{std::move(secret)}
    {
    }

    qint64 bodyLimit(const gerbang::http::HttpRequest &) const override { return 4 << 20; }

    void handle(gerbang::http::HttpRequest &&request, gerbang::http::Responder responder) override
    {
        using gerbang::http::HttpResponse;
        if (request.method != "POST")
            return responder.send(HttpResponse::error(405, "method_not_allowed"));
        const gerbang::SignatureStatus s = gerbang::verifyHubSignature(
            request.header("x-hub-signature-256"), request.body, m_secrets);
        if (s != gerbang::SignatureStatus::Valid)
            return responder.send(HttpResponse::error(401, "invalid_signature"));
        responder.send(HttpResponse::json(200, R"({"status":"ok"})"));
    }

    void rejected(const gerbang::http::HttpRequest &, int, QByteArrayView) override {}

private:
    QList<QByteArray> m_secrets;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"gerbang-bench-ceiling"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Bare HMAC-checking route on Gerbang's HTTP front (benchmark ceiling)."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"port"_s, u"Port on 127.0.0.1 (default 0: any free port)."_s, u"port"_s, u"0"_s},
        {u"secret"_s, u"App secret (default $GERBANG_WHATSAPP_APP_SECRET)."_s, u"secret"_s},
    });
    parser.process(app);
    QByteArray secret = parser.value(u"secret"_s).toUtf8();
    if (secret.isEmpty())
        secret = qgetenv("GERBANG_WHATSAPP_APP_SECRET");
    bool ok = false;
    const uint port = parser.value(u"port"_s).toUInt(&ok);
    if (secret.isEmpty() || !ok || port > 65535) {
        std::fprintf(stderr, "usage: gerbang-bench-ceiling [--port N] "
                             "[--secret S | $GERBANG_WHATSAPP_APP_SECRET]\n");
        return 2;
    }

    HmacOnlyHandler handler(secret);
    gerbang::http::HttpServer server(&handler, gerbang::http::ConnectionLimits{}, 1024);
    QString error;
    if (!server.start(QHostAddress::LocalHost, quint16(port), &error)) {
        std::fprintf(stderr, "gerbang-bench-ceiling: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return app.exec();
}
