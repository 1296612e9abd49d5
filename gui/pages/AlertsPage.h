// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"

#include <QTimer>

class QLabel;
class QPushButton;
class QTableView;

namespace gerbang {

class AlertsModel;
class Backend;
class MessageBar;

// The alerts the gateway stored, each acknowledged once by someone with the operator role.
// Read again when shown, when the gateway raises an alert and when the link comes back.
class AlertsPage : public Page
{
    Q_OBJECT
public:
    explicit AlertsPage(Backend &backend, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("alerts"); }

    void activated() override;
    AlertsModel *model() const { return m_model; }

protected:
    void retranslateUi() override;

private:
    void applyRole();

    Backend &m_backend;
    AlertsModel *m_model;
    MessageBar *m_messages;
    // A raised alert is written to the audit log by the gateway's store thread: read shortly
    // after, not at once.
    QTimer m_reloadSoon;
    QTableView *m_view;
    QLabel *m_intro;
    QPushButton *m_acknowledgeAll;
};

} // namespace gerbang
