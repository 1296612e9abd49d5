// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang-bench-gui: the console (main window, dashboard, statistics once a second) under load,
// either running the engine itself or attached to a gerbangd over its admin API. A 10 ms timer
// on the GUI thread measures how late the event loop runs it; the gateway's request counter
// gives the load actually served. bench/gui_stall.sh drives it with wrk.
//
//   gerbang-bench-gui --config FILE --seconds N             (the embedded engine)
//   gerbang-bench-gui --connect URL --seconds N             (attached; GERBANG_ADMIN_TOKEN)
// prints "listening <url>" (embedded) or "attached <url>" once statistics flow, then after N
// seconds one result line:
//   seconds=… requests=… rps=… ticks=… max_late_ms=… p99_late_ms=… stalls_over_100ms=…
#include "backend/LocalBackend.h"
#include "backend/RemoteBackend.h"
#include "core/Console.h"
#include "core/Language.h"
#include "pages/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The lateness of a 10 ms timer on the GUI thread, and the requests the gateway served.
class StallProbe
{
public:
    void start(qint64 requests)
    {
        m_startRequests = requests;
        m_clock.start();
        m_last = 0;
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed() / 1000;
            m_lateness << std::max<qint64>(0, now - m_last - 10000);
            m_last = now;
        });
        m_timer.start();
    }
    bool running() const { return m_timer.isActive(); }
    void finish(qint64 requests)
    {
        m_timer.stop();
        const qint64 served = requests - m_startRequests;
        const double secs = double(m_clock.elapsed()) / 1000.0;
        QList<qint64> sorted = m_lateness;
        std::sort(sorted.begin(), sorted.end());
        const qint64 worst = sorted.isEmpty() ? 0 : sorted.last();
        const qint64 p99 = sorted.isEmpty() ? 0 : sorted.at((sorted.size() * 99) / 100);
        const auto stalls =
            std::count_if(sorted.cbegin(), sorted.cend(), [](qint64 us) { return us > 100000; });
        std::printf("seconds=%.1f requests=%lld rps=%.0f ticks=%lld max_late_ms=%.1f "
                    "p99_late_ms=%.1f stalls_over_100ms=%lld\n",
                    secs, served, double(served) / secs, qint64(sorted.size()),
                    double(worst) / 1000.0, double(p99) / 1000.0, qint64(stalls));
        std::fflush(stdout);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<qint64> m_lateness;
    qint64 m_last = 0;
    qint64 m_startRequests = 0;
};

QString takeOption(QStringList &args, const QString &name)
{
    const qsizetype i = args.indexOf(name);
    if (i <= 0 || i + 1 >= args.size())
        return {};
    const QString value = args.at(i + 1);
    args.remove(i, 2);
    return value;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"GerbangBench"_s);
    QStringList args = QApplication::arguments();
    const QString secondsText = takeOption(args, u"--seconds"_s);
    const int seconds = secondsText.isEmpty() ? 30 : secondsText.toInt();
    const QString connect = takeOption(args, u"--connect"_s);
    gerbang::Language language;
    language.apply(u"en"_s, false);
    StallProbe probe;
    qint64 requests = 0; // attached: as of the last statistics (once a second)
    std::function<qint64()> served = [&] { return requests; };
    const auto measure = [&](const QString &line) {
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
        probe.start(served());
        QTimer::singleShot(seconds * 1000, [&] {
            probe.finish(served());
            QApplication::exit(0);
        });
    };

    if (!connect.isEmpty()) {
        gerbang::RemoteBackend backend(
            {QUrl(connect), qgetenv("GERBANG_ADMIN_TOKEN"), qEnvironmentVariable("GERBANG_PIN")});
        gerbang::MainWindow window(backend, language);
        window.show();
        QObject::connect(&backend, &gerbang::Backend::statsArrived,
                         [&](qint64, const gerbang::StatsSnapshot &s) {
                             requests = s.requests;
                             if (!probe.running())
                                 measure(u"attached "_s + connect);
                         });
        QObject::connect(&backend, &gerbang::Backend::linkChanged, [&](gerbang::Backend::Link l) {
            if (l == gerbang::Backend::Link::Refused) {
                std::fprintf(stderr, "gerbang-bench-gui: %s\n", qPrintable(backend.linkProblem()));
                QApplication::exit(1);
            }
        });
        backend.attach();
        return app.exec();
    }

    gerbang::Console console(args);
    QString error;
    if (!console.load(&error)) {
        std::fprintf(stderr, "gerbang-bench-gui: %s\n", qPrintable(error));
        return 1;
    }
    gerbang::LocalBackend backend(console);
    gerbang::MainWindow window(backend, language);
    window.show();
    console.startEngine();
    served = [&] { return console.snapshot().requests; };
    QObject::connect(&console, &gerbang::Console::stateChanged, [&](gerbang::Console::State s) {
        if (s == gerbang::Console::State::Failed) {
            std::fprintf(stderr, "gerbang-bench-gui: %s\n", qPrintable(console.lastError()));
            QApplication::exit(1);
        }
        if (s != gerbang::Console::State::Running)
            return;
        measure(u"listening "_s + console.listenUrl());
    });
    const int rc = app.exec();
    console.shutdown();
    return rc;
}
