// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceTestDialog.h"

#include "core/DomainLabels.h"

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QString iconOf(StepState state)
{
    switch (state) {
    case StepState::Passed:
        return u"ok"_s;
    case StepState::Failed:
        return u"failed"_s;
    case StepState::Queued:
        return u"info"_s;
    case StepState::Skipped:
        break;
    }
    return {};
}

} // namespace

SourceTestDialog::SourceTestDialog(const QString &source, QWidget *parent)
    : ReportDialog(u"sourceTestSummary"_s, u"sourceTestSteps"_s, parent)
{
    setObjectName(u"sourceTestDialog"_s);
    setWindowTitle(tr("Test event: %1").arg(source));
    setSummary(tr("Sending a signed test event through the gateway's public route…"));
    setHeaders({tr("Step"), tr("Result"), tr("What it means")});
    resize(720, 320);
}

void SourceTestDialog::showReport(const Fetched<SourceTestReport> &report)
{
    if (!report.ok()) {
        setSummary(tr("No test was sent: %1").arg(report.error));
        Q_EMIT settled();
        return;
    }
    m_report = report.value;
    setRowCount(int(m_report.steps.size()));
    for (int row = 0; row < m_report.steps.size(); ++row) {
        const TestStepResult &s = m_report.steps.at(row);
        setRow(row, labels::of(s.step), iconOf(s.state), labels::of(s.state), s.detail);
    }
    fitRows();
    if (!m_report.settled) {
        setSummary(tr("Following test %1 through the gateway…").arg(m_report.testId));
        return;
    }
    const std::optional<TestStep> failed = m_report.failedStep();
    setSummary(
        failed ? tr("The test failed at \"%1\": see what it means below.").arg(labels::of(*failed))
               : tr("The source works: test %1 went through every step.").arg(m_report.testId));
    Q_EMIT settled();
}

} // namespace gerbang
