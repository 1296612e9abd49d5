// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "backend/Backend.h"

#include <QBasicTimer>

class QLabel;
class QTableWidget;

namespace gerbang {

class MessageBar;

// The fleet: every gateway that shares this database (several gerbangd on one PostgreSQL),
// from their heartbeats: up, stopped, or stopped answering; version, host, requests/s, p99,
// outbox backlog, last seen. Read again every few seconds while shown, so that a gateway that
// stops shows so within one heartbeat.
class GatewaysPage : public Page
{
    Q_OBJECT
public:
    explicit GatewaysPage(Backend &backend, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("gateways"); }
    void activated() override;

    void reload();
    const QList<FleetMember> &members() const { return m_members; }
    static constexpr int kRefreshMs = 2000;

Q_SIGNALS:
    void loaded();

protected:
    void retranslateUi() override;
    void timerEvent(QTimerEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fill();

    Backend &m_backend;
    QList<FleetMember> m_members;
    MessageBar *m_messages;
    QLabel *m_summary;
    QTableWidget *m_table;
    QBasicTimer m_refresh;
    bool m_loading = false;
};

} // namespace gerbang
