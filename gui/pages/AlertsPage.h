// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "Stats.h"

class QLabel;
class QPushButton;
class QTableView;

namespace gerbang {

class AlertsModel;

// The alert history with an acknowledged state per alert.
class AlertsPage : public Page
{
    Q_OBJECT
public:
    explicit AlertsPage(QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("alerts"); }

    void merge(const QList<AlertInfo> &recent);
    void addLive(const AlertInfo &alert);
    AlertsModel *model() const { return m_model; }

protected:
    void retranslateUi() override;

private:
    AlertsModel *m_model;
    QTableView *m_view;
    QLabel *m_intro;
    QPushButton *m_acknowledgeAll;
};

} // namespace gerbang
