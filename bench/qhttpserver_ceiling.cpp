// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang-bench-qhttpserver: the bare HMAC-checking route on a plain QHttpServer 6.4, to compare
// Gerbang's HTTP front with the figure in the brief (~45-50k requests/s on one core).
#include "whatsapp/HubSignature.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"gerbang-bench-qhttpserver"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Bare HMAC-checking route on a plain QHttpServer."_s);
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
        std::fprintf(stderr, "usage: gerbang-bench-qhttpserver [--port N] "
                             "[--secret S | $GERBANG_WHATSAPP_APP_SECRET]\n");
        return 2;
    }
    const QList<QByteArray> secrets{secret};

    QHttpServer server;
    server.route(u"/whatsapp/webhook"_s, QHttpServerRequest::Method::Post,
                 [&secrets](const QHttpServerRequest &request) {
                     const gerbang::SignatureStatus s = gerbang::verifyHubSignature(
                         request.value("X-Hub-Signature-256"), request.body(), secrets);
                     if (s != gerbang::SignatureStatus::Valid)
                         return QHttpServerResponse("application/json",
                                                    R"({"error":"invalid_signature"})",
                                                    QHttpServerResponse::StatusCode::Unauthorized);
                     return QHttpServerResponse("application/json", R"({"status":"ok"})",
                                                QHttpServerResponse::StatusCode::Ok);
                 });
    const quint16 bound = server.listen(QHostAddress::LocalHost, quint16(port));
    if (bound == 0) {
        std::fprintf(stderr, "gerbang-bench-qhttpserver: cannot listen on port %u\n", port);
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u\n", unsigned(bound));
    std::fflush(stdout);
    return app.exec();
}
