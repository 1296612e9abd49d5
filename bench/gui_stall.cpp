// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang-bench-gui: the console (main window, dashboard polling, embedded engine) under load.
// A 10 ms timer on the GUI thread measures how late the event loop runs it; the engine's
// request counter gives the load actually served. bench/gui_stall.sh drives it with wrk.
//
//   gerbang-bench-gui --config FILE --seconds N
// prints "listening <url>" once the engine listens, then after N seconds one result line:
//   seconds=… requests=… rps=… ticks=… max_late_ms=… p99_late_ms=… stalls_over_100ms=…
#include "backend/LocalBackend.h"
#include "core/Console.h"
#include "core/Language.h"
#include "pages/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"GerbangBench"_s);
    QStringList args = QApplication::arguments();
    int seconds = 30;
    if (const qsizetype i = args.indexOf(u"--seconds"_s); i > 0 && i + 1 < args.size()) {
        seconds = args.at(i + 1).toInt();
        args.remove(i, 2);
    }
    gerbang::Language language;
    language.apply(u"en"_s, false);
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

    QList<qint64> lateness;
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 startRequests = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed() / 1000;
        lateness << std::max<qint64>(0, now - last - 10000);
        last = now;
    });
    QObject::connect(&console, &gerbang::Console::stateChanged, [&](gerbang::Console::State s) {
        if (s == gerbang::Console::State::Failed) {
            std::fprintf(stderr, "gerbang-bench-gui: %s\n", qPrintable(console.lastError()));
            QApplication::exit(1);
        }
        if (s != gerbang::Console::State::Running)
            return;
        std::printf("listening %s\n", qPrintable(console.listenUrl()));
        std::fflush(stdout);
        startRequests = console.snapshot().requests;
        clock.start();
        last = 0;
        probe.start();
        QTimer::singleShot(seconds * 1000, [&] {
            probe.stop();
            const qint64 served = console.snapshot().requests - startRequests;
            const double secs = double(clock.elapsed()) / 1000.0;
            QList<qint64> sorted = lateness;
            std::sort(sorted.begin(), sorted.end());
            const qint64 worst = sorted.isEmpty() ? 0 : sorted.last();
            const qint64 p99 = sorted.isEmpty() ? 0 : sorted.at((sorted.size() * 99) / 100);
            const auto stalls = std::count_if(sorted.cbegin(), sorted.cend(),
                                              [](qint64 us) { return us > 100000; });
            std::printf("seconds=%.1f requests=%lld rps=%.0f ticks=%lld max_late_ms=%.1f "
                        "p99_late_ms=%.1f stalls_over_100ms=%lld\n",
                        secs, served, double(served) / secs, qint64(sorted.size()),
                        double(worst) / 1000.0, double(p99) / 1000.0, qint64(stalls));
            std::fflush(stdout);
            QApplication::exit(0);
        });
    });
    const int rc = app.exec();
    console.shutdown();
    return rc;
}
