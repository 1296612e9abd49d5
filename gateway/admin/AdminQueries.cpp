// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminQueries.h"

#include "domain/Clock.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"
#include "storage/AllowlistRepository.h"
#include "storage/GatewayRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/RecordJson.h"
#include "storage/Retention.h"
#include "storage/SecretRepository.h"
#include "storage/SourceRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gerbang::adminquery {
namespace {

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 1000;

// The parameters of one request, each taken at most once; what is left over was not known.
class Parameters
{
public:
    Parameters(const QByteArray &query)
    {
        for (const auto &[key, value] :
             QUrlQuery(QString::fromUtf8(query)).queryItems(QUrl::FullyDecoded)) {
            if (m_values.contains(key))
                m_problem = u"parameter '%1' is given twice"_s.arg(key);
            m_values.insert(key, value);
        }
    }
    QString take(const QString &key) { return m_values.take(key); }
    bool has(const QString &key) const { return m_values.contains(key); }
    // Checked after every known parameter was taken.
    std::optional<Refusal> problem() const
    {
        if (!m_problem.isEmpty())
            return Refusal{m_problem};
        if (!m_values.isEmpty())
            return Refusal{u"unknown parameter '%1'"_s.arg(m_values.firstKey())};
        return std::nullopt;
    }

private:
    QMap<QString, QString> m_values;
    QString m_problem;
};

std::optional<Refusal> takeLimit(Parameters &p, int *limit)
{
    if (!p.has(u"limit"_s))
        return std::nullopt;
    bool ok = false;
    const int n = p.take(u"limit"_s).toInt(&ok);
    if (!ok || n < 1 || n > kMaxLimit)
        return Refusal{u"limit must be a whole number from 1 to %1"_s.arg(kMaxLimit)};
    *limit = n;
    return std::nullopt;
}

std::optional<Refusal> takeTime(Parameters &p, const QString &key, bool endOfDay,
                                std::optional<qint64> *out)
{
    if (!p.has(key))
        return std::nullopt;
    const QString text = p.take(key);
    *out = parseUtcTime(text, endOfDay);
    if (!*out)
        return Refusal{u"%1 '%2' is not a date (YYYY-MM-DD) or an ISO 8601 time"_s.arg(key, text)};
    return std::nullopt;
}

// A value that must be one of the vocabulary's wire names (empty: any).
template <typename E>
std::optional<Refusal> takeWord(Parameters &p, const QString &key, QString *out)
{
    *out = p.take(key);
    if (!out->isEmpty() && !fromWire<E>(*out))
        return Refusal{u"%1 must be one of: %2"_s.arg(key, wireNames<E>().join(u", "_s))};
    return std::nullopt;
}

// The cursor of a page: "RECEIVED_MS.ROW_ID" of its last row.
QString cursorText(const std::pair<qint64, qint64> &after)
{
    return u"%1.%2"_s.arg(after.first).arg(after.second);
}

QString cursorOf(const AuditRecord &a)
{
    return cursorText({a.receivedAtMs, a.id});
}

std::optional<std::pair<qint64, qint64>> parseCursor(const QString &text)
{
    static const QRegularExpression re(u"^([0-9]{1,15})\\.([0-9]{1,18})$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return std::pair{m.captured(1).toLongLong(), m.captured(2).toLongLong()};
}

// What the audit and event listings share: tenant, provider, from, to, and for a page limit.
template <typename Filter> std::optional<Refusal> takeShared(Parameters &p, Filter &f, bool paged)
{
    f.limit = kDefaultLimit;
    f.tenant = p.take(u"tenant"_s);
    if (auto r = takeWord<Provider>(p, u"provider"_s, &f.provider))
        return r;
    if (auto r = takeTime(p, u"from"_s, false, &f.fromMs))
        return r;
    if (auto r = takeTime(p, u"to"_s, true, &f.toMs))
        return r;
    return paged ? takeLimit(p, &f.limit) : std::nullopt;
}

// {key: [rows as JSON]}, or an empty object when reading them failed (`error` says why).
template <typename Row, typename ToJson>
QJsonObject listing(const QString &key, const QList<Row> &rows, ToJson toJson, QString *error)
{
    if (!error->isEmpty())
        return {};
    QJsonArray out;
    for (const Row &row : rows)
        out.append(toJson(row));
    return {{key, out}};
}

} // namespace

namespace {

std::variant<AuditFilter, Refusal> takeAuditFilter(Parameters &p, bool paged)
{
    AuditFilter f;
    if (auto r = takeShared(p, f, paged))
        return *r;
    f.sourceIp = p.take(u"source_ip"_s);
    f.eventIdContains = p.take(u"event_id"_s);
    if (auto r = takeWord<Outcome>(p, u"outcome"_s, &f.outcome))
        return *r;
    if (auto r = takeWord<SignatureStatus>(p, u"signature_status"_s, &f.signatureStatus))
        return *r;
    if (paged && p.has(u"after"_s)) {
        const QString after = p.take(u"after"_s);
        f.after = parseCursor(after);
        if (!f.after)
            return Refusal{u"after '%1' is not a cursor this API gave"_s.arg(after)};
    }
    return f;
}

} // namespace

std::variant<AuditFilter, Refusal> auditFilter(const QByteArray &query, bool paged)
{
    Parameters p(query);
    auto f = takeAuditFilter(p, paged);
    if (std::holds_alternative<AuditFilter>(f)) {
        if (auto r = p.problem())
            return *r;
    }
    return f;
}

std::variant<std::pair<AuditFilter, ExportFormat>, Refusal> auditExport(const QByteArray &query)
{
    Parameters p(query);
    auto f = takeAuditFilter(p, false);
    if (const auto *refusal = std::get_if<Refusal>(&f))
        return *refusal;
    const QString format = p.take(u"format"_s);
    if (!format.isEmpty() && format != u"csv"_s && format != u"ndjson"_s)
        return Refusal{u"format must be one of: csv, ndjson"_s};
    if (auto r = p.problem())
        return *r;
    return std::pair{std::get<AuditFilter>(f),
                     format == u"ndjson"_s ? ExportFormat::Ndjson : ExportFormat::Csv};
}

std::variant<TimeRange, Refusal> auditVerifyRange(const QByteArray &query)
{
    Parameters p(query);
    TimeRange range;
    if (auto r = takeTime(p, u"from"_s, false, &range.fromMs))
        return *r;
    if (auto r = takeTime(p, u"to"_s, true, &range.toMs))
        return *r;
    if (auto r = p.problem())
        return *r;
    if (range.fromMs && range.toMs && *range.fromMs > *range.toMs)
        return Refusal{u"from is after to"_s};
    return range;
}

QByteArray auditQuery(const AuditFilter &f, bool paged)
{
    QByteArrayList q;
    const auto add = [&q](const char *key, const QString &value) {
        if (!value.isEmpty())
            q << QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
    };
    if (f.fromMs)
        add("from", isoUtc(*f.fromMs));
    if (f.toMs)
        add("to", isoUtc(*f.toMs));
    add("tenant", f.tenant);
    add("provider", f.provider);
    add("outcome", f.outcome);
    add("signature_status", f.signatureStatus);
    add("source_ip", f.sourceIp);
    add("event_id", f.eventIdContains);
    if (paged) {
        add("limit", QString::number(std::clamp(f.limit, 1, kMaxLimit)));
        if (f.after)
            add("after", cursorText(*f.after));
    }
    return q.join('&');
}

QJsonObject auditPage(Database &db, const AuditFilter &filter, QString *error)
{
    const QList<AuditRecord> rows = AuditRepository(db).list(filter, error);
    if (!error->isEmpty())
        return {};
    QJsonArray out;
    for (const AuditRecord &a : rows)
        out.append(auditJson(a));
    const bool full = filter.limit > 0 && rows.size() == filter.limit;
    return {{u"rows"_s, out},
            {u"next"_s, full ? QJsonValue(cursorOf(rows.constLast())) : QJsonValue()}};
}

std::variant<EventFilter, Refusal> eventFilter(const QByteArray &query)
{
    Parameters p(query);
    EventFilter f;
    if (auto r = takeShared(p, f, true))
        return *r;
    f.type = p.take(u"type"_s);
    if (auto r = takeWord<DeliveryState>(p, u"state"_s, &f.deliveryState))
        return *r;
    if (auto r = p.problem())
        return *r;
    return f;
}

QByteArray eventQuery(const EventFilter &f)
{
    QByteArrayList q;
    const auto add = [&q](const char *key, const QString &value) {
        if (!value.isEmpty())
            q << QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
    };
    add("tenant", f.tenant);
    add("provider", f.provider);
    add("type", f.type);
    add("state", f.deliveryState);
    if (f.fromMs)
        add("from", isoUtc(*f.fromMs));
    if (f.toMs)
        add("to", isoUtc(*f.toMs));
    add("limit", QString::number(std::clamp(f.limit, 1, kMaxLimit)));
    return q.join('&');
}

QJsonObject eventList(Database &db, const EventFilter &filter, QString *error)
{
    return listing(u"events"_s, EventRepository(db).list(filter, error), eventJson, error);
}

std::variant<AlertFilter, Refusal> alertFilter(const QByteArray &query)
{
    Parameters p(query);
    AlertFilter f;
    f.limit = kDefaultLimit;
    if (p.has(u"unacknowledged"_s)) {
        const QString flag = p.take(u"unacknowledged"_s);
        if (flag != u"true"_s && flag != u"false"_s)
            return Refusal{u"unacknowledged must be true or false"_s};
        f.unacknowledgedOnly = flag == u"true"_s;
    }
    if (p.has(u"before"_s)) {
        bool ok = false;
        const QString text = p.take(u"before"_s);
        f.beforeId = text.toLongLong(&ok);
        if (!ok || *f.beforeId < 1)
            return Refusal{u"before '%1' is not a cursor this API gave"_s.arg(text)};
    }
    if (auto r = takeLimit(p, &f.limit))
        return *r;
    if (auto r = p.problem())
        return *r;
    return f;
}

std::variant<qint64, Refusal> testTraceSince(const QByteArray &query, qint64 nowMs)
{
    Parameters p(query);
    qint64 since = nowMs - 600'000;
    if (p.has(u"since"_s)) {
        bool ok = false;
        const QString text = p.take(u"since"_s);
        since = text.toLongLong(&ok);
        if (!ok || since < 0)
            return Refusal{u"since '%1' is not a time in milliseconds"_s.arg(text.left(40))};
    }
    if (auto r = p.problem())
        return *r;
    return since;
}

std::variant<WhatsAppCheckQuery, Refusal> whatsAppCheck(const QByteArray &query)
{
    Parameters p(query);
    WhatsAppCheckQuery out;
    if (p.has(u"app"_s)) {
        out.app = p.take(u"app"_s);
        // An app is named as its secrets are (whatsapp:APP).
        if (!SecretRepository::isValidName(u"whatsapp:"_s + out.app))
            return Refusal{u"app '%1' is not a WhatsApp app's name"_s.arg(out.app.left(40))};
    }
    if (p.has(u"days"_s)) {
        bool ok = false;
        const QString text = p.take(u"days"_s);
        out.days = text.toInt(&ok);
        if (!ok || out.days < 1 || out.days > 35)
            return Refusal{u"days '%1' is not a number of days from 1 to 35"_s.arg(text.left(40))};
    }
    if (auto r = p.problem())
        return *r;
    return out;
}

QJsonObject alertPage(Database &db, const AlertFilter &filter, QString *error)
{
    const QList<StoredAlert> rows = AlertRepository(db).list(filter, error);
    if (!error->isEmpty())
        return {};
    QJsonArray out;
    for (const StoredAlert &a : rows)
        out.append(alertJson(a));
    const bool full = filter.limit > 0 && rows.size() == filter.limit;
    return {{u"alerts"_s, out}, {u"next"_s, full ? QJsonValue(rows.constLast().id) : QJsonValue()}};
}

std::variant<int, Refusal> deadLetterLimit(const QByteArray &query)
{
    Parameters p(query);
    int limit = kDefaultLimit;
    if (auto r = takeLimit(p, &limit))
        return *r;
    if (auto r = p.problem())
        return *r;
    return limit;
}

QJsonObject deadLetterList(Database &db, int limit, QString *error)
{
    return listing(u"dead_letters"_s,
                   OutboxRepository(db).list(wire(DeliveryState::Dead), limit, error),
                   deadLetterJson, error);
}

std::optional<Refusal> noParameters(const QByteArray &query)
{
    return Parameters(query).problem();
}

QJsonObject tenantList(Database &db, QString *error)
{
    return listing(u"tenants"_s, tenantsNewestFirst(db, error), tenantJson, error);
}

QJsonObject sourceList(Database &db, QString *error)
{
    return listing(u"sources"_s, SourceRepository(db).list(error), sourceJson, error);
}

QJsonObject retentionStatus(Database &db, const RetentionPolicy &policy, QString *error)
{
    const std::optional<RetentionSchedule> s = Retention(db, policy).schedule(error);
    if (!s)
        return {};
    return {{u"policy"_s, QJsonObject{{u"raw_days"_s, policy.rawDays},
                                      {u"audit_days"_s, policy.auditDays},
                                      {u"delivered_days"_s, policy.deliveredDays},
                                      {u"interval_minutes"_s, policy.intervalMs / 60'000}}},
            {u"last_run_at"_s, isoOrNull(s->lastRunMs)},
            {u"next_run_at"_s, isoOrNull(s->nextRunMs)},
            {u"last_report"_s, textOrNull(s->lastReport)}};
}

QJsonObject secretList(Database &db, const Vault &vault, QString *error)
{
    return listing(u"secrets"_s, SecretRepository(db, vault).list(error), secretJson, error);
}

QJsonObject allowlistList(Database &db, QString *error)
{
    const QHash<QString, QStringList> all = AllowlistRepository(db).all(error);
    QStringList scopes = all.keys();
    scopes.sort();
    QJsonArray out;
    for (const QString &scope : std::as_const(scopes))
        out.append(allowlistJson(scope, all.value(scope)));
    return error->isEmpty() ? QJsonObject{{u"allowlists"_s, out}} : QJsonObject{};
}

QJsonObject gatewayList(Database &db, QString *error)
{
    const qint64 now = nowMs();
    return listing(
        u"gateways"_s, GatewayRepository(db).all(error),
        [now](const GatewayBeat &g) { return gatewayJson(g, now); }, error);
}

} // namespace gerbang::adminquery
