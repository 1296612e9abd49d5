// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "backend/Backend.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace gerbang {

class MessageBar;

// The stored events, newest first: filtered by tenant, provider, type, delivery state and
// time. One event's decrypted payload opens on request while it is retained (operator role;
// the gateway audits every opening before the bytes leave it, and the console keeps them only
// in the view); selected events can be queued for delivery to the core again.
class EventsPage : public Page
{
    Q_OBJECT
public:
    static constexpr int kLimit = 500;

    explicit EventsPage(Backend &backend, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("events"); }
    void activated() override;

    void reload();
    EventFilter currentFilter() const;
    const QList<WebhookEvent> &events() const { return m_events; }
    QStringList selectedIds() const;
    void selectEvent(const QString &id);
    // Opens the current event's payload; payloadShown() or a message follows.
    void openPayload();
    // Queues the selected events for delivery again, after the admin confirms.
    void replaySelected();
    QString shownPayload() const { return m_payload; }

Q_SIGNALS:
    void loaded();
    void payloadShown(const QString &eventId);
    void payloadRefused(const QString &message);
    void replayFinished(bool ok, const QString &message);

protected:
    void retranslateUi() override;

private:
    void fill();
    void showDetail();
    void updateActions();

    Backend &m_backend;
    QList<WebhookEvent> m_events;
    QString m_payload;   // the decoded payload of the current event, while shown
    QString m_payloadOf; // its event id
    MessageBar *m_messages;
    QLineEdit *m_tenant;
    QComboBox *m_provider;
    QLineEdit *m_type;
    QComboBox *m_state;
    QComboBox *m_period;
    QPushButton *m_refresh;
    QTableWidget *m_table;
    QTextBrowser *m_detail;
    QPushButton *m_open;
    QPushButton *m_replay;
    QLabel *m_status;
    QLabel *m_tenantLabel, *m_providerLabel, *m_typeLabel, *m_stateLabel, *m_periodLabel;
    bool m_loading = false;
    bool m_reloadPending = false;
};

} // namespace gerbang
