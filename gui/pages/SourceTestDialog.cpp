// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceTestDialog.h"

#include "core/DomainLabels.h"
#include "widgets/Icons.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {

SourceTestDialog::SourceTestDialog(const QString &source, QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel)
    , m_steps(new QTableWidget(0, 3))
{
    setObjectName(u"sourceTestDialog"_s);
    setWindowTitle(tr("Test event: %1").arg(source));
    m_summary->setObjectName(u"sourceTestSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Sending a signed test event through the gateway's public route…"));
    m_steps->setObjectName(u"sourceTestSteps"_s);
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Result"), tr("What it means")});
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setWordWrap(true);
    m_steps->verticalHeader()->hide();
    m_steps->horizontalHeader()->setStretchLastSection(true);
    m_steps->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_steps, 1);
    layout->addWidget(buttons);
    resize(720, 320);
}

void SourceTestDialog::showReport(const Fetched<SourceTestReport> &report)
{
    if (!report.ok()) {
        m_summary->setText(tr("No test was sent: %1").arg(report.error));
        Q_EMIT settled();
        return;
    }
    m_report = report.value;
    m_steps->setRowCount(int(m_report.steps.size()));
    for (int row = 0; row < m_report.steps.size(); ++row) {
        const TestStepResult &s = m_report.steps.at(row);
        auto *result = new QTableWidgetItem(labels::of(s.state));
        if (s.state == StepState::Passed)
            result->setIcon(Icons::get(u"ok"_s));
        else if (s.state == StepState::Failed)
            result->setIcon(Icons::get(u"failed"_s));
        else if (s.state == StepState::Queued)
            result->setIcon(Icons::get(u"info"_s));
        m_steps->setItem(row, 0, new QTableWidgetItem(labels::of(s.step)));
        m_steps->setItem(row, 1, result);
        m_steps->setItem(row, 2, new QTableWidgetItem(s.detail));
    }
    m_steps->resizeRowsToContents();
    if (!m_report.settled) {
        m_summary->setText(tr("Following test %1 through the gateway…").arg(m_report.testId));
        return;
    }
    const std::optional<TestStep> failed = m_report.failedStep();
    m_summary->setText(
        failed ? tr("The test failed at \"%1\": see what it means below.").arg(labels::of(*failed))
               : tr("The source works: test %1 went through every step.").arg(m_report.testId));
    Q_EMIT settled();
}

} // namespace gerbang
