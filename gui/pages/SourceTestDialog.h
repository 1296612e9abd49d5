// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/Backend.h"
#include "widgets/ReportDialog.h"

namespace gerbang {

// One source test as it happens: each step (reached, signature verified, routed, stored,
// delivered) with its result and what it means, filled in as the gateway reports it.
class SourceTestDialog : public ReportDialog
{
    Q_OBJECT
public:
    SourceTestDialog(const QString &source, QWidget *parent = nullptr);
    // A new state of the test, or why there is none.
    void showReport(const Fetched<SourceTestReport> &report);
    const SourceTestReport &report() const { return m_report; }

Q_SIGNALS:
    void settled();

private:
    SourceTestReport m_report;
};

} // namespace gerbang
