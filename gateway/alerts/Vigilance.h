// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alerts/ConditionTracker.h"
#include "concurrency/PacedRepeat.h"
#include "domain/AlertInfo.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <deque>
#include <functional>
#include <optional>

namespace gerbang {

class Database;
class Settings;

// Notices the failures that make no noise (issue 19): a source gone silent, undelivered events
// growing old, dead letters, a TLS certificate about to expire or that failed to reload, the
// data directory's disk filling up, a database that stopped taking writes, a failing retention
// job. It checks on a timer on the background thread, with its own database connection, and
// turns each condition into alerts through a ConditionTracker (raised once, reminded after a
// while, resolved when it ends; recorded in the database, so a restart does not raise a
// lasting condition again and the fleet's conditions are raised by one gateway only). Its
// clock and its view of the disk are injectable, so tests walk through hours without sleeping.
class Vigilance : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        qint64 checkIntervalMs = 60'000;
        qint64 repeatMs = 0;
        qint64 silenceMinimumMs = 0; // 0: no silence alerts
        int silenceFactor = 3;
        QHash<QString, qint64> silenceFixedMs; // by source; 0: off for that source
        qint64 deliveryAgeMs = 0;              // 0: off (the same for every threshold below)
        qint64 deadLetters = 0;
        qint64 certificateLeadMs = 0;
        qint64 diskFreeBytes = 0;
        qint64 databaseDownMs = 0;
        int retentionFailures = 0;
        QStringList certificates; // the TLS certificate files in use (webhook, admin API)
        QString dataDir;
        QString gatewayId; // scopes this gateway's own conditions (ConditionTracker)

        static Config fromSettings(const Settings &settings, QStringList certificates);
    };
    // A certificate is reported again this long before it expires (besides the lead time).
    static constexpr qint64 kCertificateFinalMs = 3LL * 24 * 3600 * 1000;

    using Clock = std::function<qint64()>;
    using FreeSpace = std::function<std::optional<qint64>(const QString &dir)>;

    Vigilance(Config config, Database &db, Clock clock, FreeSpace freeSpace = {},
              QObject *parent = nullptr);

    // Checks now and then every checkIntervalMs.
    void start();
    // Every check, once, at the clock's time.
    void check();

    // Reports from the rest of the gateway; call on this object's thread (queued).
    void storeFailing(bool failing, const QString &reason);
    void certificateReloaded(const QString &certificate, bool ok, const QString &error);
    void retentionRan(bool ok, const QString &error);

Q_SIGNALS:
    void alert(const gerbang::AlertInfo &alert);

private:
    void emitAll(const QList<AlertInfo> &alerts);
    void observe(const Condition &c, qint64 now);
    void checkSilence(qint64 now);
    void checkDelivery(qint64 now, qint64 oldestPendingMs);
    void checkCertificates(qint64 now);
    void checkDisk(qint64 now);
    void checkDatabase(qint64 now, const QString &probeError);
    void checkReloads(qint64 now);
    void checkRetention(qint64 now);
    std::optional<qint64> silenceThresholdMs(const QString &source, qint64 now, QString *error);

    Config m_config;
    Database &m_db;
    Clock m_clock;
    FreeSpace m_freeSpace;
    ConditionTracker m_tracker;
    PacedRepeat m_checks;

    struct LearnedSilence
    {
        qint64 hour = -1; // the clock hour it was learned for
        std::optional<qint64> thresholdMs;
    };
    QHash<QString, LearnedSilence> m_silence;
    std::deque<std::pair<qint64, qint64>> m_diskSamples; // (time, free bytes), last six hours
    qint64 m_storeFailingSinceMs = 0;                    // 0: the store writes
    QString m_storeError;
    qint64 m_probeFailingSinceMs = 0;         // this object's own queries
    QHash<QString, QString> m_reloadFailures; // certificate -> why
    QStringList m_reloadsResolved;            // reloaded after a failure, not yet reported
    int m_retentionFailures = 0;
    QString m_retentionError;
};

} // namespace gerbang
