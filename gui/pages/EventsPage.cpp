// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventsPage.h"

#include "core/DomainLabels.h"
#include "core/RoleGate.h"
#include "domain/Ids.h"
#include "widgets/DetailTable.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

constexpr int kColumns = 6; // received, tenant, provider, type, state, provider event id

// Back from now, in hours; 0: all time.
constexpr int kPeriodHours[] = {24, 24 * 7, 24 * 30, 0};

template <typename E> void fillVocabulary(QComboBox *box)
{
    box->addItem(QString(), QString());
    for (const auto &word : allOf<E>())
        box->addItem(QString(), QString(word.wire));
}

template <typename E> void labelVocabulary(QComboBox *box)
{
    box->setItemText(0, EventsPage::tr("any"));
    for (int i = 1; i < box->count(); ++i)
        box->setItemText(i, labels::ofWire<E>(box->itemData(i).toString()));
}

} // namespace

EventsPage::EventsPage(Backend &backend, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_messages(new MessageBar)
    , m_tenant(new QLineEdit)
    , m_provider(new QComboBox)
    , m_type(new QLineEdit)
    , m_state(new QComboBox)
    , m_period(new QComboBox)
    , m_refresh(new QPushButton(Icons::get(u"refresh"_s), QString()))
    , m_table(new QTableWidget(0, kColumns))
    , m_detail(new QTextBrowser)
    , m_open(new QPushButton(Icons::get(u"search"_s), QString()))
    , m_replay(new QPushButton(Icons::get(u"restart"_s), QString()))
    , m_status(new QLabel)
    , m_tenantLabel(new QLabel)
    , m_providerLabel(new QLabel)
    , m_typeLabel(new QLabel)
    , m_stateLabel(new QLabel)
    , m_periodLabel(new QLabel)
{
    setObjectName(u"eventsPage"_s);
    m_messages->setObjectName(u"eventMessages"_s);
    m_table->setObjectName(u"eventTable"_s);
    m_detail->setObjectName(u"eventDetail"_s);
    m_open->setObjectName(u"openPayload"_s);
    m_replay->setObjectName(u"replayEvents"_s);
    m_tenant->setObjectName(u"eventTenant"_s);
    m_state->setObjectName(u"eventState"_s);
    m_period->setObjectName(u"eventPeriod"_s);
    fillVocabulary<Provider>(m_provider);
    fillVocabulary<DeliveryState>(m_state);
    for (int i = 0; i < int(std::size(kPeriodHours)); ++i)
        m_period->addItem(QString(), kPeriodHours[i]);
    m_period->setCurrentIndex(1);
    for (auto [label, field] : {std::pair<QLabel *, QWidget *>{m_tenantLabel, m_tenant},
                                {m_providerLabel, m_provider},
                                {m_typeLabel, m_type},
                                {m_stateLabel, m_state},
                                {m_periodLabel, m_period}})
        label->setBuddy(field);

    auto *filters = new QGridLayout;
    filters->addWidget(m_periodLabel, 0, 0);
    filters->addWidget(m_period, 0, 1);
    filters->addWidget(m_tenantLabel, 0, 2);
    filters->addWidget(m_tenant, 0, 3);
    filters->addWidget(m_providerLabel, 0, 4);
    filters->addWidget(m_provider, 0, 5);
    filters->addWidget(m_typeLabel, 1, 0);
    filters->addWidget(m_type, 1, 1);
    filters->addWidget(m_stateLabel, 1, 2);
    filters->addWidget(m_state, 1, 3);
    filters->addWidget(m_refresh, 1, 5);

    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_replay);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(m_refresh, &QPushButton::clicked, this, &EventsPage::reload);
    for (QComboBox *box : {m_provider, m_state, m_period})
        connect(box, &QComboBox::activated, this, &EventsPage::reload);
    for (QLineEdit *edit : {m_tenant, m_type})
        connect(edit, &QLineEdit::returnPressed, this, &EventsPage::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        showDetail();
        updateActions();
    });
    connect(m_open, &QPushButton::clicked, this, &EventsPage::openPayload);
    connect(m_replay, &QPushButton::clicked, this, &EventsPage::replaySelected);
    connect(&m_backend, &Backend::linkChanged, this, &EventsPage::updateActions);
    retranslateUi();
}

