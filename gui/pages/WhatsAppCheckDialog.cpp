// SPDX-License-Identifier: GPL-3.0-or-later
#include "WhatsAppCheckDialog.h"

#include "core/DomainLabels.h"
#include "widgets/Icons.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QString iconOf(CheckState state)
{
    switch (state) {
    case CheckState::Passed:
        return u"ok"_s;
    case CheckState::Warning:
        return u"warning"_s;
    case CheckState::Failed:
        return u"failed"_s;
    case CheckState::Skipped:
        break;
    }
    return u"info"_s;
}

} // namespace

WhatsAppCheckDialog::WhatsAppCheckDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel)
    , m_checks(new QTableWidget(0, 3))
{
    setObjectName(u"whatsAppCheckDialog"_s);
    setWindowTitle(tr("WhatsApp setup check"));
    m_summary->setObjectName(u"whatsAppCheckSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Checking the app secret, the verify token, the tenants of the WABAs "
                          "that called, and the route Meta calls…"));
    m_checks->setObjectName(u"whatsAppChecks"_s);
    m_checks->setHorizontalHeaderLabels({tr("Check"), tr("Result"), tr("What it means")});
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setWordWrap(true);
    m_checks->verticalHeader()->hide();
    m_checks->horizontalHeader()->setStretchLastSection(true);
    m_checks->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_checks, 1);
    layout->addWidget(buttons);
    resize(760, 360);
}

void WhatsAppCheckDialog::showReport(const Fetched<WhatsAppSetupReport> &report)
{
    if (!report.ok()) {
        m_summary->setText(tr("The check could not run: %1").arg(report.error));
        Q_EMIT settled();
        return;
    }
    m_report = report.value;
    m_checks->setRowCount(int(m_report.checks.size()));
    for (int row = 0; row < m_report.checks.size(); ++row) {
        const SetupCheckResult &c = m_report.checks.at(row);
        auto *result = new QTableWidgetItem(Icons::get(iconOf(c.state)), labels::of(c.state));
        m_checks->setItem(row, 0, new QTableWidgetItem(labels::of(c.check)));
        m_checks->setItem(row, 1, result);
        m_checks->setItem(row, 2, new QTableWidgetItem(c.detail));
    }
    m_checks->resizeRowsToContents();
    m_summary->setText(
        m_report.passed()
            ? tr("The WhatsApp setup of %1 passed every check that can be made "
                 "without the internet.")
                  .arg(m_report.url)
            : tr("The WhatsApp setup of %1 has problems: see what to do below.").arg(m_report.url));
    Q_EMIT settled();
}

} // namespace gerbang
