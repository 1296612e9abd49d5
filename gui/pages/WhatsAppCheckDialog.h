// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/Backend.h"
#include "widgets/ReportDialog.h"

namespace gerbang {

// The WhatsApp setup check (gerbangctl whatsapp check) as the console shows it: each check
// with its result and what to do about it.
class WhatsAppCheckDialog : public ReportDialog
{
    Q_OBJECT
public:
    explicit WhatsAppCheckDialog(QWidget *parent = nullptr);
    // The report, or why there is none.
    void showReport(const Fetched<WhatsAppSetupReport> &report);
    const WhatsAppSetupReport &report() const { return m_report; }

Q_SIGNALS:
    void settled();

private:
    WhatsAppSetupReport m_report;
};

} // namespace gerbang