QString EventsPage::title() const
{
    return tr("Events");
}

void EventsPage::activated()
{
    reload();
}

EventFilter EventsPage::currentFilter() const
{
    EventFilter f;
    f.tenant = m_tenant->text().trimmed();
    f.provider = m_provider->currentData().toString();
    f.type = m_type->text().trimmed();
    f.deliveryState = m_state->currentData().toString();
    if (const int hours = m_period->currentData().toInt(); hours > 0)
        f.fromMs = QDateTime::currentMSecsSinceEpoch() - qint64(hours) * 3'600'000;
    f.limit = kLimit;
    return f;
}

void EventsPage::reload()
{
    if (m_loading) {
        m_reloadPending = true; // the filter may have changed: read again after this one
        return;
    }
    m_loading = true;
    m_status->setText(tr("Loading…"));
    m_backend.events(this, currentFilter(), [this](Fetched<QList<WebhookEvent>> r) {
        m_loading = false;
        if (std::exchange(m_reloadPending, false))
            return reload();
        if (!r.ok()) {
            m_messages->show(tr("Cannot read the events: %1").arg(r.error),
                             MessageBar::Kind::Error);
            m_status->clear();
            return;
        }
        const QStringList keep = selectedIds();
        m_events = r.value;
        fill();
        for (const QString &id : keep)
            selectEvent(id);
        Q_EMIT loaded();
    });
}

void EventsPage::fill()
{
    const QLocale locale;
    const QSignalBlocker block(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(m_events.size()));
    for (int row = 0; row < m_events.size(); ++row) {
        const WebhookEvent &e = m_events.at(row);
        const QStringList cells = {
            locale.toString(QDateTime::fromMSecsSinceEpoch(e.receivedAtMs), QLocale::ShortFormat),
            e.tenant,
            labels::ofWire<Provider>(e.provider),
            e.type,
            labels::ofWire<DeliveryState>(e.deliveryState),
            e.providerEventId};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, e.id);
            m_table->setItem(row, c, item);
        }
    }
    m_status->setText(m_events.size() >= kLimit
                          ? tr("The newest %1 events; narrow the filters to see older ones.")
                                .arg(locale.toString(kLimit))
                          : tr("%n event(s).", nullptr, int(m_events.size())));
    showDetail();
    updateActions();
}

QStringList EventsPage::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << m_events.at(index.row()).id;
    return ids;
}

void EventsPage::selectEvent(const QString &id)
{
    for (int row = 0; row < m_events.size(); ++row) {
        if (m_events.at(row).id == id) {
            m_table->selectRow(row);
            return;
        }
    }
}

void EventsPage::showDetail()
{
    const int row = m_table->currentRow();
    const QStringList selected = selectedIds();
    if (row < 0 || row >= m_events.size() || selected.isEmpty()) {
        m_detail->clear();
        return;
    }
    const WebhookEvent &e = m_events.at(row);
    // A payload belongs to the event it was opened for, and is not kept once another is shown.
    if (m_payloadOf != e.id) {
        m_payload.clear();
        m_payloadOf.clear();
    }
    DetailTable table;
    table.add(tr("Event id"), e.id);
    table.add(tr("Provider event id"), e.providerEventId);
    table.add(tr("Tenant"), e.tenant);
    table.add(tr("Provider"), labels::ofWire<Provider>(e.provider));
    table.add(tr("Type"), e.type);
    table.add(tr("Received"), DetailTable::time(e.receivedAtMs));
    table.add(tr("Occurred"), DetailTable::time(e.occurredAtMs));
    table.add(tr("Routed by"), e.routingKey);
    table.add(tr("Delivery"), labels::ofWire<DeliveryState>(e.deliveryState));
    QString html = table.html();
    if (!m_payload.isEmpty())
        html += u"<p><b>%1</b></p><pre style='white-space: pre-wrap'>%2</pre>"_s.arg(
            tr("Payload (this opening is recorded in the audit log)").toHtmlEscaped(),
            m_payload.toHtmlEscaped());
    m_detail->setHtml(html);
}

