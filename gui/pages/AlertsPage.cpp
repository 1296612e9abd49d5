// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertsPage.h"

#include "AlertsModel.h"
#include "backend/Backend.h"
#include "core/RoleGate.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {

AlertsPage::AlertsPage(Backend &backend, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_model(new AlertsModel(backend, this))
    , m_messages(new MessageBar)
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
    layout->addWidget(m_messages);
    layout->addWidget(m_intro);
    layout->addWidget(m_view, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_acknowledgeAll);
    layout->addLayout(buttons);
    m_acknowledgeAll->setObjectName(u"acknowledgeAll"_s);
    connect(m_acknowledgeAll, &QPushButton::clicked, m_model, [this] { m_model->acknowledge({}); });
    connect(m_model, &AlertsModel::acknowledged, this, [this](bool ok, const QString &message) {
        if (!ok)
            m_messages->show(tr("Not acknowledged: %1").arg(message), MessageBar::Kind::Error);
        else
            m_messages->clear();
    });
    connect(m_model, &AlertsModel::loaded, this, [this](const QString &error) {
        if (!error.isEmpty())
            m_messages->show(tr("Cannot read the alerts: %1").arg(error), MessageBar::Kind::Error);
        applyRole();
    });
    m_reloadSoon.setSingleShot(true);
    m_reloadSoon.setInterval(750);
    connect(&m_reloadSoon, &QTimer::timeout, m_model, &AlertsModel::reload);
    connect(&m_backend, &Backend::alertRaised, &m_reloadSoon, qOverload<>(&QTimer::start));
    connect(&m_backend, &Backend::linkChanged, this, [this](Backend::Link link) {
        applyRole();
        if (link == Backend::Link::Up)
            m_model->reload();
    });
    retranslateUi();
    if (m_backend.link() == Backend::Link::Up || m_backend.isLocal())
        m_model->reload();
}

void AlertsPage::activated()
{
    m_model->reload();
}

void AlertsPage::applyRole()
{
    rolegate::apply(m_acknowledgeAll, m_backend, requiredRole(consolechange::AcknowledgeAlerts{}),
                    m_model->unacknowledged() > 0);
}

QString AlertsPage::title() const
{
    return tr("Alerts");
}

void AlertsPage::retranslateUi()
{
    m_intro->setText(tr("An alert is raised when one source fails signature checks too often "
                        "within the alert window. Acknowledge an alert once you have looked "
                        "into it."));
    m_acknowledgeAll->setText(tr("Acknowledge all"));
    m_model->retranslate();
    applyRole();
}

} // namespace gerbang
