// SPDX-License-Identifier: GPL-3.0-or-later
#include "GatewaysPage.h"

#include "core/DomainLabels.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTimerEvent>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

enum Column
{
    State,
    Host,
    Version,
    Rate,
    P99,
    Backlog,
    LastSeen,
    Started,
    Webhooks,
    ColumnCount
};

} // namespace

GatewaysPage::GatewaysPage(Backend &backend, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_messages(new MessageBar)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
{
    setObjectName(u"gatewaysPage"_s);
    m_summary->setObjectName(u"fleetSummary"_s);
    m_summary->setWordWrap(true);
    m_table->setObjectName(u"gatewayTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    retranslateUi();
}

QString GatewaysPage::title() const
{
    return tr("Gateways");
}

void GatewaysPage::activated()
{
    reload();
}

void GatewaysPage::showEvent(QShowEvent *event)
{
    m_refresh.start(kRefreshMs, this);
    Page::showEvent(event);
}

void GatewaysPage::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    Page::hideEvent(event);
}

void GatewaysPage::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_refresh.timerId())
        reload();
    else
        Page::timerEvent(event);
}

void GatewaysPage::reload()
{
    if (m_loading)
        return; // one read at a time, however slow the database or the network
    m_loading = true;
    m_backend.gateways(this, [this](Fetched<QList<FleetMember>> r) {
        m_loading = false;
        if (!r.ok()) {
            m_messages->show(tr("Cannot read the gateways: %1").arg(r.error),
                             MessageBar::Kind::Error);
            return;
        }
        m_messages->clear();
        m_members = r.value;
        fill();
        Q_EMIT loaded();
    });
}

void GatewaysPage::fill()
{
    const QLocale locale;
    const auto when = [&](qint64 ms) {
        return ms > 0 ? locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
                      : QString();
    };
    int up = 0;
    double rate = 0;
    qint64 worstP99 = 0;
    m_table->setRowCount(int(m_members.size()));
    for (int row = 0; row < m_members.size(); ++row) {
        const FleetMember &m = m_members.at(row);
        const QJsonObject summary = QJsonDocument::fromJson(m.beat.summary.toUtf8()).object();
        const bool isUp = m.state == GatewayState::Up;
        // Figures of a gateway that does not run any more would be old: not shown as current.
        const double perSecond = summary.value(u"requests_per_s"_s).toDouble();
        const qint64 p99 = summary.value(u"latency_p99_us"_s).toInteger();
        const qint64 backlog = summary.value(u"outbox_pending"_s).toInteger(-1);
        if (isUp) {
            ++up;
            rate += perSecond;
            worstP99 = std::max(worstP99, p99);
        }
        const QStringList cells = {
            labels::of(m.state),
            m.beat.host,
            m.beat.version,
            isUp ? locale.toString(perSecond, 'f', 1) : QString(),
            isUp ? tr("%1 ms").arg(locale.toString(double(p99) / 1000.0, 'f', 1)) : QString(),
            isUp && backlog >= 0 ? locale.toString(backlog) : QString(),
            when(m.beat.lastSeenAtMs),
            when(m.beat.startedAtMs),
            m.beat.webhookUrl,
        };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == State)
                item->setIcon(Icons::get(isUp                               ? u"running"_s
                                         : m.state == GatewayState::Stopped ? u"stopped"_s
                                                                            : u"failed"_s));
            if (c == Host)
                item->setToolTip(m.beat.id);
            m_table->setItem(row, c, item);
        }
    }
    m_summary->setText(
        tr("%n gateway(s) on this database; %1 up, %2 requests/s in all, worst p99 %3 ms.", nullptr,
           int(m_members.size()))
            .arg(up)
            .arg(locale.toString(rate, 'f', 1))
            .arg(locale.toString(double(worstP99) / 1000.0, 'f', 1)));
}

void GatewaysPage::retranslateUi()
{
    m_table->setHorizontalHeaderLabels({tr("State"), tr("Host"), tr("Version"), tr("Requests/s"),
                                        tr("p99"), tr("Outbox backlog"), tr("Last seen"),
                                        tr("Started"), tr("Webhook address")});
    fill();
}

} // namespace gerbang
