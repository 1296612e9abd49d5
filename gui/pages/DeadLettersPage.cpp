// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeadLettersPage.h"

#include "DeadLettersModel.h"
#include "backend/Backend.h"
#include "core/RoleGate.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"
#include "storage/EventReplay.h"
#include "storage/OutboxRepository.h"
#include "widgets/DetailTable.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang {
DeadLettersPage::DeadLettersPage(Backend &backend, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_model(new DeadLettersModel(this))
    , m_messages(new MessageBar)
    , m_intro(new QLabel)
    , m_view(new QTableView)
    , m_detail(new QTextBrowser)
    , m_status(new QLabel)
    , m_refresh(new QPushButton(Icons::get(u"refresh"_s), QString()))
    , m_replaySelected(new QPushButton(Icons::get(u"restart"_s), QString()))
    , m_replayAll(new QPushButton(Icons::get(u"restart"_s), QString()))
    , m_periodic(new QTimer(this))
{
    setObjectName(u"deadLettersPage"_s);
    m_messages->setObjectName(u"deadLetterMessages"_s);
    m_view->setObjectName(u"deadLettersTable"_s);
    m_detail->setObjectName(u"deadLetterDetail"_s);
    m_status->setObjectName(u"deadLetterStatus"_s);
    m_status->setWordWrap(true); // the empty-state sentence is long in Indonesian
    m_refresh->setObjectName(u"refreshDeadLetters"_s);
    m_replaySelected->setObjectName(u"replaySelected"_s);
    m_replayAll->setObjectName(u"replayAll"_s);
    m_intro->setWordWrap(true);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Narrow columns, so that the last error gets the room; the detail pane has all of it.
    m_view->horizontalHeader()->setDefaultSectionSize(90);
    m_view->setColumnWidth(DeadLettersModel::DeadSince, 130);
    // Event ids are "ev_" and 32 hex digits: the whole id fits.
    m_view->setColumnWidth(
        DeadLettersModel::EventId,
        m_view->fontMetrics().horizontalAdvance(u"ev_0123456789abcdef0123456789abcdef"_s) + 16);
    m_view->setColumnWidth(DeadLettersModel::Type, 110);
    m_view->setColumnWidth(DeadLettersModel::Attempts, 75);
    m_detail->setOpenLinks(false);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_refresh);
    bottom->addWidget(m_replaySelected);
    bottom->addWidget(m_replayAll);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(m_intro);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    // A fallback for changes the engine's count does not show (it is stopped, or another
    // gateway on the same PostgreSQL database replays).
    m_periodic->setInterval(30'000);
    connect(m_periodic, &QTimer::timeout, this, &DeadLettersPage::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &DeadLettersPage::refresh);
    connect(m_replaySelected, &QPushButton::clicked, this, &DeadLettersPage::replaySelected);
    connect(m_replayAll, &QPushButton::clicked, this, &DeadLettersPage::replayAll);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeadLettersPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeadLettersPage::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DeadLettersPage::showDetail);
    retranslateUi();
    updateActions();
}

QString DeadLettersPage::title() const
{
    return tr("Dead letters");
}

void DeadLettersPage::activated()
{
    // showEvent() may have started a read a moment ago: that one is fresh enough.
    if (!m_loading)
        refresh();
}

void DeadLettersPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    m_periodic->start();
    // The window came back from the tray (activated() is not called then).
    if (std::exchange(m_stale, false))
        refresh();
}

void DeadLettersPage::hideEvent(QHideEvent *event)
{
    m_periodic->stop();
    Page::hideEvent(event);
}

void DeadLettersPage::engineCounts(const StatsSnapshot &snapshot)
{
    const qint64 deadLetters = snapshot.deadLetters;
    if (deadLetters < 0 || deadLetters == m_engineDead)
        return;
    m_engineDead = deadLetters;
    if (isVisible()) {
        refresh();
    } else {
        // Keeps the navigation's count current; the rows are read when the page is shown.
        m_stale = true;
        setTotal(deadLetters);
    }
}

QStringList DeadLettersPage::selectedIds() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &index : std::as_const(rows))
        ids << m_model->eventId(index.row());
    return ids;
}

