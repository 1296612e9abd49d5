// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrometheusText.h"

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// Label values are escaped as the format requires (backslash, quote, newline).
QByteArray label(QByteArrayView name, const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return name.toByteArray() + "=\"" + v + '"';
}

class Writer
{
public:
    void family(QByteArrayView name, QByteArrayView type, QByteArrayView help)
    {
        m_out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        m_out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
    void sample(QByteArrayView name, const QByteArray &labels, double value)
    {
        m_out.append(name);
        if (!labels.isEmpty())
            m_out.append('{').append(labels).append('}');
        m_out.append(' ').append(QByteArray::number(value, 'g', 15)).append('\n');
    }
    void histogram(QByteArrayView name, QByteArrayView help, const Histogram &h)
    {
        family(name, "histogram", help);
        qint64 cumulative = 0;
        const QByteArray bucket = QByteArray(name.toByteArray() + "_bucket");
        for (size_t i = 0; i < Histogram::bounds().size(); ++i) {
            cumulative += h.counts[i];
            sample(bucket, "le=\"" + QByteArray::number(Histogram::bounds()[i], 'g', 6) + '"',
                   double(cumulative));
        }
        sample(bucket, "le=\"+Inf\"", double(h.count));
        sample(QByteArray(name.toByteArray() + "_sum"), {}, h.sumSecs);
        sample(QByteArray(name.toByteArray() + "_count"), {}, double(h.count));
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

} // namespace

QByteArray prometheusText(const StatsSnapshot &s)
{
    Writer w;
    w.family("gerbang_requests_total", "counter", "Requests by provider, outcome and HTTP status.");
    for (auto it = s.requestsByLabels.cbegin(); it != s.requestsByLabels.cend(); ++it) {
        const RequestSeries &k = it.key();
        w.sample("gerbang_requests_total",
                 label("provider", k.provider) + ',' + label("outcome", k.outcome) + ',' +
                     label("status", QString::number(k.status)),
                 double(it.value()));
    }
    w.family("gerbang_signature_failures_total", "counter",
             "Failed signature checks by source and reason.");
    for (auto it = s.signatureFailuresBySource.cbegin(); it != s.signatureFailuresBySource.cend();
         ++it) {
        w.sample("gerbang_signature_failures_total",
                 label("source", it.key().source) + ',' + label("reason", it.key().reason),
                 double(it.value()));
    }
    w.family("gerbang_rate_limited_total", "counter", "Requests refused with 429.");
    w.sample("gerbang_rate_limited_total", {}, double(s.rateLimited));
    w.family("gerbang_forbidden_total", "counter", "Requests refused by the allowlist.");
    w.sample("gerbang_forbidden_total", {}, double(s.forbidden));
    w.family("gerbang_connections_refused_total", "counter",
             "Connections refused by the global or the per-address connection cap.");
    w.sample("gerbang_connections_refused_total", "cap=\"global\"",
             double(s.connectionsRefusedGlobal));
    w.sample("gerbang_connections_refused_total", "cap=\"per_address\"",
             double(s.connectionsRefusedPerAddress));
    w.family("gerbang_events_stored_total", "counter", "Provider events durably stored.");
    w.sample("gerbang_events_stored_total", {}, double(s.eventsStored));
    w.family("gerbang_dedup_hits_total", "counter", "Events recognised as provider retries.");
    w.sample("gerbang_dedup_hits_total", {}, double(s.dedupHits));
    w.family("gerbang_alerts_total", "counter", "Alerts raised.");
    w.sample("gerbang_alerts_total", {}, double(s.alertsRaised));
    w.family("gerbang_audit_dropped_total", "counter",
             "Audit rows dropped because the store could not keep up.");
    w.sample("gerbang_audit_dropped_total", {}, double(s.auditDropped));
    w.family("gerbang_open_connections", "gauge", "Open client connections.");
    w.sample("gerbang_open_connections", {}, double(s.openConnections));
    w.family("gerbang_pending_commits", "gauge", "Requests waiting for their durable commit.");
    w.sample("gerbang_pending_commits", {}, double(s.pendingCommits));
    if (s.outboxPending >= 0) {
        w.family("gerbang_outbox_pending", "gauge",
                 "Accepted events not yet delivered to the core.");
        w.sample("gerbang_outbox_pending", {}, double(s.outboxPending));
        w.family("gerbang_dead_letters", "gauge", "Events given up on, waiting for a replay.");
        w.sample("gerbang_dead_letters", {}, double(s.deadLetters));
    }
    w.family("gerbang_deliveries_total", "counter", "Events delivered to the core.");
    w.sample("gerbang_deliveries_total", {}, double(s.delivered));
    w.family("gerbang_delivery_failures_total", "counter",
             "Delivery attempts that failed (retried or dead-lettered).");
    w.sample("gerbang_delivery_failures_total", {}, double(s.deliveryFailures));
    if (s.lastPurgeMs > 0) {
        w.family("gerbang_retention_last_run_timestamp_seconds", "gauge",
                 "When the retention job last ran.");
        w.sample("gerbang_retention_last_run_timestamp_seconds", {},
                 double(s.lastPurgeMs) / 1000.0);
    }
    w.family("gerbang_uptime_seconds", "gauge", "Seconds since the engine started.");
    w.sample("gerbang_uptime_seconds", {}, double(s.uptimeMs) / 1000.0);
    w.histogram("gerbang_request_duration_seconds",
                "Time from a complete request to its answer (commit included).", s.latency);
    w.histogram("gerbang_store_commit_duration_seconds", "Duration of one store transaction.",
                s.commitLatency);
    return w.take();
}

} // namespace gerbang
