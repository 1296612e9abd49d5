// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QThread>
#include <functional>
#include <future>

namespace gerbang {

// A thread of its own for one blocking loop (the store writer, the WAL checkpointer): the
// loop runs on a QThread member through a context object moved onto it, the same idiom as
// the event-driven workers, and returns when its owner tells it to stop.
class LoopThread
{
public:
    explicit LoopThread(const QString &name);
    ~LoopThread();
    LoopThread(const LoopThread &) = delete;
    LoopThread &operator=(const LoopThread &) = delete;

    void start(std::function<void()> loop);
    // Waits for the loop to return (the owner has told it to stop) and the thread to end.
    void join();

private:
    QThread m_thread;
    QObject *m_context = nullptr;
    std::future<void> m_done;
};

} // namespace gerbang
