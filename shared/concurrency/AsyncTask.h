// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>

namespace gerbang::AsyncTask {

// One-off background work, as KeePassXC's AsyncTask: `work` runs on Qt's global thread pool
// and `then(result)` afterwards on `context`'s thread, or not at all once `context` is gone.
// The future lets an owner that must outlive the work wait for it (QFuture::waitForFinished)
// instead of spinning. Long-lived workers get a QThread of their own instead (see README,
// "Design notes").
template <typename Work, typename Then> auto run(QObject *context, Work work, Then then)
{
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, then = std::move(then)]() mutable {
                         if constexpr (std::is_void_v<Result>)
                             then();
                         else
                             then(watcher->result());
                         watcher->deleteLater();
                     });
    QFuture<Result> future = QtConcurrent::run(std::move(work));
    watcher->setFuture(future);
    return future;
}

} // namespace gerbang::AsyncTask
