// SPDX-License-Identifier: GPL-3.0-or-later
#include "DomainLabels.h"

#include <QCoreApplication>
#include <iterator>

namespace gerbang::labels {
namespace {

// In the order of Provider.
constexpr const char *kProviders[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "WhatsApp"),
    QT_TRANSLATE_NOOP("DomainLabels", "Stripe"),
    QT_TRANSLATE_NOOP("DomainLabels", "Midtrans"),
    QT_TRANSLATE_NOOP("DomainLabels", "Xendit"),
    QT_TRANSLATE_NOOP("DomainLabels", "Generic HMAC"),
    QT_TRANSLATE_NOOP("DomainLabels", "Standard Webhooks"),
};
static_assert(std::size(kProviders) == allOf<Provider>().size());

// In the order of Outcome.
constexpr const char *kOutcomes[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "Accepted"),
    QT_TRANSLATE_NOOP("DomainLabels", "Duplicate"),
    QT_TRANSLATE_NOOP("DomainLabels", "Unknown tenant"),
    QT_TRANSLATE_NOOP("DomainLabels", "No events"),
    QT_TRANSLATE_NOOP("DomainLabels", "Rejected (signature)"),
    QT_TRANSLATE_NOOP("DomainLabels", "Malformed payload"),
    QT_TRANSLATE_NOOP("DomainLabels", "Unknown source"),
    QT_TRANSLATE_NOOP("DomainLabels", "Not configured"),
    QT_TRANSLATE_NOOP("DomainLabels", "Not found"),
    QT_TRANSLATE_NOOP("DomainLabels", "Method not allowed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Too large"),
    QT_TRANSLATE_NOOP("DomainLabels", "Timed out"),
    QT_TRANSLATE_NOOP("DomainLabels", "Bad request"),
    QT_TRANSLATE_NOOP("DomainLabels", "Rate limited"),
    QT_TRANSLATE_NOOP("DomainLabels", "Forbidden (allowlist)"),
    QT_TRANSLATE_NOOP("DomainLabels", "Client certificate required"),
    QT_TRANSLATE_NOOP("DomainLabels", "TLS refused"),
    QT_TRANSLATE_NOOP("DomainLabels", "Unauthorized"),
    QT_TRANSLATE_NOOP("DomainLabels", "Store failed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Overloaded"),
    QT_TRANSLATE_NOOP("DomainLabels", "Subscription verified"),
    QT_TRANSLATE_NOOP("DomainLabels", "Subscription check failed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Content served"),
    QT_TRANSLATE_NOOP("DomainLabels", "Content expired"),
    QT_TRANSLATE_NOOP("DomainLabels", "Replayed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Alert"),
    QT_TRANSLATE_NOOP("DomainLabels", "Configuration changed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Data exported"),
};
static_assert(std::size(kOutcomes) == allOf<Outcome>().size());

// In the order of SignatureStatus.
constexpr const char *kSignatureStatuses[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "Valid"),
    QT_TRANSLATE_NOOP("DomainLabels", "Missing"),
    QT_TRANSLATE_NOOP("DomainLabels", "Malformed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Mismatch"),
    QT_TRANSLATE_NOOP("DomainLabels", "Timestamp too old"),
    QT_TRANSLATE_NOOP("DomainLabels", "Timestamp in the future"),
    QT_TRANSLATE_NOOP("DomainLabels", "Not applicable"),
};
static_assert(std::size(kSignatureStatuses) == allOf<SignatureStatus>().size());

// In the order of DeliveryState.
constexpr const char *kDeliveryStates[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "Pending"),
    QT_TRANSLATE_NOOP("DomainLabels", "Delivered"),
    QT_TRANSLATE_NOOP("DomainLabels", "Dead letter"),
};
static_assert(std::size(kDeliveryStates) == allOf<DeliveryState>().size());

// In the order of AlertKind.
constexpr const char *kAlertKinds[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "Signature failures"),
    QT_TRANSLATE_NOOP("DomainLabels", "Source silent"),
    QT_TRANSLATE_NOOP("DomainLabels", "Delivery delayed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Dead letters"),
    QT_TRANSLATE_NOOP("DomainLabels", "Certificate expiring"),
    QT_TRANSLATE_NOOP("DomainLabels", "Certificate reload failed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Disk space low"),
    QT_TRANSLATE_NOOP("DomainLabels", "Database unavailable"),
    QT_TRANSLATE_NOOP("DomainLabels", "Retention failed"),
};
static_assert(std::size(kAlertKinds) == allOf<AlertKind>().size());

