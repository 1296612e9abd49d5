// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineHost.h"

#include "Engine.h"

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace gerbang {

EngineHost::EngineHost(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"gerbang-engine"_s);
}

EngineHost::~EngineHost()
{
    stop();
}

bool EngineHost::start(EngineConfig config, QString *error)
{
    if (m_engine)
        return true;
    m_stats = std::make_shared<Stats>();
    m_thread.start();
    bool ok = false;
    QString message;
    QString url;
    QString adminUrl;
    // The engine, its server and sockets are created on the engine thread (BRIEF §6).
    auto *context = new QObject;
    context->moveToThread(&m_thread);
    Engine *engine = nullptr;
    QMetaObject::invokeMethod(
        context,
        [&] {
            engine = new Engine(std::move(config), m_stats);
            // Connected before it starts: what it says at once (an alert checked at start)
            // must not be lost.
            connect(engine, &Engine::configurationReloaded, this,
                    &EngineHost::configurationReloaded, Qt::QueuedConnection);
            connect(engine, &Engine::storeFailure, this, &EngineHost::storeFailure,
                    Qt::QueuedConnection);
            connect(engine, &Engine::tlsReloaded, this, &EngineHost::tlsReloaded,
                    Qt::QueuedConnection);
            connect(engine, &Engine::alertRaised, this, &EngineHost::alertRaised,
                    Qt::QueuedConnection);
            ok = engine->start(&message);
            if (!ok) {
                delete engine;
                engine = nullptr;
            } else {
                url = engine->listenUrl();
                adminUrl = engine->adminUrl();
            }
        },
        Qt::BlockingQueuedConnection);
    context->deleteLater();
    if (!ok) {
        m_thread.quit();
        m_thread.wait();
        *error = message;
        return false;
    }
    m_engine = engine;
    m_listenUrl = url;
    m_adminUrl = adminUrl;
    return true;
}

void EngineHost::stop()
{
    if (!m_engine)
        return;
    Engine *engine = std::exchange(m_engine, nullptr);
    QMetaObject::invokeMethod(
        engine,
        [engine] {
            engine->stop();
            delete engine;
            OPENSSL_thread_stop(); // see StoreWriter::startWriter
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_listenUrl.clear();
    m_adminUrl.clear();
}

void EngineHost::reloadTls()
{
    if (!m_engine)
        return;
    Engine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine] { engine->reloadTls(); }, Qt::QueuedConnection);
}

void EngineHost::purgeNow()
{
    if (!m_engine)
        return;
    Engine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine] { engine->purgeNow(); }, Qt::QueuedConnection);
}

void EngineHost::setRetentionPolicy(const RetentionPolicy &policy)
{
    if (!m_engine)
        return;
    Engine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine, policy] { engine->setRetentionPolicy(policy); }, Qt::QueuedConnection);
}

StatsSnapshot EngineHost::snapshot() const
{
    return m_stats->snapshot();
}

} // namespace gerbang
