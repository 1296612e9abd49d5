// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertTexts.h"

#include "domain/Vocabulary.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace gerbang::alerttexts {
namespace {

// Each text is marked where it is used (lupdate does not expand macros).
QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
}

QString bytes(qint64 n, const Translate &localize)
{
    if (n >= 10LL * 1024 * 1024 * 1024)
        return localize(QT_TRANSLATE_NOOP("AlertTexts", "%1 GB")).arg(n / (1024LL * 1024 * 1024));
    return localize(QT_TRANSLATE_NOOP("AlertTexts", "%1 MB")).arg(n / (1024 * 1024));
}

Text signatureFailures(const AlertInfo &a, const Translate &localize)
{
    return {
        localize(QT_TRANSLATE_NOOP(
                     "AlertTexts",
                     "%1 signature failures from source '%2' within %3 s. Someone may be probing "
                     "the gateway, or a secret is out of date."))
            .arg(a.count)
            .arg(a.source)
            .arg(a.windowSecs),
        localize(QT_TRANSLATE_NOOP(
            "AlertTexts",
            "Compare the source's secret with the provider's dashboard, and look up the "
            "senders' addresses in the audit log."))};
}

Text silence(const AlertInfo &a, const Translate &localize)
{
    if (a.resolved())
        return {localize(QT_TRANSLATE_NOOP("AlertTexts", "Webhooks from source '%1' arrive again."))
                    .arg(a.source),
                {}};
    const bool whatsapp = a.source.startsWith(wireName(Provider::WhatsApp));
    return {
        localize(QT_TRANSLATE_NOOP(
                     "AlertTexts",
                     "No webhooks from source '%1' for %2; at this hour of the week it is normally "
                     "quiet for at most %3."))
            .arg(a.source, duration(a.value, localize), duration(a.threshold, localize)),
        whatsapp
            ? localize(QT_TRANSLATE_NOOP(
                  "AlertTexts", "Check the app's webhook subscription and callback URL in the Meta "
                                "App Dashboard, that the app is in Live mode, and that its access "
                                "token has not expired."))
            : localize(QT_TRANSLATE_NOOP(
                  "AlertTexts", "Check the webhook settings in the provider's dashboard (URL, "
                                "enabled events) and that the provider can reach this gateway."))};
}

Text deliveryBacklog(const AlertInfo &a, const Translate &localize)
{
    if (a.resolved())
        return {localize(QT_TRANSLATE_NOOP("AlertTexts", "Events reach the core system again.")),
                {}};
    return {
        localize(
            QT_TRANSLATE_NOOP("AlertTexts",
                              "The oldest event not yet delivered to the core system has waited %1 "
                              "(threshold %2)."))
            .arg(duration(a.value, localize), duration(a.threshold, localize)),
        localize(QT_TRANSLATE_NOOP(
            "AlertTexts", "Check that the core system is up and reachable at the delivery URL. The "
                          "events wait in the outbox; none is lost."))};
}

Text deadLetters(const AlertInfo &a, const Translate &localize)
{
    if (a.resolved())
        return {localize(QT_TRANSLATE_NOOP("AlertTexts", "The dead-letter queue is empty.")), {}};
    return {localize(
                QT_TRANSLATE_NOOP(
                    "AlertTexts",
                    "Events the core system did not accept, waiting in the dead-letter queue: %1."))
                .arg(a.value),
            localize(QT_TRANSLATE_NOOP(
                "AlertTexts",
                "Read their last error on the Dead letters page, fix the cause, then replay "
                "them."))};
}

Text certificateExpiring(const AlertInfo &a, const Translate &localize)
{
    if (a.resolved())
        return {
            localize(QT_TRANSLATE_NOOP("AlertTexts", "The TLS certificate %1 is valid until %2."))
                .arg(a.source, when(a.untilMs)),
            {}};
    const QString what =
        a.value <= 0
            ? localize(QT_TRANSLATE_NOOP("AlertTexts", "The TLS certificate %1 expired at %2."))
                  .arg(a.source, when(a.untilMs))
            : localize(
                  QT_TRANSLATE_NOOP("AlertTexts", "The TLS certificate %1 expires at %2, in %3."))
                  .arg(a.source, when(a.untilMs), duration(a.value, localize));
    return {what, localize(QT_TRANSLATE_NOOP(
                      "AlertTexts", "Renew it, put the new certificate and key in place, then run: "
                                    "gerbangctl tls reload"))};
}