void DeadLettersPage::refresh()
{
    if (m_replaying)
        return; // the replay's end reloads
    if (m_loading) {
        m_reloadPending = true;
        return;
    }
    m_loading = true;
    updateStatus();
    m_backend.deadLetters(this, kLimit, [this](Fetched<DeadLetterListing> r) {
        m_loading = false;
        if (!r.error.isEmpty()) {
            m_loadErrorShown = tr("Cannot read the dead letters: %1").arg(r.error);
            m_messages->show(m_loadErrorShown, MessageBar::Kind::Error);
        } else {
            // A replay's result stays; only a read error that no longer holds goes.
            if (!m_loadErrorShown.isEmpty() && m_messages->text() == m_loadErrorShown)
                m_messages->clear();
            m_loadErrorShown.clear();
            const QStringList keep = selectedIds();
            if (m_model->setItems(r.value.items)) {
                QItemSelection selection;
                for (const QString &id : keep) {
                    const int row = m_model->rowOf(id);
                    if (row >= 0)
                        selection.select(m_model->index(row, 0),
                                         m_model->index(row, DeadLettersModel::ColumnCount - 1));
                }
                m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
                if (!selection.isEmpty())
                    m_view->selectionModel()->setCurrentIndex(selection.first().topLeft(),
                                                              QItemSelectionModel::NoUpdate);
            }
            // Over the API only the statistics count them all.
            setTotal(r.value.total >= 0 ? r.value.total
                                        : std::max<qint64>(m_engineDead, r.value.items.size()));
        }
        updateStatus();
        updateActions();
        Q_EMIT loaded();
        if (std::exchange(m_reloadPending, false))
            refresh();
    });
}

