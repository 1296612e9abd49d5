// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditPage.h"

#include "AuditModel.h"
#include "backend/Backend.h"
#include "core/DomainLabels.h"
#include "domain/Ids.h"
#include "report/AuditExport.h"
#include "report/ProofWords.h"
#include "service/AdminService.h"
#include "storage/Database.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// A filter of the vocabulary: "any", then every value (its wire name as the item's data, its
// label as the text; the texts are set in retranslateUi).
template <typename E> void fillVocabulary(QComboBox *box)
{
    box->addItem(QString());
    for (const Word<E> &w : allOf<E>())
        box->addItem(QString(), QString(w.wire));
}

template <typename E> void labelVocabulary(QComboBox *box)
{
    for (int i = 1; i < box->count(); ++i)
        box->setItemText(i, labels::ofWire<E>(box->itemData(i).toString()));
}

} // namespace

AuditPage::AuditPage(Backend &backend, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_model(new AuditModel(backend, this))
    , m_messages(new MessageBar)
    , m_period(new QComboBox)
    , m_from(new QDateTimeEdit)
    , m_to(new QDateTimeEdit)
    , m_tenant(new QComboBox)
    , m_provider(new QComboBox)
    , m_outcome(new QComboBox)
    , m_signature(new QComboBox)
    , m_clientIp(new QLineEdit)
    , m_eventId(new QLineEdit)
    , m_periodLabel(new QLabel)
    , m_tenantLabel(new QLabel)
    , m_providerLabel(new QLabel)
    , m_outcomeLabel(new QLabel)
    , m_signatureLabel(new QLabel)
    , m_ipLabel(new QLabel)
    , m_eventLabel(new QLabel)
    , m_fromLabel(new QLabel)
    , m_toLabel(new QLabel)
    , m_view(new QTableView)
    , m_detail(new QTextBrowser)
    , m_status(new QLabel)
    , m_refresh(new QPushButton(Icons::get(u"refresh"_s), QString()))
    , m_csv(new QPushButton(Icons::get(u"export"_s), QString()))
    , m_pdf(new QPushButton(Icons::get(u"report"_s), QString()))
    , m_verify(new QPushButton(Icons::get(u"refresh"_s), QString()))
    , m_proof(new QLabel)
    , m_debounce(new QTimer(this))
{
    setObjectName(u"auditPage"_s);
    m_period->setObjectName(u"auditPeriod"_s);
    m_from->setObjectName(u"auditFrom"_s);
    m_to->setObjectName(u"auditTo"_s);
    m_tenant->setObjectName(u"auditTenant"_s);
    m_provider->setObjectName(u"auditProvider"_s);
    m_outcome->setObjectName(u"auditOutcome"_s);
    m_signature->setObjectName(u"auditSignature"_s);
    m_clientIp->setObjectName(u"auditClientIp"_s);
    m_eventId->setObjectName(u"auditEventId"_s);
    m_view->setObjectName(u"auditTable"_s);
    m_detail->setObjectName(u"auditDetail"_s);
    m_csv->setObjectName(u"exportCsv"_s);
    m_pdf->setObjectName(u"exportPdf"_s);

    for (int i = 0; i <= Custom; ++i)
        m_period->addItem(QString(), i);
    m_period->setCurrentIndex(AllTime);
    m_tenant->setEditable(true);
    m_tenant->addItem(QString());
    fillVocabulary<Provider>(m_provider);
    fillVocabulary<Outcome>(m_outcome);
    fillVocabulary<SignatureStatus>(m_signature);
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now);
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    }

    auto *filters = new QGridLayout;
    filters->addWidget(m_periodLabel, 0, 0);
    filters->addWidget(m_period, 0, 1);
    filters->addWidget(m_fromLabel, 0, 2);
    filters->addWidget(m_from, 0, 3);
    filters->addWidget(m_toLabel, 0, 4);
    filters->addWidget(m_to, 0, 5);
    filters->addWidget(m_tenantLabel, 0, 6);
    filters->addWidget(m_tenant, 0, 7);
    filters->addWidget(m_providerLabel, 1, 0);
    filters->addWidget(m_provider, 1, 1);
    filters->addWidget(m_outcomeLabel, 1, 2);
    filters->addWidget(m_outcome, 1, 3);
    filters->addWidget(m_signatureLabel, 1, 4);
    filters->addWidget(m_signature, 1, 5);
    filters->addWidget(m_ipLabel, 1, 6);
    filters->addWidget(m_clientIp, 1, 7);
    filters->addWidget(m_eventLabel, 2, 0);
    filters->addWidget(m_eventId, 2, 1, 1, 3);
    filters->setColumnStretch(7, 1);
    m_periodLabel->setBuddy(m_period);
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    m_tenantLabel->setBuddy(m_tenant);
    m_providerLabel->setBuddy(m_provider);
    m_outcomeLabel->setBuddy(m_outcome);
    m_signatureLabel->setBuddy(m_signature);
    m_ipLabel->setBuddy(m_clientIp);
    m_eventLabel->setBuddy(m_eventId);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Fixed row heights: no per-row measuring, whatever the number of rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    m_view->setColumnWidth(AuditModel::Received, 170);
    m_view->setColumnWidth(AuditModel::Path, 200);
    m_detail->setOpenLinks(false);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_refresh);
    bottom->addWidget(m_csv);
    bottom->addWidget(m_pdf);
    bottom->addWidget(m_verify);
    m_verify->setObjectName(u"auditVerify"_s);
    m_proof->setObjectName(u"auditProof"_s);
    m_proof->setWordWrap(true);
    m_proof->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_proof);
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verifyLog);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &AuditPage::refresh);
    connect(m_period, &QComboBox::currentIndexChanged, this, &AuditPage::periodChanged);
    for (QComboBox *box : {m_provider, m_outcome, m_signature})
        connect(box, &QComboBox::currentIndexChanged, this, &AuditPage::filterEdited);
    connect(m_tenant, &QComboBox::currentTextChanged, this, &AuditPage::filterEdited);
    connect(m_clientIp, &QLineEdit::textChanged, this, &AuditPage::filterEdited);
    connect(m_eventId, &QLineEdit::textChanged, this, &AuditPage::filterEdited);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &AuditPage::filterEdited);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &AuditPage::filterEdited);
    connect(m_refresh, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditPage::showDetail);
    connect(m_model, &AuditModel::pageLoaded, this, [this](int, const QString &error) {
        if (!error.isEmpty())
            m_messages->show(tr("Cannot read the audit log: %1").arg(error),
                             MessageBar::Kind::Error);
        retranslateUi();
    });
    connect(m_csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export audit log as CSV"), u"gerbang-audit.csv"_s, tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export audit report as PDF"),
                                         u"gerbang-audit.pdf"_s, tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    connect(this, &AuditPage::exportFinished, this,
            [this](bool ok, const QString &path, qint64 rows, int, const QString &error) {
                m_csv->setEnabled(true);
                m_pdf->setEnabled(true);
                if (ok)
                    m_messages->show(tr("%n row(s) exported to %1.", nullptr, int(rows))
                                         .arg(QDir::toNativeSeparators(path)),
                                     MessageBar::Kind::Positive);
                else
                    m_messages->show(tr("Export failed: %1").arg(error), MessageBar::Kind::Error);
            });
    periodChanged();
    retranslateUi();
}

