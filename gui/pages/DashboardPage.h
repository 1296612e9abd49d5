// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "StatsHistory.h"
#include "backend/Backend.h"

#include <QBasicTimer>
#include <QMap>

class QChart;
class QComboBox;
class QChartView;
class QDateTimeAxis;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineSeries;
class QTableView;
class QValueAxis;

namespace gerbang {

class Backend;
class OffenderModel;

// Live view of the gateway, fed from its StatsSnapshot (never from the database): signature
// failures per source over the last hour, requests per second by outcome, latency
// percentiles, dedup hits, the outbox, and the rate-limit offenders. The figures can also add
// up the whole fleet sharing the database, from the gateways' heartbeats.
class DashboardPage : public Page
{
    Q_OBJECT
public:
    explicit DashboardPage(Backend &backend, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("dashboard"); }

    void update(qint64 nowMs, const StatsSnapshot &snapshot);
    // Starts the charts with the gateway's own recent series, when nothing is drawn yet.
    void seed(const StatsHistory &history);
    void engineStopped();
    // While the gateway does not report (the link is lost), what is shown is greyed and its
    // age said; the next update() makes it live again.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    // What the figures add up: this gateway (its statistics once a second), or every gateway
    // sharing the database (their heartbeats, about every 5 s). The charts stay this gateway's.
    enum class Scope
    {
        ThisGateway,
        Fleet
    };
    void setScope(Scope scope);
    Scope scope() const { return m_scopeValue; }
    // The fleet's heartbeats (GatewaysPage's data), shown when the scope is the fleet.
    void setFleet(const QList<FleetMember> &fleet);
    const StatsHistory &history() const { return m_history; }

protected:
    void retranslateUi() override;
    void timerEvent(QTimerEvent *event) override;

private:
    struct Chart
    {
        QChartView *view = nullptr;
        QDateTimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QMap<QString, QLineSeries *> series;
    };
    Chart makeChart(const QString &objectName);
    void setSeries(Chart &chart, const QString &key, const QString &label,
                   const QList<QPointF> &points);
    void rescale(Chart &chart, qint64 fromMs, qint64 toMs);
    QLabel *addFigure(QGridLayout *grid, int column, QLabel **caption);

    void showAge();
    void showFigures();
    void refreshFleet();

    StatsHistory m_history;
    StatsSnapshot m_last;
    qint64 m_lastAtMs = 0;
    qint64 m_firstAtMs = 0; // the first statistics drawn
    bool m_seeded = false;  // the gateway's history was taken (once: reconnects continue)
    bool m_stale = false;
    QBasicTimer m_ageTimer;
    QBasicTimer m_fleetTimer;
    Backend &m_backend;
    Scope m_scopeValue = Scope::ThisGateway;
    QList<FleetMember> m_fleet;
    bool m_fleetLoading = false;
    QComboBox *m_scope = nullptr;
    QLabel *m_scopeLabel = nullptr;
    QLabel *m_scopeNote = nullptr;
    QLabel *m_staleLabel = nullptr;
    QWidget *m_data = nullptr;
    Chart m_failures;
    Chart m_rates;
    Chart m_latency;
    OffenderModel *m_offenders;
    QTableView *m_offenderView;
    QGroupBox *m_offenderBox;
    QLabel *m_requestsCaption, *m_requests;
    QLabel *m_p50Caption, *m_p50;
    QLabel *m_p99Caption, *m_p99;
    QLabel *m_dedupCaption, *m_dedup;
    QLabel *m_outboxCaption, *m_outbox;
    QLabel *m_deadCaption, *m_dead;
    QLabel *m_connectionsCaption, *m_connections;
};

} // namespace gerbang
