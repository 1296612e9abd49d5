// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "Stats.h"

#include <QStringList>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;
class QTimer;

namespace gerbang {

class Backend;
class DeadLettersModel;
class MessageBar;
struct DeadLetterReplay;

// The dead-letter queue: accepted events the core refused or that could not be delivered in
// time, newest first with their last error, and the replay that `gerbangctl dlq replay` does
// (OutboxRepository::requeue plus an audit row per event) for the selected rows or for all.
// Reads and replays go through the Backend (operator role); the delivery worker picks replayed
// rows up at its next poll. The page reloads when shown, when the engine's dead-letter count
// changes (the count the dashboard shows), and every 30 s while visible.
class DeadLettersPage : public Page
{
    Q_OBJECT
public:
    // Rows shown at most; the status line says how many there are in all.
    static constexpr int kLimit = 500;

    explicit DeadLettersPage(Backend &backend, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("error"); }
    void activated() override;

    DeadLettersModel *model() const { return m_model; }
    // Dead letters in the database at the last refresh, or as the engine counted them since
    // while the page was hidden; -1 while unknown.
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    bool isReplaying() const { return m_replaying; }
    // The event ids of the selected rows, in table order.
    QStringList selectedIds() const;

    void refresh();
    // The gateway's statistics (about once a second): its dead-letter count, and whether it
    // delivers (for what a replay's message says happens next).
    void engineCounts(const StatsSnapshot &snapshot);
    // Ask for confirmation, then replay on the database thread; replayFinished() follows.
    void replaySelected();
    void replayAll();

Q_SIGNALS:
    void loaded();
    // `queued` is -1 when nothing could be replayed; `error` may also be set when the events
    // were queued but their audit rows could not all be written.
    void replayFinished(int queued, const QString &error);
    void totalChanged(qint64 total);

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    bool confirm(const QString &text);
    void startReplay(const QStringList &ids, bool all);
    void showReplayResult(const DeadLetterReplay &outcome);
    // `sinkConfigured` unknown: the message does not guess.
    void showReplayResult(const DeadLetterReplay &outcome, std::optional<bool> sinkConfigured);
    void showDetail();
    void updateActions();
    void updateStatus();
    void setTotal(qint64 total);

    void applyRole();

    Backend &m_backend;
    DeadLettersModel *m_model;
    MessageBar *m_messages;
    QLabel *m_intro;
    QTableView *m_view;
    QTextBrowser *m_detail;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_replaySelected;
    QPushButton *m_replayAll;
    QTimer *m_periodic;
    qint64 m_total = -1;
    qint64 m_engineDead = -1;
    bool m_loading = false;
    bool m_reloadPending = false;
    bool m_stale = false;
    bool m_replaying = false;
    QString m_loadErrorShown; // the message bar's text while it shows a failed read
};

} // namespace gerbang
