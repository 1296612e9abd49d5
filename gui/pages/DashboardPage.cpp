// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardPage.h"

#include "OffenderModel.h"
#include "core/DomainLabels.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsOpacityEffect>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScrollArea>
#include <QTableView>
#include <QTimerEvent>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace gerbang {

DashboardPage::DashboardPage(Backend &backend, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_offenders(new OffenderModel(this))
    , m_offenderView(new QTableView)
    , m_offenderBox(new QGroupBox)
{
    setObjectName(u"dashboardPage"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget;
    scroll->setWidget(content);
    auto *page = new QVBoxLayout(content);
    m_staleLabel = new QLabel;
    m_staleLabel->setObjectName(u"staleLabel"_s);
    m_staleLabel->setWordWrap(true);
    m_staleLabel->hide();
    page->addWidget(m_staleLabel);
    // Everything the gateway reported, greyed as one while the link is lost.
    m_data = new QWidget;
    page->addWidget(m_data, 1);
    auto *layout = new QVBoxLayout(m_data);
    layout->setContentsMargins(0, 0, 0, 0);

    m_scope = new QComboBox;
    m_scope->setObjectName(u"dashboardScope"_s);
    m_scope->addItem(QString(), int(Scope::ThisGateway));
    m_scope->addItem(QString(), int(Scope::Fleet));
    m_scopeLabel = new QLabel;
    m_scopeLabel->setBuddy(m_scope);
    m_scopeNote = new QLabel;
    m_scopeNote->setObjectName(u"dashboardScopeNote"_s);
    m_scopeNote->setForegroundRole(QPalette::PlaceholderText);
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_scopeLabel);
    scopeRow->addWidget(m_scope);
    scopeRow->addWidget(m_scopeNote, 1);
    layout->addLayout(scopeRow);
    connect(&m_backend, &Backend::historyArrived, this, &DashboardPage::seed);
    connect(m_scope, &QComboBox::activated, this,
            [this] { setScope(Scope(m_scope->currentData().toInt())); });

    auto *figures = new QGridLayout;
    figures->setHorizontalSpacing(24);
    m_requests = addFigure(figures, 0, &m_requestsCaption);
    m_p50 = addFigure(figures, 1, &m_p50Caption);
    m_p99 = addFigure(figures, 2, &m_p99Caption);
    m_dedup = addFigure(figures, 3, &m_dedupCaption);
    m_outbox = addFigure(figures, 4, &m_outboxCaption);
    m_dead = addFigure(figures, 5, &m_deadCaption);
    m_connections = addFigure(figures, 6, &m_connectionsCaption);
    layout->addLayout(figures);

    m_failures = makeChart(u"failuresChart"_s);
    m_rates = makeChart(u"ratesChart"_s);
    m_latency = makeChart(u"latencyChart"_s);
    auto *charts = new QGridLayout;
    charts->addWidget(m_failures.view, 0, 0, 1, 2);
    charts->addWidget(m_rates.view, 1, 0);
    charts->addWidget(m_latency.view, 1, 1);
    layout->addLayout(charts, 1);

    m_offenderView->setObjectName(u"offenderTable"_s);
    m_offenderView->setModel(m_offenders);
    m_offenderView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_offenderView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_offenderView->verticalHeader()->hide();
    m_offenderView->horizontalHeader()->setStretchLastSection(true);
    m_offenderView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_offenderView->setMinimumHeight(140);
    auto *box = new QVBoxLayout(m_offenderBox);
    box->addWidget(m_offenderView);
    layout->addWidget(m_offenderBox);
    retranslateUi();
    engineStopped();
}

QString DashboardPage::title() const
{
    return tr("Dashboard");
}

QLabel *DashboardPage::addFigure(QGridLayout *grid, int column, QLabel **caption)
{
    *caption = new QLabel;
    (*caption)->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel;
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value->setFont(big);
    grid->addWidget(*caption, 0, column);
    grid->addWidget(value, 1, column);
    return value;
}

DashboardPage::Chart DashboardPage::makeChart(const QString &objectName)
{
    Chart c;
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    c.x = new QDateTimeAxis;
    c.x->setFormat(u"HH:mm"_s);
    c.x->setTickCount(7);
    c.y = new QValueAxis;
    c.y->setLabelFormat(u"%g"_s);
    c.y->setMin(0);
    chart->addAxis(c.x, Qt::AlignBottom);
    chart->addAxis(c.y, Qt::AlignLeft);
    c.view = new QChartView(chart);
    c.view->setObjectName(objectName);
    c.view->setRenderHint(QPainter::Antialiasing);
    c.view->setMinimumHeight(220);
    return c;
}

void DashboardPage::setSeries(Chart &chart, const QString &key, const QString &label,
                              const QList<QPointF> &points)
{
    QLineSeries *series = chart.series.value(key);
    if (!series) {
        series = new QLineSeries;
        series->setObjectName(key);
        chart.view->chart()->addSeries(series);
        series->attachAxis(chart.x);
        series->attachAxis(chart.y);
        chart.series.insert(key, series);
    }
    series->setName(label);
    series->replace(points);
}

void DashboardPage::rescale(Chart &chart, qint64 fromMs, qint64 toMs)
{
    chart.x->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    double top = 1;
    for (const QLineSeries *s : std::as_const(chart.series)) {
        for (const QPointF &p : s->points())
            top = qMax(top, p.y());
    }
    chart.y->setRange(0, top * 1.15);
    // Round ticks (0, 2, 4 … rather than 0, 1.15, 2.3 …).
    chart.y->applyNiceNumbers();
}

void DashboardPage::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    if (stale) {
        auto *grey = new QGraphicsOpacityEffect(m_data);
        grey->setOpacity(0.35);
        m_data->setGraphicsEffect(grey);
        m_ageTimer.start(1000, this);
    } else {
        m_data->setGraphicsEffect(nullptr);
        m_ageTimer.stop();
    }
    showAge();
}

