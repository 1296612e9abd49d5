// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangd: the headless gateway.
#include "EngineHost.h"
#include "Logging.h"
#include "SignalWatcher.h"
#include "config/DataDirLock.h"
#include "config/Runtime.h"
#include "crypto/Vault.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    // Qt's default dispatcher on Linux wraps GLib's main loop, which costs the engine thread
    // about 14 % of its CPU per webhook (each read re-registers a socket notifier with GLib;
    // bench/RESULTS.md, issue 18). A headless daemon needs nothing of GLib: Qt's own Unix
    // dispatcher, on every thread. Set before the application exists, which reads it.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"gerbang"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(GERBANG_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Gerbang webhook gateway (headless). Verifies, deduplicates, stores and audits "
        "provider webhooks before answering them."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    gerbang::Runtime::addOptions(parser);
    parser.process(app);

    gerbang::Runtime runtime;
    QString error;
    if (!runtime.prepare(parser, true, &error)) {
        std::fprintf(stderr, "gerbangd: %s\n", qPrintable(error));
        return 1;
    }
    gerbang::installLogHandler(runtime.settings.value(u"log/format"_s));
    const QString dataDir = runtime.settings.dataDir();
    if (runtime.keyCreated)
        qWarning("created a new master key in %s/master.key - back it up: without it the stored "
                 "payloads and secrets cannot be decrypted",
                 qPrintable(QDir::toNativeSeparators(dataDir)));

    // One engine per data directory: two would both write, and a key rotation must not run
    // beside one.
    gerbang::DataDirLock lock;
    if (!lock.acquire(dataDir, &error) || !lock.recordPid(&error)) {
        std::fprintf(stderr, "gerbangd: %s\n", qPrintable(error));
        return 1;
    }
    if (runtime.vault->hasPendingRotation())
        qWarning("an interrupted master key rotation was found (master.key.pending): run "
                 "'gerbangctl key rotate' again to finish it");

    gerbang::SignalWatcher signals;
    gerbang::EngineHost host;
    gerbang::SettingProblems problems;
    const gerbang::EngineConfig cfg =
        gerbang::EngineConfig::fromSettings(runtime.settings, runtime.vault, &problems);
    if (!problems.isEmpty()) {
        std::fprintf(stderr, "gerbangd: invalid configuration:\n  %s\n",
                     qPrintable(gerbang::messagesOf(problems).join(u"\n  "_s)));
        return 1;
    }
    if (!host.start(cfg, &error)) {
        std::fprintf(stderr, "gerbangd: %s\n", qPrintable(error));
        return 1;
    }
    if (!cfg.listenAddress.isLoopback() && !cfg.tls.enabled())
        qWarning("listening on a non-loopback address without TLS: put a TLS-terminating proxy "
                 "in front of Gerbang");
    // Before the "listening on" line, which tools wait for: by then everything is said.
    if (!host.adminUrl().isEmpty())
        say(u"admin API on %1 (tokens: gerbangctl admin token create)"_s.arg(host.adminUrl()));
    say(u"Gerbang %1 listening on %2"_s.arg(QCoreApplication::applicationVersion(),
                                            host.listenUrl()));
    say(u"data directory: %1"_s.arg(dataDir));
    say(u"database: %1"_s.arg(cfg.database.describe()));
    say(u"WhatsApp webhook: %1/whatsapp/webhook"_s.arg(host.listenUrl()));
    say(u"add a tenant:     gerbangctl --data-dir '%1' tenant add firm-a --name 'Firm A' --waba <WABA_ID>"_s
            .arg(dataDir));
    say(u"set app secret:   echo -n '<meta app secret>' | gerbangctl --data-dir '%1' secret set whatsapp"_s
            .arg(dataDir));

    // SIGHUP (also sent by 'gerbangctl tls reload'): new TLS certificate and key for new
    // connections, without dropping the process or the open connections.
    QObject::connect(&signals, &gerbang::SignalWatcher::hangup, &host, [&] {
        qInfo("SIGHUP: reloading the TLS certificate and key, and the retention settings");
        host.reloadTls();
        gerbang::Settings fresh;
        QString why;
        const QString path = runtime.settings.configPath();
        if (fresh.load(path, false, QProcessEnvironment::systemEnvironment(), &why) &&
            (why = gerbang::messagesOf(fresh.validate()).join(u"; "_s)).isEmpty())
            host.setRetentionPolicy(gerbang::RetentionPolicy::fromSettings(fresh));
        else
            qWarning("retention settings kept: %s", qPrintable(why));
    });
    QObject::connect(&signals, &gerbang::SignalWatcher::terminate, &app, [&](int sig) {
        qInfo("signal %d: stopping (finishing in-flight commits)", sig);
        host.stop();
        app.quit();
    });
    return app.exec();
}
