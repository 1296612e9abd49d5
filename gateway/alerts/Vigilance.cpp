// SPDX-License-Identifier: GPL-3.0-or-later
#include "Vigilance.h"

#include "alerts/SilenceModel.h"
#include "config/Settings.h"
#include "config/SettingsRules.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/SourceActivityRepository.h"

#include <QLoggingCategory>
#include <QSslCertificate>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVigilance, "gerbang.alerts")

namespace gerbang {
namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDiskHistoryMs = 6 * kHourMs;

std::optional<qint64> storageFree(const QString &dir)
{
    QStorageInfo info(dir);
    info.refresh();
    if (!info.isValid() || !info.isReady())
        return std::nullopt;
    return info.bytesAvailable();
}

// When `samples` (time, free bytes) reach zero at their least-squares slope; 0 when the disk
// is not filling up, or too little is known (half an hour at least).
qint64 predictFullMs(const std::deque<std::pair<qint64, qint64>> &samples)
{
    if (samples.size() < 5 || samples.back().first - samples.front().first < 30 * kMinuteMs)
        return 0;
    const double t0 = double(samples.front().first);
    double st = 0, sf = 0, stt = 0, stf = 0;
    for (const auto &[t, free] : samples) {
        const double x = double(t) - t0;
        st += x;
        sf += double(free);
        stt += x * x;
        stf += x * double(free);
    }
    const double n = double(samples.size());
    const double denominator = n * stt - st * st;
    if (denominator <= 0)
        return 0;
    const double slope = (n * stf - st * sf) / denominator; // bytes per ms
    if (slope >= 0)
        return 0;
    const auto &[lastT, lastFree] = samples.back();
    return lastT + qint64(double(lastFree) / -slope);
}

PacedRepeat::Pace checkPace(qint64 configuredMs)
{
    const std::chrono::milliseconds interval(std::clamp<qint64>(configuredMs, 1000, 3'600'000));
    // The delivery check scans the pending backlog: at most 1 % of the time on checking, and
    // never more than ten intervals between checks.
    return {.interval = interval, .costFactor = 100, .longest = interval * 10};
}

} // namespace

Vigilance::Config Vigilance::Config::fromSettings(const Settings &s, QStringList certificates)
{
    Config c;
    c.checkIntervalMs = qint64(s.intValue(u"alerts/check_s"_s)) * 1000;
    c.repeatMs = qint64(s.intValue(u"alerts/repeat_minutes"_s)) * kMinuteMs;
    c.silenceMinimumMs = qint64(s.intValue(u"alerts/silence_min_minutes"_s)) * kMinuteMs;
    c.silenceFactor = s.intValue(u"alerts/silence_factor"_s);
    QStringList ignored; // refused when the settings are checked (settingRulesBetween)
    c.silenceFixedMs = parseSilenceSources(s.value(u"alerts/silence_sources"_s), &ignored);
    c.deliveryAgeMs = qint64(s.intValue(u"alerts/delivery_age_minutes"_s)) * kMinuteMs;
    c.deadLetters = s.intValue(u"alerts/dead_letters"_s);
    c.certificateLeadMs = qint64(s.intValue(u"alerts/certificate_days"_s)) * 24 * kHourMs;
    c.diskFreeBytes = qint64(s.intValue(u"alerts/disk_free_mb"_s)) * 1024 * 1024;
    c.databaseDownMs = qint64(s.intValue(u"alerts/database_down_s"_s)) * 1000;
    c.retentionFailures = s.intValue(u"alerts/retention_failures"_s);
    c.certificates = std::move(certificates);
    c.dataDir = s.dataDir();
    return c;
}

