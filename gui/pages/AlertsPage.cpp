// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertsPage.h"

#include "AlertsModel.h"
#include "widgets/Icons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {

AlertsPage::AlertsPage(QWidget *parent)
    : Page(parent)
    , m_model(new AlertsModel(this))
    , m_view(new QTableView)
    , m_intro(new QLabel)
    , m_acknowledgeAll(new QPushButton(Icons::get(u"check"_s), QString()))
{
    setObjectName(u"alertsPage"_s);
    m_view->setObjectName(u"alertsTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_view, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_acknowledgeAll);
    layout->addLayout(buttons);
    connect(m_acknowledgeAll, &QPushButton::clicked, m_model, &AlertsModel::acknowledgeAll);
    retranslateUi();
}

QString AlertsPage::title() const
{
    return tr("Alerts");
}

void AlertsPage::merge(const QList<AlertInfo> &recent)
{
    m_model->merge(recent);
}

void AlertsPage::addLive(const AlertInfo &alert)
{
    m_model->merge({alert});
}

void AlertsPage::retranslateUi()
{
    m_intro->setText(tr("An alert is raised when one source fails signature checks too often "
                        "within the alert window. Acknowledge an alert once you have looked "
                        "into it."));
    m_acknowledgeAll->setText(tr("Acknowledge all"));
    m_model->retranslate();
}

} // namespace gerbang
