// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace gerbang {

// Turns SIGTERM, SIGINT and SIGHUP into Qt signals on the main thread (self-pipe: the
// handler only writes one byte, which is async-signal-safe).
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminate(int signal);
    void hangup();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace gerbang
