// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"

#include <QHash>
#include <QString>
#include <deque>
#include <optional>

namespace gerbang {

// Counts signature failures per source in a sliding window and says when to raise an alert:
// at `threshold` failures within `windowMs`, then not again for that source until `cooldownMs`
// has passed. Memory is bounded by the number of configured sources (only known sources are
// counted) times the threshold.
class SignatureAlerts
{
public:
    struct Config
    {
        int threshold = Settings::defaultInt(u"alerts/signature_failures");
        qint64 windowMs = qint64(Settings::defaultInt(u"alerts/window_s")) * 1000;
        qint64 cooldownMs = qint64(Settings::defaultInt(u"alerts/cooldown_s")) * 1000;
    };
    struct Alert
    {
        QString source;
        int count = 0;
    };

    explicit SignatureAlerts(Config config)
        : m_config(config)
    {
    }
    // Records one failure; returns the alert to raise, if this failure crosses the line.
    std::optional<Alert> recordFailure(const QString &source, qint64 nowMs);
    const Config &config() const { return m_config; }

private:
    struct Window
    {
        std::deque<qint64> failures;
        qint64 lastAlertMs = -1;
    };
    Config m_config;
    QHash<QString, Window> m_windows;
};

} // namespace gerbang
