// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang-bench-flood: floods a gateway from many loopback source addresses (NETWORK.FIRST …),
// at a fixed total rate, for the edge-defence benchmark (bench/flood.sh). wrk cannot choose its
// source address, so this small client does. Every connection sends one request, reads the
// answer (a 429 closes the connection), and reconnects; a timer keeps the total rate.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QMap>
#include <QTcpSocket>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions(
        {{u"port"_s, u"Gateway port on 127.0.0.1."_s, u"port"_s},
         {u"network"_s, u"Source network: the first three octets."_s, u"a.b.c"_s, u"127.0.0"_s},
         {u"first"_s, u"First source address NETWORK.N."_s, u"N"_s, u"2"_s},
         {u"addresses"_s, u"How many source addresses."_s, u"count"_s, u"10"_s},
         {u"rate"_s, u"Total requests per second."_s, u"rps"_s, u"2000"_s},
         {u"seconds"_s, u"Duration."_s, u"s"_s, u"20"_s},
         {u"path"_s, u"Request path."_s, u"path"_s, u"/whatsapp/webhook"_s}});
    p.process(app);
    const quint16 port = quint16(p.value(u"port"_s).toUInt());
    const QString network = p.value(u"network"_s);
    const int first = p.value(u"first"_s).toInt();
    const int addresses = p.value(u"addresses"_s).toInt();
    const int rate = p.value(u"rate"_s).toInt();
    const int seconds = p.value(u"seconds"_s).toInt();
    const QByteArray request = "POST " + p.value(u"path"_s).toLatin1() +
                               " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "X-Hub-Signature-256: sha256=" +
                               QByteArray(64, '0') + "\r\nContent-Length: 2\r\n\r\n{}";
    QMap<int, qint64> statuses;
    qint64 sent = 0;
    qint64 connectFailures = 0;
    int next = 0;
    // One request per tick slot; ticks every 5 ms carry rate/200 requests each.
    QTimer tick;
    tick.setInterval(5);
    const double perTick = double(rate) / 200.0;
    double owed = 0;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        owed += perTick;
        while (owed >= 1.0) {
            owed -= 1.0;
            auto *s = new QTcpSocket(&app);
            s->bind(QHostAddress(u"%1.%2"_s.arg(network).arg(first + next)));
            next = (next + 1) % addresses;
            auto *buffer = new QByteArray;
            QObject::connect(s, &QTcpSocket::connected, s, [s, &request, &sent] {
                s->write(request);
                ++sent;
            });
            QObject::connect(s, &QTcpSocket::readyRead, s, [s, buffer, &statuses] {
                buffer->append(s->readAll());
                if (buffer->startsWith("HTTP/1.1 ") && buffer->size() >= 12) {
                    statuses[buffer->mid(9, 3).toInt()] += 1;
                    s->abort();
                }
            });
            QObject::connect(s, &QTcpSocket::errorOccurred, s, [s, &connectFailures](auto) {
                if (s->state() != QAbstractSocket::ConnectedState)
                    ++connectFailures;
                s->abort();
            });
            QObject::connect(s, &QTcpSocket::disconnected, s, [s, buffer] {
                delete buffer;
                s->deleteLater();
            });
            s->connectToHost(QHostAddress::LocalHost, port);
        }
    });
    QElapsedTimer clock;
    clock.start();
    tick.start();
    QTimer::singleShot(seconds * 1000, &app, [&] {
        tick.stop();
        QTimer::singleShot(500, &app, &QCoreApplication::quit);
    });
    app.exec();
    std::printf("flood: %lld requests in %.1f s (%.0f req/s) from %d addresses;", sent,
                double(clock.elapsed()) / 1000.0, double(sent) * 1000.0 / double(clock.elapsed()),
                addresses);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        std::printf(" %d: %lld;", it.key(), it.value());
    std::printf(" connect failures: %lld\n", connectFailures);
    return 0;
}