void AuditPage::verifyLog()
{
    m_verifying = true;
    m_verify->setEnabled(false);
    retranslateUi();
    m_backend.verifyAudit(this, [this](const Fetched<AuditVerification> &r) {
        m_verifying = false;
        m_verify->setEnabled(true);
        const bool intact = r.ok() && r.value.ok();
        const QString summary = r.ok() ? ProofWords::summary(r.value)
                                       : tr("Cannot verify the audit log: %1").arg(r.error);
        m_verified = true;
        m_proof->setText(summary);
        // Not intact is news the admin must not miss: red, and said in the message bar too.
        m_proof->setStyleSheet(intact ? QString() : u"color: #b00020; font-weight: bold"_s);
        if (!intact)
            m_messages->show(summary, MessageBar::Kind::Error);
        Q_EMIT verificationFinished(intact, summary);
    });
}

QString AuditPage::title() const
{
    return tr("Audit log");
}

void AuditPage::activated()
{
    // The first visit loads; later visits keep the admin's place (Refresh reloads).
    if (!std::exchange(m_loadedOnce, true))
        refresh();
}

AuditFilter AuditPage::currentFilter() const
{
    AuditFilter f;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (m_period->currentIndex()) {
    case LastHour:
        f.fromMs = now - 3600 * 1000LL;
        break;
    case LastDay:
        f.fromMs = now - 86400 * 1000LL;
        break;
    case LastWeek:
        f.fromMs = now - 7 * 86400 * 1000LL;
        break;
    case LastMonth:
        f.fromMs = now - 30 * 86400 * 1000LL;
        break;
    case Custom:
        f.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        f.toMs = m_to->dateTime().toMSecsSinceEpoch();
        break;
    default:
        break;
    }
    f.tenant = m_tenant->currentText().trimmed();
    f.provider = m_provider->currentData().toString();
    f.outcome = m_outcome->currentData().toString();
    f.signatureStatus = m_signature->currentData().toString();
    f.sourceIp = m_clientIp->text().trimmed();
    f.eventIdContains = m_eventId->text().trimmed();
    return f;
}

