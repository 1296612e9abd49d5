// SPDX-License-Identifier: GPL-3.0-or-later
#include "WhatsAppCheckDialog.h"

#include "core/DomainLabels.h"

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
    : ReportDialog(u"whatsAppCheckSummary"_s, u"whatsAppChecks"_s, parent)
{
    setObjectName(u"whatsAppCheckDialog"_s);
    setWindowTitle(tr("WhatsApp setup check"));
    setSummary(tr("Checking the app secret, the verify token, the tenants of the WABAs that "
                  "called, and the route Meta calls…"));
    setHeaders({tr("Check"), tr("Result"), tr("What it means")});
    resize(760, 360);
}

void WhatsAppCheckDialog::showReport(const Fetched<WhatsAppSetupReport> &report)
{
    if (!report.ok()) {
        setSummary(tr("The check could not run: %1").arg(report.error));
        Q_EMIT settled();
        return;
    }
    m_report = report.value;
    setRowCount(int(m_report.checks.size()));
    for (int row = 0; row < m_report.checks.size(); ++row) {
        const SetupCheckResult &c = m_report.checks.at(row);
        setRow(row, labels::of(c.check), iconOf(c.state), labels::of(c.state), c.detail);
    }
    fitRows();
    setSummary(
        m_report.passed()
            ? tr("The WhatsApp setup of %1 passed every check that can be made without "
                 "the internet.")
                  .arg(m_report.url)
            : tr("The WhatsApp setup of %1 has problems: see what to do below.").arg(m_report.url));
    Q_EMIT settled();
}

} // namespace gerbang