Text certificateReloadFailed(const AlertInfo &a, const Translate &localize)
{
    if (a.resolved())
        return {localize(QT_TRANSLATE_NOOP("AlertTexts", "The TLS certificate %1 was reloaded."))
                    .arg(a.source),
                {}};
    return {
        localize(
            QT_TRANSLATE_NOOP(
                "AlertTexts",
                "The new TLS certificate %1 could not be loaded (%2); the previous one stays in "
                "use."))
            .arg(a.source, a.detail),
        localize(QT_TRANSLATE_NOOP(
            "AlertTexts",
            "Check the certificate and key files (format, matching key, permissions), "
            "then run: gerbangctl tls reload"))};
}

Text diskSpaceLow(const AlertInfo &a, const Translate &localize)
{
    if (a.resolved())
        return {localize(QT_TRANSLATE_NOOP("AlertTexts",
                                           "Free space for the data directory %1 is back to %2."))
                    .arg(a.source, bytes(a.value, localize)),
                {}};
    QString what =
        localize(QT_TRANSLATE_NOOP("AlertTexts",
                                   "Only %1 free for the data directory %2 (threshold %3)."))
            .arg(bytes(a.value, localize), a.source, bytes(a.threshold, localize));
    if (a.untilMs > 0)
        what +=
            u' ' + localize(QT_TRANSLATE_NOOP("AlertTexts",
                                              "At the current growth the disk is full around %1."))
                       .arg(when(a.untilMs));
    return {what,
            localize(QT_TRANSLATE_NOOP(
                "AlertTexts", "Free space or enlarge the disk; raw payloads are deleted after the "
                              "retention period (Settings, Retention)."))};
}

Text databaseUnavailable(const AlertInfo &a, const Translate &localize)
{
    if (a.resolved())
        return {localize(QT_TRANSLATE_NOOP("AlertTexts", "The database accepts writes again.")),
                {}};
    return {
        localize(
            QT_TRANSLATE_NOOP(
                "AlertTexts",
                "The database has been unreachable or refusing writes for %1 (%2). Webhooks are "
                "answered 503 and their senders retry."))
            .arg(duration(a.value, localize), a.detail),
        localize(QT_TRANSLATE_NOOP(
            "AlertTexts",
            "Check the database server, or under SQLite the disk of the data directory: "
            "free space, permissions, its log."))};
}

Text retentionFailed(const AlertInfo &a, const Translate &localize)
{
    if (a.resolved())
        return {
            localize(QT_TRANSLATE_NOOP("AlertTexts", "The retention job ran successfully again.")),
            {}};
    return {localize(QT_TRANSLATE_NOOP(
                         "AlertTexts",
                         "The retention job failed (%1). Expired payloads stay stored until it "
                         "succeeds."))
                .arg(a.detail),
            localize(QT_TRANSLATE_NOOP(
                "AlertTexts",
                "Check the gateway's log and the database; the job runs again at its next "
                "scheduled time, or now with: gerbangctl purge"))};
}

} // namespace

QString english(const char *sourceText)
{
    return QString::fromUtf8(sourceText);
}

QString duration(qint64 secs, const Translate &localize)
{
    secs = std::max<qint64>(secs, 0);
    if (secs >= 86400)
        return localize(QT_TRANSLATE_NOOP("AlertTexts", "%1 d %2 h"))
            .arg(secs / 86400)
            .arg(secs % 86400 / 3600);
    if (secs >= 3600)
        return localize(QT_TRANSLATE_NOOP("AlertTexts", "%1 h %2 min"))
            .arg(secs / 3600)
            .arg(secs % 3600 / 60);
    if (secs >= 60)
        return localize(QT_TRANSLATE_NOOP("AlertTexts", "%1 min")).arg(secs / 60);
    return localize(QT_TRANSLATE_NOOP("AlertTexts", "%1 s")).arg(secs);
}

Text describe(const AlertInfo &a, const Translate &localize)
{
    switch (fromWire<AlertKind>(a.kind).value_or(AlertKind::SignatureFailures)) {
    case AlertKind::SignatureFailures:
        return signatureFailures(a, localize);
    case AlertKind::Silence:
        return silence(a, localize);
    case AlertKind::DeliveryBacklog:
        return deliveryBacklog(a, localize);
    case AlertKind::DeadLetters:
        return deadLetters(a, localize);
    case AlertKind::CertificateExpiring:
        return certificateExpiring(a, localize);
    case AlertKind::CertificateReloadFailed:
        return certificateReloadFailed(a, localize);
    case AlertKind::DiskSpaceLow:
        return diskSpaceLow(a, localize);
    case AlertKind::DatabaseUnavailable:
        return databaseUnavailable(a, localize);
    case AlertKind::RetentionFailed:
        return retentionFailed(a, localize);
    }
    return {};
}

} // namespace gerbang::alerttexts

namespace gerbang {

bool AlertInfo::resolved() const
{
    return state == wireName(AlertState::Resolved);
}

} // namespace gerbang
