// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <array>
#include <optional>

// The words of the domain, declared once. Each enum has one table of wire names: the strings
// stored in the database, printed by `gerbangctl --json`, shown as /metrics labels and in
// audit rows. They are a published interface: change one only with a migration and a README
// note. Every layer (engine, store, gerbangctl, console) reads these tables instead of
// spelling the words again; the console's translated labels are in gui/core/DomainLabels.
namespace gerbang {

enum class Provider
{
    WhatsApp,
    Stripe,
    Midtrans,
    Xendit,
    Generic,
    Standard
};

// What became of a request, as its audit row records it.
enum class Outcome
{
    Accepted,
    Duplicate,
    UnknownTenant,
    Empty, // a valid WhatsApp POST that carries no event
    Rejected,
    Malformed,
    UnknownSource,
    NotConfigured,
    NotFound,
    MethodNotAllowed,
    TooLarge,
    Timeout,
    BadRequest,
    RateLimited,
    Forbidden,
    ClientCertificateRequired,
    TlsRefused,
    Unauthorized,
    StoreFailed,
    Overloaded, // the commit queue was full (503); counted in /metrics
    Verified,
    VerifyFailed,
    ContentServed,
    ContentExpired,
    Replay,
    Alert,
    Changed, // an admin changed the configuration (the detail names who and what)
    Exported // an admin took stored data away: the audit log or an event's payload
};

// Why a request was or was not authenticated.
enum class SignatureStatus
{
    Valid,
    Missing,
    Malformed,
    Mismatch,
    StaleTimestamp,
    FutureTimestamp,
    NotApplicable
};

// Where an accepted event is on its way to the core (events.delivery_state, outbox.state).
enum class DeliveryState
{
    Pending,
    Delivered,
    Dead
};

// What an alert is about (domain/AlertInfo.h says what its value and threshold measure).
enum class AlertKind
{
    SignatureFailures,
    Silence,
    DeliveryBacklog,
    DeadLetters,
    CertificateExpiring,
    CertificateReloadFailed,
    DiskSpaceLow,
    DatabaseUnavailable,
    RetentionFailed
};

// An alert is raised when its condition starts (and again as a reminder), resolved when it
// ends. Signature-failure alerts are bursts and are never resolved.
enum class AlertState
{
    Raised,
    Resolved
};

// Roles of admin API tokens, each allowed what the one before it is, and more: viewer reads,
// operator also replays and acknowledges, admin also changes configuration and tokens.
enum class AdminRole
{
    Viewer,
    Operator,
    Admin
};

// What an admin changed, by any path (admin API, gerbangctl, the console): the "action" of
// the audit row's detail and of the live channel's configuration event.
enum class Change
{
    TenantAdded,
    TenantUpdated,
    TenantRemoved,
    SourceAdded,
    SourceRemoved,
    SecretSet,
    SecretRotated,
    SecretRetired,
    SecretRemoved,
    AllowlistSet,
    TokenCreated,
    TokenRevoked,
    EventsReplayed,      // each event's own audit row says "replay"
    DeadLettersReplayed, // likewise
    RetentionRun,        // the retention job, run by hand
    SettingsChanged,     // the configuration file, written by the console
    AlertsAcknowledged,
    SourceTested // a signed test event was made for a source (gerbangctl source test)
};

// Stored data an admin took away, by any path: the "action" of an "exported" audit row.
enum class Disclosure
{
    AuditExported,   // rows of the audit log, as CSV or PDF
    EventPayloadRead // one event's decrypted raw payload
};

// Why the admin API refused a request, besides the outcomes an audit row records
// (unauthorized, forbidden, rate_limited, not_found, ...): the "error" of its reply.
enum class ApiError
{
    InvalidParameter, // a query parameter
    InvalidJson,      // the body is not one JSON object
    UnknownField,     // the body names a field the route does not take
    InvalidValue,     // a field's value breaks a rule
    Conflict,         // it exists already
    StoreUnavailable, // the database could not be read or written
    TooManyStreams    // the live channel is full
};

// Where the value of a setting comes from, highest precedence last.
enum class SettingSource
{
    Default,
    File,        // the INI file
    Environment, // its GERBANG_* variable
    Flag         // a command-line option (--data-dir, --listen)
};

// The steps a test event passes through (gerbangctl source test, the console's "Send test
// event"), in order.
enum class TestStep
{
    Reached,           // the gateway's public route answered
    SignatureVerified, // with the secret it holds for the source
    Routed,            // to a tenant
    Stored,            // durably, before the 200
    Delivered          // to the sink (or queued for it)
};

// How a step of a test event went.
enum class StepState
{
    Passed,
    Failed,
    Queued, // delivery: waiting in the outbox (no sink, or not yet attempted)
    Skipped // an earlier step failed
};

// What `gerbangctl whatsapp check` looks at, without the internet, in order.
enum class SetupCheck
{
    AppSecret,      // the Meta app secret that verifies X-Hub-Signature-256
    VerifyToken,    // the token Meta's callback verification (GET) presents
    WabaTenants,    // a tenant for every WABA that called recently
    RouteReachable, // the route answers the verification on the listen address
    Tls             // HTTPS where Meta can reach it
};

// How a setup check went.
enum class CheckState
{
    Passed,
    Warning,
    Failed,
    Skipped // it needs what an earlier check found missing
};

// What a gateway of the fleet is doing, from its heartbeat row (admin API, console).
enum class GatewayState
{
    Up,          // its heartbeat is recent
    Stopped,     // it said so when it stopped
    NotAnswering // its heartbeat stopped without a goodbye (crashed, killed, cut off)
};

template <typename E> struct Word
{
    E value;
    QLatin1StringView wire;
};

namespace vocabulary {

using namespace Qt::StringLiterals;

inline constexpr std::array kProviders{Word<Provider>{Provider::WhatsApp, "whatsapp"_L1},
                                       Word<Provider>{Provider::Stripe, "stripe"_L1},
                                       Word<Provider>{Provider::Midtrans, "midtrans"_L1},
                                       Word<Provider>{Provider::Xendit, "xendit"_L1},
                                       Word<Provider>{Provider::Generic, "generic"_L1},
                                       Word<Provider>{Provider::Standard, "standard"_L1}};

inline constexpr std::array kOutcomes{
    Word<Outcome>{Outcome::Accepted, "accepted"_L1},
    Word<Outcome>{Outcome::Duplicate, "duplicate"_L1},
    Word<Outcome>{Outcome::UnknownTenant, "unknown_tenant"_L1},
    Word<Outcome>{Outcome::Empty, "empty"_L1},
    Word<Outcome>{Outcome::Rejected, "rejected"_L1},
    Word<Outcome>{Outcome::Malformed, "malformed"_L1},
    Word<Outcome>{Outcome::UnknownSource, "unknown_source"_L1},
    Word<Outcome>{Outcome::NotConfigured, "not_configured"_L1},
    Word<Outcome>{Outcome::NotFound, "not_found"_L1},
    Word<Outcome>{Outcome::MethodNotAllowed, "method_not_allowed"_L1},
    Word<Outcome>{Outcome::TooLarge, "too_large"_L1},
    Word<Outcome>{Outcome::Timeout, "timeout"_L1},
    Word<Outcome>{Outcome::BadRequest, "bad_request"_L1},
    Word<Outcome>{Outcome::RateLimited, "rate_limited"_L1},
    Word<Outcome>{Outcome::Forbidden, "forbidden"_L1},
    Word<Outcome>{Outcome::ClientCertificateRequired, "client_certificate_required"_L1},
    Word<Outcome>{Outcome::TlsRefused, "tls_refused"_L1},
    Word<Outcome>{Outcome::Unauthorized, "unauthorized"_L1},
    Word<Outcome>{Outcome::StoreFailed, "store_failed"_L1},
    Word<Outcome>{Outcome::Overloaded, "overloaded"_L1},
    Word<Outcome>{Outcome::Verified, "verified"_L1},
    Word<Outcome>{Outcome::VerifyFailed, "verify_failed"_L1},
    Word<Outcome>{Outcome::ContentServed, "content_served"_L1},
    Word<Outcome>{Outcome::ContentExpired, "content_expired"_L1},
    Word<Outcome>{Outcome::Replay, "replay"_L1},
    Word<Outcome>{Outcome::Alert, "alert"_L1},
    Word<Outcome>{Outcome::Changed, "changed"_L1},
    Word<Outcome>{Outcome::Exported, "exported"_L1}};

inline constexpr std::array kSignatureStatuses{
    Word<SignatureStatus>{SignatureStatus::Valid, "valid"_L1},
    Word<SignatureStatus>{SignatureStatus::Missing, "missing"_L1},
    Word<SignatureStatus>{SignatureStatus::Malformed, "malformed"_L1},
    Word<SignatureStatus>{SignatureStatus::Mismatch, "mismatch"_L1},
    Word<SignatureStatus>{SignatureStatus::StaleTimestamp, "stale_timestamp"_L1},
    Word<SignatureStatus>{SignatureStatus::FutureTimestamp, "future_timestamp"_L1},
    Word<SignatureStatus>{SignatureStatus::NotApplicable, "not_applicable"_L1}};

inline constexpr std::array kDeliveryStates{
    Word<DeliveryState>{DeliveryState::Pending, "pending"_L1},
    Word<DeliveryState>{DeliveryState::Delivered, "delivered"_L1},
    Word<DeliveryState>{DeliveryState::Dead, "dead"_L1}};

inline constexpr std::array kAlertKinds{
    Word<AlertKind>{AlertKind::SignatureFailures, "signature_failures"_L1},
    Word<AlertKind>{AlertKind::Silence, "silence"_L1},
    Word<AlertKind>{AlertKind::DeliveryBacklog, "delivery_backlog"_L1},
    Word<AlertKind>{AlertKind::DeadLetters, "dead_letters"_L1},
    Word<AlertKind>{AlertKind::CertificateExpiring, "certificate_expiring"_L1},
    Word<AlertKind>{AlertKind::CertificateReloadFailed, "certificate_reload_failed"_L1},
    Word<AlertKind>{AlertKind::DiskSpaceLow, "disk_space_low"_L1},
    Word<AlertKind>{AlertKind::DatabaseUnavailable, "database_unavailable"_L1},
    Word<AlertKind>{AlertKind::RetentionFailed, "retention_failed"_L1}};

inline constexpr std::array kAlertStates{Word<AlertState>{AlertState::Raised, "raised"_L1},
                                         Word<AlertState>{AlertState::Resolved, "resolved"_L1}};

inline constexpr std::array kAdminRoles{Word<AdminRole>{AdminRole::Viewer, "viewer"_L1},
                                        Word<AdminRole>{AdminRole::Operator, "operator"_L1},
                                        Word<AdminRole>{AdminRole::Admin, "admin"_L1}};

inline constexpr std::array kChanges{
    Word<Change>{Change::TenantAdded, "tenant_added"_L1},
    Word<Change>{Change::TenantUpdated, "tenant_updated"_L1},
    Word<Change>{Change::TenantRemoved, "tenant_removed"_L1},
    Word<Change>{Change::SourceAdded, "source_added"_L1},
    Word<Change>{Change::SourceRemoved, "source_removed"_L1},
    Word<Change>{Change::SecretSet, "secret_set"_L1},
    Word<Change>{Change::SecretRotated, "secret_rotated"_L1},
    Word<Change>{Change::SecretRetired, "secret_retired"_L1},
    Word<Change>{Change::SecretRemoved, "secret_removed"_L1},
    Word<Change>{Change::AllowlistSet, "allowlist_set"_L1},
    Word<Change>{Change::TokenCreated, "token_created"_L1},
    Word<Change>{Change::TokenRevoked, "token_revoked"_L1},
    Word<Change>{Change::EventsReplayed, "events_replayed"_L1},
    Word<Change>{Change::DeadLettersReplayed, "dead_letters_replayed"_L1},
    Word<Change>{Change::RetentionRun, "retention_run"_L1},
    Word<Change>{Change::SettingsChanged, "settings_changed"_L1},
    Word<Change>{Change::AlertsAcknowledged, "alerts_acknowledged"_L1},
    Word<Change>{Change::SourceTested, "source_tested"_L1}};

inline constexpr std::array kDisclosures{
    Word<Disclosure>{Disclosure::AuditExported, "audit_exported"_L1},
    Word<Disclosure>{Disclosure::EventPayloadRead, "event_payload_read"_L1}};

inline constexpr std::array kApiErrors{
    Word<ApiError>{ApiError::InvalidParameter, "invalid_parameter"_L1},
    Word<ApiError>{ApiError::InvalidJson, "invalid_json"_L1},
    Word<ApiError>{ApiError::UnknownField, "unknown_field"_L1},
    Word<ApiError>{ApiError::InvalidValue, "invalid_value"_L1},
    Word<ApiError>{ApiError::Conflict, "conflict"_L1},
    Word<ApiError>{ApiError::StoreUnavailable, "store_unavailable"_L1},
    Word<ApiError>{ApiError::TooManyStreams, "too_many_streams"_L1}};

inline constexpr std::array kSettingSources{
    Word<SettingSource>{SettingSource::Default, "default"_L1},
    Word<SettingSource>{SettingSource::File, "file"_L1},
    Word<SettingSource>{SettingSource::Environment, "environment"_L1},
    Word<SettingSource>{SettingSource::Flag, "flag"_L1}};

inline constexpr std::array kGatewayStates{
    Word<GatewayState>{GatewayState::Up, "up"_L1},
    Word<GatewayState>{GatewayState::Stopped, "stopped"_L1},
    Word<GatewayState>{GatewayState::NotAnswering, "not_answering"_L1}};

inline constexpr std::array kTestSteps{
    Word<TestStep>{TestStep::Reached, "reached"_L1},
    Word<TestStep>{TestStep::SignatureVerified, "signature_verified"_L1},
    Word<TestStep>{TestStep::Routed, "routed"_L1}, Word<TestStep>{TestStep::Stored, "stored"_L1},
    Word<TestStep>{TestStep::Delivered, "delivered"_L1}};

inline constexpr std::array kStepStates{Word<StepState>{StepState::Passed, "passed"_L1},
                                        Word<StepState>{StepState::Failed, "failed"_L1},
                                        Word<StepState>{StepState::Queued, "queued"_L1},
                                        Word<StepState>{StepState::Skipped, "skipped"_L1}};

inline constexpr std::array kSetupChecks{
    Word<SetupCheck>{SetupCheck::AppSecret, "app_secret"_L1},
    Word<SetupCheck>{SetupCheck::VerifyToken, "verify_token"_L1},
    Word<SetupCheck>{SetupCheck::WabaTenants, "waba_tenants"_L1},
    Word<SetupCheck>{SetupCheck::RouteReachable, "route_reachable"_L1},
    Word<SetupCheck>{SetupCheck::Tls, "tls"_L1}};

inline constexpr std::array kCheckStates{Word<CheckState>{CheckState::Passed, "passed"_L1},
                                         Word<CheckState>{CheckState::Warning, "warning"_L1},
                                         Word<CheckState>{CheckState::Failed, "failed"_L1},
                                         Word<CheckState>{CheckState::Skipped, "skipped"_L1}};

template <typename E> constexpr const auto &table()
{
    if constexpr (std::is_same_v<E, Provider>)
        return kProviders;
    else if constexpr (std::is_same_v<E, Outcome>)
        return kOutcomes;
    else if constexpr (std::is_same_v<E, SignatureStatus>)
        return kSignatureStatuses;
    else if constexpr (std::is_same_v<E, DeliveryState>)
        return kDeliveryStates;
    else if constexpr (std::is_same_v<E, AdminRole>)
        return kAdminRoles;
    else if constexpr (std::is_same_v<E, GatewayState>)
        return kGatewayStates;
    else if constexpr (std::is_same_v<E, Change>)
        return kChanges;
    else if constexpr (std::is_same_v<E, ApiError>)
        return kApiErrors;
    else if constexpr (std::is_same_v<E, SettingSource>)
        return kSettingSources;
    else if constexpr (std::is_same_v<E, Disclosure>)
        return kDisclosures;
    else if constexpr (std::is_same_v<E, AlertState>)
        return kAlertStates;
    else if constexpr (std::is_same_v<E, TestStep>)
        return kTestSteps;
    else if constexpr (std::is_same_v<E, StepState>)
        return kStepStates;
    else if constexpr (std::is_same_v<E, SetupCheck>)
        return kSetupChecks;
    else if constexpr (std::is_same_v<E, CheckState>)
        return kCheckStates;
    else
        return kAlertKinds;
}

// Each table lists its enum in declaration order, so a value is its own index.
template <typename E> constexpr bool inOrder()
{
    const auto &t = table<E>();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (std::size_t(t[i].value) != i)
            return false;
    }
    return true;
}
static_assert(inOrder<Provider>() && inOrder<Outcome>() && inOrder<SignatureStatus>() &&
              inOrder<DeliveryState>() && inOrder<AlertKind>() && inOrder<AdminRole>() &&
              inOrder<GatewayState>() && inOrder<Change>() && inOrder<ApiError>() &&
              inOrder<SettingSource>() && inOrder<Disclosure>() && inOrder<AlertState>() &&
              inOrder<TestStep>() && inOrder<StepState>() && inOrder<SetupCheck>() &&
              inOrder<CheckState>());

} // namespace vocabulary

// Every value of E, in table order.
template <typename E> constexpr const auto &allOf()
{
    return vocabulary::table<E>();
}

template <typename E> constexpr QLatin1StringView wireName(E value)
{
    return vocabulary::table<E>()[std::size_t(value)].wire;
}

// The wire name as a QString, for audit rows and JSON.
template <typename E> QString wire(E value)
{
    return QString(wireName(value));
}

template <typename E> std::optional<E> fromWire(QStringView text)
{
    for (const Word<E> &w : vocabulary::table<E>()) {
        if (text == w.wire)
            return w.value;
    }
    return std::nullopt;
}

template <typename E> QStringList wireNames()
{
    QStringList names;
    for (const Word<E> &w : vocabulary::table<E>())
        names << QString(w.wire);
    return names;
}

} // namespace gerbang