void DashboardPage::showAge()
{
    m_staleLabel->setVisible(m_stale);
    if (!m_stale)
        return;
    const qint64 ageSecs =
        m_lastAtMs > 0 ? (QDateTime::currentMSecsSinceEpoch() - m_lastAtMs) / 1000 : -1;
    m_staleLabel->setText(
        ageSecs < 0 ? tr("No statistics yet: waiting for the gateway.")
                    : tr("The gateway is not reporting: these figures are %n second(s) old, "
                         "from %1.",
                         nullptr, int(qMin<qint64>(ageSecs, INT_MAX)))
                          .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_lastAtMs).time(),
                                                  QLocale::LongFormat)));
}

void DashboardPage::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_ageTimer.timerId())
        showAge();
    else if (event->timerId() == m_fleetTimer.timerId())
        refreshFleet();
    else
        Page::timerEvent(event);
}

void DashboardPage::setScope(Scope scope)
{
    m_scopeValue = scope;
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
    if (scope == Scope::Fleet) {
        m_fleetTimer.start(5000, this);
        refreshFleet();
    } else {
        m_fleetTimer.stop();
    }
    showFigures();
}

void DashboardPage::refreshFleet()
{
    if (m_fleetLoading)
        return;
    m_fleetLoading = true;
    m_backend.gateways(this, [this](Fetched<QList<FleetMember>> r) {
        m_fleetLoading = false;
        if (r.ok())
            setFleet(r.value);
    });
}

void DashboardPage::setFleet(const QList<FleetMember> &fleet)
{
    m_fleet = fleet;
    showFigures();
}

void DashboardPage::showFigures()
{
    const QLocale locale;
    const StatsSnapshot &s = m_last;
    if (m_lastAtMs == 0 && m_scopeValue == Scope::ThisGateway)
        return engineStopped();
    if (m_scopeValue == Scope::Fleet) {
        // What the heartbeats carry, added up over the gateways that run; the rest is only
        // known per gateway.
        int up = 0;
        double rate = 0;
        qint64 p99 = 0;
        qint64 backlog = -1;
        qint64 connections = 0;
        for (const FleetMember &m : std::as_const(m_fleet)) {
            if (m.state != GatewayState::Up)
                continue;
            const QJsonObject summary = QJsonDocument::fromJson(m.beat.summary.toUtf8()).object();
            ++up;
            rate += summary.value(u"requests_per_s"_s).toDouble();
            p99 = std::max(p99, summary.value(u"latency_p99_us"_s).toInteger());
            // One outbox for the database: every gateway sees the same backlog.
            backlog = std::max(backlog, summary.value(u"outbox_pending"_s).toInteger(-1));
            connections += summary.value(u"open_connections"_s).toInteger();
        }
        const QString none = QStringLiteral("–");
        m_requests->setText(locale.toString(rate, 'f', 1));
        m_p50->setText(none);
        m_p99->setText(tr("%1 ms").arg(locale.toString(double(p99) / 1000.0, 'f', 2)));
        m_dedup->setText(none);
        m_outbox->setText(backlog < 0 ? tr("n/a") : locale.toString(backlog));
        m_dead->setText(s.deadLetters < 0 ? tr("n/a") : locale.toString(s.deadLetters));
        m_connections->setText(locale.toString(connections));
        m_scopeNote->setText(tr("%n gateway(s) up. Figures from their heartbeats (every 5 s); "
                                "p50 and duplicates are per gateway; the charts show this one.",
                                nullptr, up));
        return;
    }
    m_scopeNote->clear();
    double perSecond = 0;
    for (const auto &series : m_history.requestRates()) {
        if (!series.isEmpty())
            perSecond += series.last().y();
    }
    m_requests->setText(locale.toString(perSecond, 'f', 1));
    m_p50->setText(tr("%1 ms").arg(locale.toString(double(s.latencyP50Us) / 1000.0, 'f', 2)));
    m_p99->setText(tr("%1 ms").arg(locale.toString(double(s.latencyP99Us) / 1000.0, 'f', 2)));
    m_dedup->setText(locale.toString(s.dedupHits));
    // -1: this engine does not run an outbox yet; say so rather than show a false zero.
    m_outbox->setText(s.outboxPending < 0 ? tr("n/a") : locale.toString(s.outboxPending));
    m_dead->setText(s.deadLetters < 0 ? tr("n/a") : locale.toString(s.deadLetters));
    m_connections->setText(locale.toString(s.openConnections));
}

