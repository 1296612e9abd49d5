// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EngineConfig.h"
#include "Stats.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace gerbang {

class Engine;

// Runs an Engine on its own thread and is the narrow, thread-safe face of it: start/stop,
// statistics snapshots, and signals re-emitted (queued) on the owner's thread. The console
// and gerbangd use only this.
class EngineHost : public QObject
{
    Q_OBJECT
public:
    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override;

    // Blocks until the engine listens, or fails with a message for the admin.
    bool start(EngineConfig config, QString *error);
    // Blocks until in-flight commits are answered and the thread is gone.
    void stop();
    bool isRunning() const { return m_engine != nullptr; }
    QString listenUrl() const { return m_listenUrl; }
    // The admin API's base URL, or empty when it is off.
    QString adminUrl() const { return m_adminUrl; }
    StatsSnapshot snapshot() const;
    // Asks the engine (queued, on its thread) to re-read the TLS certificate and key; the
    // outcome arrives as tlsReloaded().
    void reloadTls();
    // Runs the retention job now; the new last/next run times appear in snapshot().
    void purgeNow();
    // Applies new retention settings to the running engine (no restart needed).
    void setRetentionPolicy(const RetentionPolicy &policy);

Q_SIGNALS:
    void alertRaised(const gerbang::AlertInfo &alert);
    void configurationReloaded(qint64 revision);
    void storeFailure(const QString &reason);
    void tlsReloaded(bool ok, const QString &message);

private:
    QThread m_thread;
    Engine *m_engine = nullptr;
    std::shared_ptr<Stats> m_stats = std::make_shared<Stats>();
    QString m_listenUrl;
    QString m_adminUrl;
};

} // namespace gerbang
