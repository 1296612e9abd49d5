// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EngineHost.h"
#include "config/Runtime.h"

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <memory>

namespace gerbang {

class DataDirLock;
class DbWorker;

// The console's model of "the gateway on this machine": configuration resolved exactly as
// gerbangd resolves it (same options, environment and INI file), the embedded engine, and the
// database thread. Starting and stopping run off the GUI thread; the state says where it is.
class Console : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Stopped,
        Starting,
        Running,
        Stopping,
        Failed
    };
    Q_ENUM(State)

    // `arguments` are the command line (program name first), as for gerbangd.
    explicit Console(QStringList arguments, QObject *parent = nullptr);
    ~Console() override;

    // Reads the configuration and the master key. Called again after the settings change.
    bool load(QString *error);
    const Settings &settings() const { return m_runtime.settings; }
    QString configPath() const { return m_runtime.settings.configPath(); }
    QString dataDir() const { return m_runtime.settings.dataDir(); }
    // The SQLite file in the data directory, or the PostgreSQL server (storage/database_url).
    const DatabaseTarget &database() const { return m_runtime.database; }
    std::shared_ptr<const Vault> vault() const { return m_runtime.vault; }
    bool keyCreated() const { return m_runtime.keyCreated; }
    // The INI file the arguments and environment name (it may not exist yet).
    QString configPathFromArguments() const;
    // False on a first start: the first-run dialog then writes the file.
    bool configurationExists() const;

    DbWorker &db() { return *m_db; }
    EngineHost &engine() { return *m_engine; }

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    // Only while Running: the engine's statistics are read through EngineHost::snapshot().
    bool canSnapshot() const { return m_state == State::Running; }
    StatsSnapshot snapshot() const;
    QString listenUrl() const;
    quint16 listenPort() const;
    bool tlsEnabled() const;

    void startEngine();
    void stopEngine();
    void restartEngine();
    // Blocks: only for quitting the application.
    void shutdown();

Q_SIGNALS:
    void stateChanged(gerbang::Console::State state);
    void alertRaised(const gerbang::AlertInfo &alert);
    void configurationReloaded(qint64 revision);
    void storeFailure(const QString &reason);

private:
    void setState(State state, const QString &error = {});
    void runTransition(std::function<QString()> work, State after);

    QStringList m_arguments;
    Runtime m_runtime;
    std::unique_ptr<EngineHost> m_engine;
    std::unique_ptr<DbWorker> m_db;
    std::unique_ptr<DataDirLock> m_lock;
    State m_state = State::Stopped;
    QString m_lastError;
    bool m_restartPending = false;
    QFuture<QString> m_transition; // the engine start or stop running in the background
    bool m_shutDown = false;
};

} // namespace gerbang
