// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignatureAlerts.h"

namespace gerbang {

std::optional<SignatureAlerts::Alert> SignatureAlerts::recordFailure(const QString &source,
                                                                     qint64 nowMs)
{
    Window &w = m_windows[source];
    w.failures.push_back(nowMs);
    while (!w.failures.empty() && w.failures.front() <= nowMs - m_config.windowMs)
        w.failures.pop_front();
    // Only the newest `threshold` timestamps matter for the decision.
    while (w.failures.size() > size_t(m_config.threshold))
        w.failures.pop_front();
    if (int(w.failures.size()) < m_config.threshold)
        return std::nullopt;
    if (w.lastAlertMs >= 0 && nowMs - w.lastAlertMs < m_config.cooldownMs)
        return std::nullopt;
    w.lastAlertMs = nowMs;
    return Alert{source, int(w.failures.size())};
}

} // namespace gerbang