Vigilance::Vigilance(Config config, Database &db, Clock clock, FreeSpace freeSpace, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_db(db)
    , m_clock(std::move(clock))
    , m_freeSpace(freeSpace ? std::move(freeSpace) : FreeSpace(storageFree))
    , m_tracker(m_config.repeatMs, db, m_config.gatewayId)
    , m_checks(
          checkPace(m_config.checkIntervalMs), [this] { check(); }, this)
{
}

void Vigilance::start()
{
    // The certificates in use were loaded by this start: a reload failure recorded before it
    // (alert_conditions outlives a restart) is over.
    const qint64 now = m_clock();
    for (const QString &path : std::as_const(m_config.certificates))
        observe({.kind = AlertKind::CertificateReloadFailed, .subject = path, .active = false},
                now);
    m_checks.start(); // checks now, then at the interval
}

void Vigilance::emitAll(const QList<AlertInfo> &alerts)
{
    for (const AlertInfo &a : alerts)
        Q_EMIT alert(a);
}

void Vigilance::observe(const Condition &c, qint64 now)
{
    emitAll(m_tracker.observe(c, now));
}

void Vigilance::check()
{
    const qint64 now = m_clock();
    // This object's first read also says whether the database is reachable.
    QString probeError;
    const std::optional<qint64> oldest = OutboxRepository(m_db).oldestPendingMs(&probeError);
    checkDatabase(now, oldest ? QString() : probeError);
    if (oldest) {
        checkDelivery(now, *oldest);
        checkSilence(now);
    }
    checkCertificates(now);
    checkReloads(now);
    checkDisk(now);
    checkRetention(now);
}

void Vigilance::checkDelivery(qint64 now, qint64 oldestPendingMs)
{
    if (m_config.deliveryAgeMs > 0) {
        const qint64 age = oldestPendingMs > 0 ? now - oldestPendingMs : 0;
        observe({.kind = AlertKind::DeliveryBacklog,
                 .active = oldestPendingMs > 0 && age >= m_config.deliveryAgeMs,
                 .value = age / 1000,
                 .threshold = m_config.deliveryAgeMs / 1000},
                now);
    }
    if (m_config.deadLetters <= 0)
        return;
    QString error;
    const std::optional<OutboxCounts> counts = OutboxRepository(m_db).counts(&error);
    if (!counts) {
        qCWarning(lcVigilance).noquote() << "dead-letter check: cannot count them:" << error;
        return;
    }
    observe({.kind = AlertKind::DeadLetters,
             .active = counts->dead >= m_config.deadLetters,
             .value = counts->dead,
             .threshold = m_config.deadLetters,
             .remindOnlyWhenWorse = true},
            now);
}

std::optional<qint64> Vigilance::silenceThresholdMs(const QString &source, qint64 now,
                                                    QString *error)
{
    if (const auto fixed = m_config.silenceFixedMs.constFind(source);
        fixed != m_config.silenceFixedMs.constEnd())
        return *fixed > 0 ? std::optional<qint64>(*fixed) : std::nullopt;
    // Learned once an hour: the hour of the week is what it depends on.
    LearnedSilence &learned = m_silence[source];
    if (learned.hour != now / kHourMs) {
        SourceActivityRepository activity(m_db);
        const QList<qint64> minutes = activity.activeMinutes(
            source, (now - SourceActivityRepository::kLearnedMs) / kMinuteMs, error);
        if (!error->isEmpty())
            return std::nullopt;
        learned.hour = now / kHourMs;
        const std::optional<qint64> usual = SilenceModel::usualLongestGapMs(minutes, now);
        learned.thresholdMs =
            usual ? std::optional<qint64>(SilenceModel::thresholdMs(*usual, m_config.silenceFactor,
                                                                    m_config.silenceMinimumMs))
                  : std::nullopt;
    }
    return learned.thresholdMs;
}

void Vigilance::checkSilence(qint64 now)
{
    if (m_config.silenceMinimumMs <= 0)
        return;
    QString error;
    SourceActivityRepository activity(m_db);
    const QHash<QString, qint64> last =
        activity.lastActive((now - SourceActivityRepository::kLearnedMs) / kMinuteMs, &error);
    if (!error.isEmpty()) {
        qCWarning(lcVigilance).noquote() << "silence check: cannot read the activity:" << error;
        return;
    }
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        const std::optional<qint64> threshold = silenceThresholdMs(it.key(), now, &error);
        if (!error.isEmpty()) {
            qCWarning(lcVigilance).noquote() << "silence check: cannot learn:" << error;
            return;
        }
        // Measured from the end of the last active minute: never longer than it really is.
        const qint64 quietMs = std::max<qint64>(0, now - (it.value() + 1) * kMinuteMs);
        observe({.kind = AlertKind::Silence,
                 .subject = it.key(),
                 .active = threshold && quietMs >= *threshold,
                 .value = quietMs / 1000,
                 .threshold = threshold.value_or(0) / 1000},
                now);
    }
}