bool DeadLettersPage::confirm(const QString &text)
{
    QMessageBox box(QMessageBox::Question, tr("Replay dead letters"), text, QMessageBox::NoButton,
                    this);
    box.setObjectName(u"replayConfirmation"_s);
    box.setInformativeText(tr("Each is sent to the core again with a fresh attempt count. Fix the "
                              "cause shown as the last error first, or it may fail again. The "
                              "replay is recorded in the audit log."));
    QPushButton *replay = box.addButton(tr("&Replay"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    replay->setObjectName(u"confirmReplay"_s);
    cancel->setObjectName(u"cancelReplay"_s);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == replay;
}

void DeadLettersPage::replaySelected()
{
    // What the admin confirms is what is replayed, whatever a refresh does meanwhile.
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || m_replaying)
        return;
    const QString text = ids.size() == 1
                             ? tr("Queue dead letter %1 for delivery again?").arg(ids.first())
                             : tr("Queue the %n selected dead letter(s) for delivery again?",
                                  nullptr, int(ids.size()));
    if (confirm(text))
        startReplay(ids, false);
}

void DeadLettersPage::replayAll()
{
    if (m_model->rowCount() == 0 || m_replaying)
        return;
    const qint64 count = std::max<qint64>(m_total, m_model->rowCount());
    if (confirm(tr("Queue all %n dead letter(s) for delivery again?", nullptr, int(count))))
        startReplay({}, true);
}

void DeadLettersPage::startReplay(const QStringList &ids, bool all)
{
    m_replaying = true;
    updateActions();
    // Selected rows: those still dead are replayed, the rest left as they are (replayed by
    // someone else meanwhile). All: every dead letter at this moment.
    // Through the AdminService, as gerbangctl dlq replay and the admin API do.
    m_backend.apply(this, consolechange::ReplayDeadLetters{all ? QStringList() : ids, all},
                    [this](ChangeResult done) {
                        DeadLetterReplay r;
                        r.ok = done.ok();
                        r.error = done.message;
                        for (const QJsonValue &id : done.result.value(u"queued_ids"_s).toArray())
                            r.queuedIds << id.toString();
                        for (const QJsonValue &id : done.result.value(u"not_dead"_s).toArray())
                            r.notDead << id.toString();
                        showReplayResult(r);
                    });
}

void DeadLettersPage::showReplayResult(const DeadLetterReplay &outcome)
{
    if (!outcome.ok || outcome.queuedIds.isEmpty() || m_backend.link() != Backend::Link::Up)
        return showReplayResult(outcome, std::nullopt);
    // Where they go next, so that nobody waits for a delivery that cannot happen yet.
    m_backend.settings(this, [this, outcome](Fetched<SettingsListing> r) {
        const SettingState *sink = r.value.find(u"sink/url"_s);
        showReplayResult(outcome, r.ok() && sink ? std::optional<bool>(sink->isSet) : std::nullopt);
    });
}

void DeadLettersPage::showReplayResult(const DeadLetterReplay &outcome,
                                       std::optional<bool> sinkConfigured)
{
    // The replay ends once its result is shown.
    const auto finish = qScopeGuard([this, &outcome] {
        m_replaying = false;
        Q_EMIT replayFinished(outcome.ok ? int(outcome.queuedIds.size()) : -1, outcome.error);
        refresh();
    });
    if (!outcome.ok) {
        m_messages->show(tr("Nothing was replayed: %1").arg(outcome.error),
                         MessageBar::Kind::Error);
        return;
    }
    QStringList parts;
    MessageBar::Kind kind = MessageBar::Kind::Positive;
    const int queued = int(outcome.queuedIds.size());
    if (queued > 0) {
        parts << tr("%n dead letter(s) queued for delivery again.", nullptr, queued);
        if (m_backend.link() != Backend::Link::Up)
            parts << tr("The engine is not running: they are delivered once it starts.");
        else if (sinkConfigured == false)
            parts << tr("No sink URL is set (Settings, Delivery and alerts): they stay queued "
                        "until one is.");
        else
            parts << tr("The running engine sends them within a second.");
    } else {
        kind = MessageBar::Kind::Information;
        parts << tr("Nothing was replayed.");
    }
    if (!outcome.notDead.isEmpty())
        parts << tr("%n selected event(s) were no longer dead letters and were left as they are.",
                    nullptr, int(outcome.notDead.size()));
    if (!outcome.error.isEmpty()) {
        kind = MessageBar::Kind::Warning;
        parts
            << tr("The replay could not be fully recorded in the audit log: %1").arg(outcome.error);
    }
    m_messages->show(parts.join(u' '), kind);
}

void DeadLettersPage::showDetail()
{
    const int row = m_view->currentIndex().row();
    if (row < 0 || row >= m_model->rowCount()) {
        m_detail->clear();
        return;
    }
    const OutboxItem &item = m_model->items().at(row);
    const WebhookEvent &e = item.event;
    const QLocale locale;
    DetailTable table;
    table.add(tr("Event id"), e.id);
    table.add(tr("Provider event id"),
              e.providerEventId.isEmpty() ? tr("(none)") : e.providerEventId);
    table.add(tr("Tenant"), e.tenant);
    table.add(tr("Provider"), e.provider);
    table.add(tr("Type"), e.type);
    table.add(tr("Received"), DetailTable::time(e.receivedAtMs));
    table.add(tr("Dead since"), DetailTable::time(item.finishedAtMs));
    table.add(tr("Attempts"), locale.toString(item.attempts));
    table.add(tr("Last HTTP status"),
              item.lastStatus > 0 ? QString::number(item.lastStatus) : tr("no answer"));
    QString html = table.html();
    // The whole error, as the delivery worker wrote it (the table shows one line of it).
    html += u"<p><b>%1</b></p><pre style='white-space: pre-wrap'>%2</pre>"_s.arg(
        tr("Last error").toHtmlEscaped(), item.lastError.toHtmlEscaped());
    m_detail->setHtml(html);
}

void DeadLettersPage::setTotal(qint64 total)
{
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalChanged(total);
}

void DeadLettersPage::updateActions()
{
    m_refresh->setEnabled(!m_replaying);
    const AdminRole needed = requiredRole(consolechange::ReplayDeadLetters{});
    rolegate::apply(m_replaySelected, m_backend, needed,
                    !m_replaying && m_view->selectionModel()->hasSelection());
    rolegate::apply(m_replayAll, m_backend, needed, !m_replaying && m_model->rowCount() > 0);
}

void DeadLettersPage::updateStatus()
{
    const QLocale locale;
    const int shown = m_model->rowCount();
    if (m_loading && shown == 0)
        m_status->setText(tr("Loading…"));
    else if (shown == 0 && m_total <= 0)
        m_status->setText(m_total < 0 ? QString()
                                      : tr("No dead letters: every accepted event was delivered "
                                           "or is still queued for delivery."));
    else if (m_total > shown)
        m_status->setText(tr("Showing the newest %1 of %2 dead letters.")
                              .arg(locale.toString(shown), locale.toString(m_total)));
    else
        m_status->setText(tr("%n dead letter(s).", nullptr, shown));
}

void DeadLettersPage::retranslateUi()
{
    m_intro->setText(tr("Accepted events the gateway gave up delivering to the core: the core "
                        "refused them (an HTTP 4xx answer other than 408 or 429), they were "
                        "still undelivered after the attempt or age limits, or they could not be "
                        "prepared for sending. Fix the cause shown as the last error, then "
                        "replay them: each is delivered again with a fresh attempt count."));
    m_refresh->setText(tr("Re&fresh"));
    m_replaySelected->setText(tr("Replay &selected"));
    m_replaySelected->setToolTip(tr("Queue the selected dead letters for delivery again"));
    m_replayAll->setText(tr("Replay &all"));
    m_replayAll->setToolTip(tr("Queue every dead letter for delivery again"));
    m_model->retranslate();
    updateStatus();
    showDetail();
}

} // namespace gerbang
