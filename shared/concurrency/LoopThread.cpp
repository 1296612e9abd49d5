// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoopThread.h"

#include <memory>

namespace gerbang {

LoopThread::LoopThread(const QString &name)
{
    m_thread.setObjectName(name);
}

LoopThread::~LoopThread()
{
    join();
}

void LoopThread::start(std::function<void()> loop)
{
    auto done = std::make_shared<std::promise<void>>();
    m_done = done->get_future();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_context, [loop = std::move(loop), done] {
        loop();
        done->set_value();
    });
}

void LoopThread::join()
{
    if (!m_context)
        return;
    m_done.wait();
    m_thread.quit();
    m_thread.wait();
    delete std::exchange(m_context, nullptr);
}

} // namespace gerbang