void DashboardPage::seed(const StatsHistory &history)
{
    // A reconnect keeps drawing its own samples: the charts continue. On a first attach the
    // live channel's first snapshot may come before the history; it is added on top.
    if (m_seeded || (m_firstAtMs != 0 && m_lastAtMs - m_firstAtMs > 10'000))
        return;
    m_seeded = true;
    m_history = history;
    if (m_lastAtMs != 0)
        m_history.add(m_lastAtMs, m_last);
}

void DashboardPage::update(qint64 nowMs, const StatsSnapshot &s)
{
    m_history.add(nowMs, s);
    m_last = s;
    m_lastAtMs = nowMs;
    if (m_firstAtMs == 0)
        m_firstAtMs = nowMs;
    setStale(false);
    showFigures();

    const auto failures = m_history.signatureFailures(nowMs);
    for (auto it = failures.cbegin(); it != failures.cend(); ++it)
        setSeries(m_failures, it.key(), it.key(), it.value());
    rescale(m_failures, nowMs - StatsHistory::kFailureWindowMs, nowMs);

    const auto &rates = m_history.requestRates();
    for (auto it = rates.cbegin(); it != rates.cend(); ++it)
        setSeries(m_rates, it.key(), labels::ofWire<Outcome>(it.key()), it.value());
    rescale(m_rates, nowMs - StatsHistory::kRateWindowMs, nowMs);

    setSeries(m_latency, u"p50"_s, tr("p50"), m_history.latencyP50());
    setSeries(m_latency, u"p99"_s, tr("p99"), m_history.latencyP99());
    rescale(m_latency, nowMs - StatsHistory::kRateWindowMs, nowMs);

    m_offenders->setOffenders(s.topOffenders);
}

void DashboardPage::engineStopped()
{
    const QString none = QStringLiteral("–");
    for (QLabel *l : {m_requests, m_p50, m_p99, m_dedup, m_outbox, m_dead, m_connections})
        l->setText(none);
}

void DashboardPage::retranslateUi()
{
    m_scopeLabel->setText(tr("S&how:"));
    m_scope->setItemText(0, tr("This gateway"));
    m_scope->setItemText(1, tr("The whole fleet"));
    m_requestsCaption->setText(tr("Requests/s"));
    m_p50Caption->setText(tr("Latency p50"));
    m_p99Caption->setText(tr("Latency p99"));
    m_dedupCaption->setText(tr("Duplicates caught"));
    m_outboxCaption->setText(tr("Outbox backlog"));
    m_deadCaption->setText(tr("Dead letters"));
    m_connectionsCaption->setText(tr("Open connections"));
    m_failures.view->chart()->setTitle(tr("Signature failures per minute, last 60 minutes"));
    m_rates.view->chart()->setTitle(tr("Requests per second by outcome"));
    m_latency.view->chart()->setTitle(tr("Latency (ms)"));
    m_failures.y->setTitleText(tr("failures/min"));
    m_rates.y->setTitleText(tr("req/s"));
    m_latency.y->setTitleText(tr("ms"));
    for (auto it = m_rates.series.cbegin(); it != m_rates.series.cend(); ++it)
        it.value()->setName(labels::ofWire<Outcome>(it.key()));
    m_offenderBox->setTitle(tr("Rate limit: clients answered 429, worst first"));
    m_offenders->retranslate();
    if (m_last.uptimeMs == 0)
        engineStopped();
    else
        showFigures();
    showAge();
}

} // namespace gerbang
