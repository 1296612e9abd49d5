// SPDX-License-Identifier: GPL-3.0-or-later
#include "Console.h"

#include "DbWorker.h"
#include "concurrency/AsyncTask.h"
#include "config/DataDirLock.h"
#include "crypto/Vault.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace gerbang {

Console::Console(QStringList arguments, QObject *parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
    , m_engine(std::make_unique<EngineHost>())
    , m_db(std::make_unique<DbWorker>())
{
    connect(m_engine.get(), &EngineHost::alertRaised, this, &Console::alertRaised);
    connect(m_engine.get(), &EngineHost::configurationReloaded, this,
            &Console::configurationReloaded);
    connect(m_engine.get(), &EngineHost::storeFailure, this, &Console::storeFailure);
}

Console::~Console()
{
    shutdown();
}

bool Console::load(QString *error)
{
    QCommandLineParser parser;
    Runtime::addOptions(parser);
    parser.addHelpOption();
    parser.addVersionOption();
    if (!parser.parse(m_arguments)) {
        *error = parser.errorText();
        return false;
    }
    Runtime fresh;
    if (!fresh.prepare(parser, true, error))
        return false;
    m_runtime = std::move(fresh);
    const int busyMs = m_runtime.settings.intValue(u"storage/busy_timeout_ms"_s);
    m_db->configure(m_runtime.database, busyMs, m_runtime.vault);
    return true;
}

QString Console::configPathFromArguments() const
{
    QCommandLineParser parser;
    Runtime::addOptions(parser);
    parser.parse(m_arguments);
    return parser.isSet(u"config"_s)
               ? parser.value(u"config"_s)
               : Settings::defaultConfigPath(QProcessEnvironment::systemEnvironment());
}

bool Console::configurationExists() const
{
    return QFileInfo::exists(configPathFromArguments());
}

StatsSnapshot Console::snapshot() const
{
    return canSnapshot() ? m_engine->snapshot() : StatsSnapshot{};
}

QString Console::listenUrl() const
{
    return m_state == State::Running ? m_engine->listenUrl() : QString();
}

quint16 Console::listenPort() const
{
    return quint16(QUrl(listenUrl()).port(0));
}

bool Console::tlsEnabled() const
{
    return !m_runtime.settings.value(u"tls/certificate"_s).isEmpty() &&
           !m_runtime.settings.value(u"tls/private_key"_s).isEmpty();
}

void Console::setState(State state, const QString &error)
{
    m_state = state;
    m_lastError = error;
    Q_EMIT stateChanged(state);
}

// Engine start and stop wait for the engine thread (listening, in-flight commits): they run
// on a short-lived helper thread so the window keeps painting. Snapshots are not read while
// the engine is in transition.
void Console::runTransition(std::function<QString()> work, State after)
{
    m_transition = AsyncTask::run(this, std::move(work), [this, after](const QString &error) {
        if (m_shutDown)
            return;
        if (!error.isEmpty()) {
            m_lock.reset();
            setState(State::Failed, error);
            return;
        }
        if (after == State::Stopped)
            m_lock.reset();
        setState(after);
        if (after == State::Stopped && std::exchange(m_restartPending, false))
            startEngine();
    });
}

void Console::startEngine()
{
    if (m_state == State::Running || m_state == State::Starting || m_state == State::Stopping)
        return;
    if (!m_runtime.vault) {
        setState(State::Failed, tr("The configuration is not loaded."));
        return;
    }
    SettingProblems problems;
    EngineConfig config =
        EngineConfig::fromSettings(m_runtime.settings, m_runtime.vault, &problems);
    if (!problems.isEmpty()) {
        setState(State::Failed, messagesOf(problems).join(u'\n'));
        return;
    }
    // One engine per data directory, whether gerbangd or a console runs it.
    auto lock = std::make_unique<DataDirLock>();
    QString error;
    if (!lock->acquire(m_runtime.settings.dataDir(), &error)) {
        setState(State::Failed, error);
        return;
    }
    m_lock = std::move(lock);
    setState(State::Starting);
    EngineHost *host = m_engine.get();
    runTransition(
        [host, config = std::move(config)]() mutable {
            QString message;
            return host->start(std::move(config), &message)
                       ? QString()
                       : (message.isEmpty() ? u"the engine did not start"_s : message);
        },
        State::Running);
}

void Console::stopEngine()
{
    if (m_state != State::Running)
        return;
    setState(State::Stopping);
    EngineHost *host = m_engine.get();
    runTransition(
        [host] {
            host->stop();
            return QString();
        },
        State::Stopped);
}

void Console::restartEngine()
{
    if (m_state == State::Running) {
        m_restartPending = true;
        stopEngine();
    } else if (m_state == State::Stopping) {
        m_restartPending = true;
    } else {
        startEngine();
    }
}

void Console::shutdown()
{
    // A transition may still be running in the background: it ends on its own (EngineHost
    // waits for the engine thread), and what it would do after is this stop's job now.
    m_shutDown = true;
    m_transition.waitForFinished();
    m_engine->stop();
    m_lock.reset();
    if (m_state == State::Running)
        m_state = State::Stopped;
}

} // namespace gerbang