// In the order of AdminRole.
constexpr const char *kAdminRoles[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "viewer"),
    QT_TRANSLATE_NOOP("DomainLabels", "operator"),
    QT_TRANSLATE_NOOP("DomainLabels", "admin"),
};
static_assert(std::size(kAdminRoles) == allOf<AdminRole>().size());

// In the order of GatewayState.
constexpr const char *kGatewayStates[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "Up"),
    QT_TRANSLATE_NOOP("DomainLabels", "Stopped"),
    QT_TRANSLATE_NOOP("DomainLabels", "Stopped answering"),
};
static_assert(std::size(kGatewayStates) == allOf<GatewayState>().size());

// In the order of TestStep.
constexpr const char *kTestSteps[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "Reached the gateway"),
    QT_TRANSLATE_NOOP("DomainLabels", "Signature verified"),
    QT_TRANSLATE_NOOP("DomainLabels", "Routed to a tenant"),
    QT_TRANSLATE_NOOP("DomainLabels", "Stored"),
    QT_TRANSLATE_NOOP("DomainLabels", "Delivered to the core"),
};
static_assert(std::size(kTestSteps) == allOf<TestStep>().size());

// In the order of StepState.
constexpr const char *kStepStates[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "Passed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Failed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Queued"),
    QT_TRANSLATE_NOOP("DomainLabels", "Not reached"),
};
static_assert(std::size(kStepStates) == allOf<StepState>().size());

// In the order of SetupCheck.
constexpr const char *kSetupChecks[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "App secret"),
    QT_TRANSLATE_NOOP("DomainLabels", "Verify token"),
    QT_TRANSLATE_NOOP("DomainLabels", "A tenant for every WABA"),
    QT_TRANSLATE_NOOP("DomainLabels", "Route answers Meta"),
    QT_TRANSLATE_NOOP("DomainLabels", "TLS where Meta reaches it"),
};
static_assert(std::size(kSetupChecks) == allOf<SetupCheck>().size());

// In the order of CheckState.
constexpr const char *kCheckStates[] = {
    QT_TRANSLATE_NOOP("DomainLabels", "Passed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Warning"),
    QT_TRANSLATE_NOOP("DomainLabels", "Failed"),
    QT_TRANSLATE_NOOP("DomainLabels", "Not checked"),
};
static_assert(std::size(kCheckStates) == allOf<CheckState>().size());

QString translated(const char *text)
{
    return QCoreApplication::translate("DomainLabels", text);
}

} // namespace

QString of(Provider value)
{
    return translated(kProviders[std::size_t(value)]);
}

QString of(Outcome value)
{
    return translated(kOutcomes[std::size_t(value)]);
}

QString of(SignatureStatus value)
{
    return translated(kSignatureStatuses[std::size_t(value)]);
}

QString of(DeliveryState value)
{
    return translated(kDeliveryStates[std::size_t(value)]);
}

QString of(AlertKind value)
{
    return translated(kAlertKinds[std::size_t(value)]);
}

alerttexts::Text describe(const AlertInfo &alert)
{
    return alerttexts::describe(
        alert, [](const char *text) { return QCoreApplication::translate("AlertTexts", text); });
}

QString of(AdminRole value)
{
    return translated(kAdminRoles[std::size_t(value)]);
}

QString of(GatewayState value)
{
    return translated(kGatewayStates[std::size_t(value)]);
}

QString of(TestStep value)
{
    return translated(kTestSteps[std::size_t(value)]);
}

QString of(StepState value)
{
    return translated(kStepStates[std::size_t(value)]);
}

QString of(SetupCheck value)
{
    return translated(kSetupChecks[std::size_t(value)]);
}

QString of(CheckState value)
{
    return translated(kCheckStates[std::size_t(value)]);
}

QString whatsAppCheckText(const char *sourceText)
{
    return QCoreApplication::translate("WhatsAppCheck", sourceText);
}

QString sourceTestText(const char *sourceText)
{
    return QCoreApplication::translate("SourceTest", sourceText);
}

} // namespace gerbang::labels