void Vigilance::checkCertificates(qint64 now)
{
    if (m_config.certificateLeadMs <= 0)
        return;
    for (const QString &path : std::as_const(m_config.certificates)) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(path, QSsl::Pem);
        if (chain.isEmpty())
            continue; // unreadable: the reload alert (or the start) says why
        const qint64 expires = chain.first().expiryDate().toMSecsSinceEpoch();
        const qint64 left = expires - now;
        observe({.kind = AlertKind::CertificateExpiring,
                 .subject = path,
                 .active = left <= m_config.certificateLeadMs,
                 .level = left <= kCertificateFinalMs ? 2 : 1,
                 .value = left / 1000,
                 .threshold = m_config.certificateLeadMs / 1000,
                 .untilMs = expires},
                now);
    }
}

void Vigilance::checkReloads(qint64 now)
{
    for (auto it = m_reloadFailures.cbegin(); it != m_reloadFailures.cend(); ++it)
        observe({.kind = AlertKind::CertificateReloadFailed,
                 .subject = it.key(),
                 .active = true,
                 .detail = it.value()},
                now);
    for (const QString &path : std::exchange(m_reloadsResolved, {}))
        observe({.kind = AlertKind::CertificateReloadFailed, .subject = path, .active = false},
                now);
}

void Vigilance::checkDisk(qint64 now)
{
    if (m_config.diskFreeBytes <= 0 || m_config.dataDir.isEmpty())
        return;
    const std::optional<qint64> free = m_freeSpace(m_config.dataDir);
    if (!free)
        return;
    m_diskSamples.emplace_back(now, *free);
    while (!m_diskSamples.empty() && m_diskSamples.front().first < now - kDiskHistoryMs)
        m_diskSamples.pop_front();
    observe({.kind = AlertKind::DiskSpaceLow,
             .subject = m_config.dataDir,
             .active = *free < m_config.diskFreeBytes,
             .value = *free,
             .threshold = m_config.diskFreeBytes,
             .untilMs = predictFullMs(m_diskSamples)},
            now);
}

void Vigilance::checkDatabase(qint64 now, const QString &probeError)
{
    if (probeError.isEmpty())
        m_probeFailingSinceMs = 0;
    else if (m_probeFailingSinceMs == 0)
        m_probeFailingSinceMs = now;
    if (m_config.databaseDownMs <= 0)
        return;
    qint64 since = 0;
    QString why;
    for (const auto &[s, w] : {std::pair{m_probeFailingSinceMs, probeError},
                               std::pair{m_storeFailingSinceMs, m_storeError}}) {
        if (s > 0 && (since == 0 || s < since)) {
            since = s;
            why = w;
        }
    }
    const qint64 down = since > 0 ? now - since : 0;
    observe({.kind = AlertKind::DatabaseUnavailable,
             .active = since > 0 && down >= m_config.databaseDownMs,
             .value = down / 1000,
             .threshold = m_config.databaseDownMs / 1000,
             .detail = why.left(300)},
            now);
}

void Vigilance::checkRetention(qint64 now)
{
    if (m_config.retentionFailures <= 0)
        return;
    observe({.kind = AlertKind::RetentionFailed,
             .active = m_retentionFailures >= m_config.retentionFailures,
             .value = m_retentionFailures,
             .threshold = m_config.retentionFailures,
             .detail = m_retentionError.left(300)},
            now);
}

void Vigilance::storeFailing(bool failing, const QString &reason)
{
    const qint64 now = m_clock();
    if (!failing) {
        m_storeFailingSinceMs = 0;
        m_storeError.clear();
    } else {
        if (m_storeFailingSinceMs == 0)
            m_storeFailingSinceMs = now;
        m_storeError = reason;
    }
    // A recovery is said at once; a failure waits for its threshold (the next check).
    if (!failing)
        checkDatabase(now, {});
}

void Vigilance::certificateReloaded(const QString &certificate, bool ok, const QString &error)
{
    if (ok) {
        if (m_reloadFailures.remove(certificate) > 0)
            m_reloadsResolved << certificate;
    } else {
        m_reloadFailures.insert(certificate, error.left(300));
    }
    const qint64 now = m_clock();
    checkReloads(now);
    checkCertificates(now); // a renewed certificate resolves its expiry alert at once
}

void Vigilance::retentionRan(bool ok, const QString &error)
{
    if (ok) {
        m_retentionFailures = 0;
        m_retentionError.clear();
    } else {
        ++m_retentionFailures;
        m_retentionError = error;
    }
    checkRetention(m_clock());
}

} // namespace gerbang