void EventsPage::openPayload()
{
    const QStringList selected = selectedIds();
    const ConsoleChange open = consolechange::ReadEventPayload{selected.value(0)};
    if (selected.size() != 1 || !m_backend.allows(open))
        return;
    const QString id = selected.first();
    m_backend.apply(this, open, [this, id](ChangeResult r) {
        if (!r.ok()) {
            m_messages->show(tr("The payload cannot be shown: %1").arg(r.message),
                             MessageBar::Kind::Error);
            Q_EMIT payloadRefused(r.message);
            return;
        }
        const QByteArray raw =
            QByteArray::fromBase64(r.result.value(u"payload_base64"_s).toString().toLatin1());
        // JSON is indented for reading; anything else is shown as the text it is.
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
        m_payload = error.error == QJsonParseError::NoError
                        ? QString::fromUtf8(doc.toJson(QJsonDocument::Indented))
                        : QString::fromUtf8(raw);
        m_payloadOf = id;
        m_messages->clear();
        showDetail();
        Q_EMIT payloadShown(id);
    });
}

void EventsPage::replaySelected()
{
    const QStringList ids = selectedIds();
    const ConsoleChange replay = consolechange::ReplayEvents{ids};
    if (ids.isEmpty() || !m_backend.allows(replay))
        return;
    QMessageBox box(QMessageBox::Question, tr("Replay events"),
                    tr("Queue the %n selected event(s) for delivery to the core again?", nullptr,
                       int(ids.size())),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"eventReplayConfirmation"_s);
    box.setInformativeText(tr("The core receives them once more, as at-least-once delivery "
                              "allows. The replay is recorded in the audit log."));
    QPushButton *yes = box.addButton(tr("&Replay"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    yes->setObjectName(u"confirmEventReplay"_s);
    box.setDefaultButton(cancel);
    box.exec();
    if (box.clickedButton() != yes)
        return;
    m_backend.apply(this, replay, [this, ids](ChangeResult r) {
        const QString message =
            r.ok() ? tr("%n event(s) queued for delivery again.", nullptr, int(ids.size()))
                   : tr("Nothing was replayed: %1").arg(r.message);
        m_messages->show(message, r.ok() ? MessageBar::Kind::Positive : MessageBar::Kind::Error);
        Q_EMIT replayFinished(r.ok(), message);
        reload();
    });
}

void EventsPage::updateActions()
{
    const int selected = int(selectedIds().size());
    rolegate::apply(m_open, m_backend, requiredRole(consolechange::ReadEventPayload{}),
                    selected == 1);
    rolegate::apply(m_replay, m_backend, requiredRole(consolechange::ReplayEvents{}), selected > 0);
}

void EventsPage::retranslateUi()
{
    m_periodLabel->setText(tr("&Period:"));
    m_tenantLabel->setText(tr("&Tenant:"));
    m_providerLabel->setText(tr("Pro&vider:"));
    m_typeLabel->setText(tr("T&ype:"));
    m_stateLabel->setText(tr("&State:"));
    const QStringList periods = {tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"),
                                 tr("All time")};
    for (int i = 0; i < periods.size(); ++i)
        m_period->setItemText(i, periods.at(i));
    labelVocabulary<Provider>(m_provider);
    labelVocabulary<DeliveryState>(m_state);
    m_tenant->setPlaceholderText(tr("any tenant"));
    m_type->setPlaceholderText(tr("e.g. message.text"));
    m_refresh->setText(tr("Re&fresh"));
    m_open->setText(tr("&Open payload"));
    m_open->setToolTip(tr("Show the event's decrypted payload while it is retained; the opening "
                          "is recorded in the audit log"));
    m_replay->setText(tr("Re&play selected"));
    m_replay->setToolTip(tr("Queue the selected events for delivery to the core again"));
    m_table->setHorizontalHeaderLabels({tr("Received"), tr("Tenant"), tr("Provider"), tr("Type"),
                                        tr("State"), tr("Provider event id")});
    fill();
}

} // namespace gerbang
