// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrometheusText.h"

#include <cstring>

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

// The metrics of one sample each (or one per label value, on consecutive rows), in the order
// they are written: every name and help text is declared here once.
struct Scalar
{
    const char *name;
    const char *type;
    const char *help;
    const char *labels;
    double (*value)(const StatsSnapshot &);
    bool (*shown)(const StatsSnapshot &) = nullptr; // null: always
};

bool outboxKnown(const StatsSnapshot &s)
{
    return s.outboxPending >= 0;
}

const Scalar kScalars[] = {
    {"gerbang_rate_limited_total", "counter", "Requests refused with 429.", "",
     [](const StatsSnapshot &s) { return double(s.rateLimited); }},
    {"gerbang_forbidden_total", "counter", "Requests refused by the allowlist.", "",
     [](const StatsSnapshot &s) { return double(s.forbidden); }},
    {"gerbang_connections_refused_total", "counter",
     "Connections refused by the global or the per-address connection cap.", "cap=\"global\"",
     [](const StatsSnapshot &s) { return double(s.connectionsRefusedGlobal); }},
    {"gerbang_connections_refused_total", "counter",
     "Connections refused by the global or the per-address connection cap.", "cap=\"per_address\"",
     [](const StatsSnapshot &s) { return double(s.connectionsRefusedPerAddress); }},
    {"gerbang_events_stored_total", "counter", "Provider events durably stored.", "",
     [](const StatsSnapshot &s) { return double(s.eventsStored); }},
    {"gerbang_dedup_hits_total", "counter", "Events recognised as provider retries.", "",
     [](const StatsSnapshot &s) { return double(s.dedupHits); }},
    {"gerbang_alerts_total", "counter", "Alerts raised.", "",
     [](const StatsSnapshot &s) { return double(s.alertsRaised); }},
    {"gerbang_audit_dropped_total", "counter",
     "Audit rows dropped because the store could not keep up.", "",
     [](const StatsSnapshot &s) { return double(s.auditDropped); }},
    {"gerbang_open_connections", "gauge", "Open client connections.", "",
     [](const StatsSnapshot &s) { return double(s.openConnections); }},
    {"gerbang_pending_commits", "gauge", "Requests waiting for their durable commit.", "",
     [](const StatsSnapshot &s) { return double(s.pendingCommits); }},
    {"gerbang_outbox_pending", "gauge", "Accepted events not yet delivered to the core.", "",
     [](const StatsSnapshot &s) { return double(s.outboxPending); }, outboxKnown},
    {"gerbang_dead_letters", "gauge", "Events given up on, waiting for a replay.", "",
     [](const StatsSnapshot &s) { return double(s.deadLetters); }, outboxKnown},
    {"gerbang_deliveries_total", "counter", "Events delivered to the core.", "",
     [](const StatsSnapshot &s) { return double(s.delivered); }},
    {"gerbang_delivery_failures_total", "counter",
     "Delivery attempts that failed (retried or dead-lettered).", "",
     [](const StatsSnapshot &s) { return double(s.deliveryFailures); }},
    {"gerbang_retention_last_run_timestamp_seconds", "gauge", "When the retention job last ran.",
     "", [](const StatsSnapshot &s) { return double(s.lastPurgeMs) / 1000.0; },
     [](const StatsSnapshot &s) { return s.lastPurgeMs > 0; }},
    {"gerbang_uptime_seconds", "gauge", "Seconds since the engine started.", "",
     [](const StatsSnapshot &s) { return double(s.uptimeMs) / 1000.0; }},
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
    for (const Scalar &m : kScalars) {
        if (m.shown && !m.shown(s))
            continue;
        if (&m == kScalars || std::strcmp((&m - 1)->name, m.name) != 0)
            w.family(m.name, m.type, m.help);
        w.sample(m.name, m.labels, m.value(s));
    }
    w.histogram("gerbang_request_duration_seconds",
                "Time from a complete request to its answer (commit included).", s.latency);
    w.histogram("gerbang_store_commit_duration_seconds", "Duration of one store transaction.",
                s.commitLatency);
    return w.take();
}

} // namespace gerbang
