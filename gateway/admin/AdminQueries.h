// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/AlertRepository.h"
#include "storage/AuditRepository.h"
#include "storage/EventRepository.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <variant>

namespace gerbang {

class Database;
class Vault;
struct RetentionPolicy;

// The read routes' query strings and answers, apart from HTTP and threads (testable alone).
// A parameter the route does not know, a value that is not in the domain's vocabulary, a bad
// time or a bad cursor is refused with the code "invalid_parameter" and a message naming it,
// so that a script's typo never silently widens a query.
namespace adminquery {

struct Refusal
{
    QString message;
};

// GET /admin/v1/audit: from, to (YYYY-MM-DD or ISO 8601, UTC), tenant, provider, outcome,
// signature_status, source_ip, event_id, limit (1..1000, default 100), after (the previous
// page's `next`). Newest first. Not `paged` (GET /admin/v1/audit/export, every row): no limit
// and no after.
std::variant<AuditFilter, Refusal> auditFilter(const QByteArray &query, bool paged = true);
// The export's row format: "csv" (default; the bytes of gerbangctl audit export) or "ndjson"
// (one auditJson object a line, for programs, e.g. the console's PDF of an attached gateway).
enum class ExportFormat
{
    Csv,
    Ndjson
};
// GET /admin/v1/audit/export: the filter and `format`.
std::variant<std::pair<AuditFilter, ExportFormat>, Refusal> auditExport(const QByteArray &query);
// GET /admin/v1/audit/verify: from, to (optional; YYYY-MM-DD or ISO 8601, UTC).
struct TimeRange
{
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;
};
std::variant<TimeRange, Refusal> auditVerifyRange(const QByteArray &query);
// The query string that auditFilter() reads back as `filter` (limit and after when paged).
QByteArray auditQuery(const AuditFilter &filter, bool paged = true);
// {"rows": [...], "next": cursor or null}: `next` is set when the page is full.
QJsonObject auditPage(Database &db, const AuditFilter &filter, QString *error);

// GET /admin/v1/events: tenant, provider, type, state (pending, delivered, dead), from, to,
// limit. Metadata only.
std::variant<EventFilter, Refusal> eventFilter(const QByteArray &query);
// The query string that eventFilter() reads back as `filter`.
QByteArray eventQuery(const EventFilter &filter);
QJsonObject eventList(Database &db, const EventFilter &filter, QString *error);
// GET /admin/v1/alerts: unacknowledged (true|false), limit, before (the previous page's
// `next`). Newest first.
std::variant<AlertFilter, Refusal> alertFilter(const QByteArray &query);
// {"alerts": [...], "next": id or null}.
QJsonObject alertPage(Database &db, const AlertFilter &filter, QString *error);

// GET /admin/v1/test-events/{id}: since (epoch ms, default ten minutes ago).
std::variant<qint64, Refusal> testTraceSince(const QByteArray &query, qint64 nowMs);

// GET /admin/v1/whatsapp/check: app (a further Meta app; default the first), days (how far
// back to look for WABAs that called, 1..35, default 7).
struct WhatsAppCheckQuery
{
    QString app;
    int days = 7;
};
std::variant<WhatsAppCheckQuery, Refusal> whatsAppCheck(const QByteArray &query);

// GET /admin/v1/dead-letters: limit.
std::variant<int, Refusal> deadLetterLimit(const QByteArray &query);
QJsonObject deadLetterList(Database &db, int limit, QString *error);

// GET /admin/v1/tenants, /sources, /allowlists: no parameters; the configuration as
// gerbangctl lists it (secrets are never part of it).
std::optional<Refusal> noParameters(const QByteArray &query);
QJsonObject tenantList(Database &db, QString *error);
QJsonObject sourceList(Database &db, QString *error);
QJsonObject allowlistList(Database &db, QString *error);
// GET /admin/v1/retention: the policy in force, the last and next run, the last report.
QJsonObject retentionStatus(Database &db, const RetentionPolicy &policy, QString *error);
// Names, slots and fingerprints: never a value.
QJsonObject secretList(Database &db, const Vault &vault, QString *error);
// GET /admin/v1/gateways: the fleet, each gateway with its state now.
QJsonObject gatewayList(Database &db, QString *error);

} // namespace adminquery
} // namespace gerbang
