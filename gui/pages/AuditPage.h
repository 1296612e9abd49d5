// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "report/AuditExport.h"
#include "storage/AuditRepository.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;
class QTimer;

namespace gerbang {

class AuditModel;
class Backend;
class MessageBar;

// The audit log: filters, a lazily fetched table, a detail pane, and exports of the filtered
// view as CSV or as a PDF report.
class AuditPage : public Page
{
    Q_OBJECT
public:
    explicit AuditPage(Backend &backend, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("audit"); }
    void activated() override;

    AuditModel *model() const { return m_model; }
    // The filter the controls describe now.
    AuditFilter currentFilter() const;
    // Re-reads the first page with the current filter.
    void refresh();
    // Exports run off the GUI thread (here: their own database connection; attached: the
    // gateway's streamed export); exportFinished() follows.
    void exportCsv(const QString &path);
    void exportPdf(const QString &path);
    // Verifies the whole audit log through the backend; verificationFinished() follows.
    void verifyLog();
    // The PDF's title page for the current filter: tenant, period, when, and who (the desktop
    // user, and the token when attached).
    AuditExport::Report reportHeading() const;

Q_SIGNALS:
    void exportFinished(bool ok, const QString &path, qint64 rows, int pages, const QString &error);
    // A verification of the audit log ended (`intact` false also when it could not run).
    void verificationFinished(bool intact, const QString &summary);

protected:
    void retranslateUi() override;

private:
    enum Period
    {
        LastHour,
        LastDay,
        LastWeek,
        LastMonth,
        AllTime,
        Custom
    };
    void showDetail();
    void periodChanged();
    void filterEdited();
    QString periodText() const;
    void startExport(const QString &path, bool pdf);

    Backend &m_backend;
    AuditModel *m_model;
    MessageBar *m_messages;
    QComboBox *m_period;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QComboBox *m_tenant;
    QComboBox *m_provider;
    QComboBox *m_outcome;
    QComboBox *m_signature;
    QLineEdit *m_clientIp;
    QLineEdit *m_eventId;
    QLabel *m_periodLabel, *m_tenantLabel, *m_providerLabel, *m_outcomeLabel, *m_signatureLabel,
        *m_ipLabel, *m_eventLabel, *m_fromLabel, *m_toLabel;
    QTableView *m_view;
    QTextBrowser *m_detail;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_csv;
    QPushButton *m_pdf;
    QPushButton *m_verify; // checks the log's hash chains now
    QLabel *m_proof;       // the last verification, in words
    bool m_verifying = false;
    bool m_verified = false; // m_proof holds a result
    QTimer *m_debounce;
    bool m_loadedOnce = false;
};

} // namespace gerbang