void AuditPage::periodChanged()
{
    const bool custom = m_period->currentIndex() == Custom;
    for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                       static_cast<QWidget *>(m_fromLabel), static_cast<QWidget *>(m_toLabel)})
        w->setEnabled(custom);
    filterEdited();
}

void AuditPage::filterEdited()
{
    m_debounce->start();
}

void AuditPage::refresh()
{
    m_debounce->stop();
    m_detail->clear();
    m_model->setFilter(currentFilter());
    retranslateUi();
}

void AuditPage::showDetail()
{
    const AuditRecord *a = m_model->record(m_view->currentIndex().row());
    if (!a) {
        m_detail->clear();
        return;
    }
    const QLocale locale;
    QString detail = a->detail;
    const QJsonDocument json = QJsonDocument::fromJson(detail.toUtf8());
    if (!json.isNull())
        detail = QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    QString html = u"<table cellpadding='2'>"_s;
    auto row = [&](const QString &k, const QString &v) {
        html +=
            u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    row(tr("Received"),
        locale.toString(QDateTime::fromMSecsSinceEpoch(a->receivedAtMs), QLocale::LongFormat) +
            u" (%1)"_s.arg(isoUtc(a->receivedAtMs)));
    row(tr("Client IP"), a->sourceIp);
    row(tr("Request"), a->method + u' ' + a->path);
    row(tr("Provider"), a->provider);
    row(tr("Tenant"), a->tenant);
    row(tr("Outcome"), a->outcome);
    row(tr("Signature"), a->signatureStatus);
    row(tr("HTTP status"), QString::number(a->httpStatus));
    row(tr("Processing time"), tr("%1 µs").arg(locale.toString(a->processingUs)));
    row(tr("Body size"), tr("%1 bytes").arg(locale.toString(a->bodySize)));
    row(tr("Event ids"), a->eventIds.join(u", "_s));
    row(tr("Event types"), a->eventTypes.join(u", "_s));
    row(tr("Raw payload"), a->rawRef);
    html += u"</table>"_s;
    if (!detail.isEmpty())
        html += u"<p><b>%1</b></p><pre>%2</pre>"_s.arg(tr("Detail").toHtmlEscaped(),
                                                       detail.toHtmlEscaped());
    m_detail->setHtml(html);
}

QString AuditPage::periodText() const
{
    const AuditFilter f = currentFilter();
    const QLocale locale;
    auto at = [&](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
    };
    if (!f.fromMs && !f.toMs)
        return tr("All recorded requests");
    return tr("%1 to %2")
        .arg(f.fromMs ? at(*f.fromMs) : tr("the beginning"),
             at(f.toMs ? *f.toMs : QDateTime::currentMSecsSinceEpoch()));
}

void AuditPage::exportCsv(const QString &path)
{
    startExport(path, false);
}

void AuditPage::exportPdf(const QString &path)
{
    startExport(path, true);
}

AuditExport::Report AuditPage::reportHeading() const
{
    AuditExport::Report report;
    report.firm = currentFilter().tenant;
    report.period = periodText();
    report.generatedAtMs = QDateTime::currentMSecsSinceEpoch();
    // Who made it: the desktop user and, attached, the token the gateway audited it under.
    const QString desktopUser = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    report.generatedBy = m_backend.isLocal()
                             ? desktopUser
                             : tr("%1 at %2, desktop user %3")
                                   .arg(m_backend.actor(), m_backend.where(), desktopUser);
    return report;
}

void AuditPage::startExport(const QString &path, bool pdf)
{
    m_csv->setEnabled(false);
    m_pdf->setEnabled(false);
    const AuditFilter filter = currentFilter();
    const AuditExport::Report report = reportHeading();
    const AuditExportRequest request{
        filter, pdf ? AuditExportRequest::Format::Pdf : AuditExportRequest::Format::Csv, path,
        report};
    m_backend.exportAudit(this, request, [this, path](const AuditExport::Result &r) {
        Q_EMIT exportFinished(r.ok, path, r.rows, r.pages, r.error);
    });
}

void AuditPage::retranslateUi()
{
    m_periodLabel->setText(tr("&Period:"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("T&o:"));
    m_tenantLabel->setText(tr("&Tenant:"));
    m_providerLabel->setText(tr("Pro&vider:"));
    m_outcomeLabel->setText(tr("O&utcome:"));
    m_signatureLabel->setText(tr("&Signature:"));
    m_ipLabel->setText(tr("Client &IP:"));
    m_eventLabel->setText(tr("&Event id:"));
    const QStringList periods = {tr("Last hour"),    tr("Last 24 hours"), tr("Last 7 days"),
                                 tr("Last 30 days"), tr("All time"),      tr("Custom range")};
    for (int i = 0; i < periods.size(); ++i)
        m_period->setItemText(i, periods.at(i));
    for (QComboBox *box : {m_provider, m_outcome, m_signature})
        box->setItemText(0, tr("any"));
    labelVocabulary<Provider>(m_provider);
    labelVocabulary<Outcome>(m_outcome);
    labelVocabulary<SignatureStatus>(m_signature);
    m_tenant->lineEdit()->setPlaceholderText(tr("any tenant"));
    m_clientIp->setPlaceholderText(tr("e.g. 203.0.113.7"));
    m_eventId->setPlaceholderText(tr("part of a stored event id (ev_…)"));
    m_refresh->setText(tr("Re&fresh"));
    m_csv->setText(tr("Export &CSV…"));
    m_pdf->setText(tr("&PDF report…"));
    m_verify->setText(tr("Verif&y log"));
    m_verify->setToolTip(tr("Check the audit log's hash chains and signed checkpoints: shows "
                            "any row changed, removed, added or moved"));
    if (m_verifying)
        m_proof->setText(tr("Verifying the audit log…"));
    else if (!m_verified)
        m_proof->setText(tr("The audit log has not been verified in this session."));
    const QLocale locale;
    m_status->setText(m_model->isLoading()
                          ? tr("Loading…")
                          : (m_model->isComplete()
                                 ? tr("%1 matching rows").arg(locale.toString(m_model->rowCount()))
                                 : tr("%1 rows shown; scroll down for more")
                                       .arg(locale.toString(m_model->rowCount()))));
    m_model->retranslate();
    showDetail();
}

} // namespace gerbang
