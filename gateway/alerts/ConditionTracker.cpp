// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConditionTracker.h"

using namespace Qt::StringLiterals;

namespace gerbang {

QString ConditionTracker::keyOf(AlertKind kind, const QString &subject)
{
    return QString(wireName(kind)) + u'\n' + subject;
}

AlertInfo ConditionTracker::alertFor(const Condition &c, AlertState state, qint64 nowMs)
{
    AlertInfo a;
    a.atMs = nowMs;
    a.kind = wire(c.kind);
    a.source = c.subject;
    a.state = wire(state);
    a.value = c.value;
    a.threshold = c.threshold;
    a.untilMs = c.untilMs;
    a.detail = c.detail;
    return a;
}

QList<AlertInfo> ConditionTracker::observe(const Condition &c, qint64 nowMs)
{
    const QString key = keyOf(c.kind, c.subject);
    if (!c.active) {
        const auto it = m_states.find(key);
        if (it == m_states.end())
            return {};
        const bool wasRaised = it->raised;
        m_states.erase(it);
        return wasRaised ? QList<AlertInfo>{alertFor(c, AlertState::Resolved, nowMs)}
                         : QList<AlertInfo>{};
    }
    State &s = m_states[key];
    bool raise = !s.raised || c.level > s.level;
    if (!raise && m_repeatMs > 0 && nowMs - s.lastRaisedMs >= m_repeatMs)
        raise = !c.remindOnlyWhenWorse || c.value > s.lastValue;
    if (!raise)
        return {};
    s.raised = true;
    s.level = std::max(s.level, c.level);
    s.lastRaisedMs = nowMs;
    s.lastValue = c.value;
    return {alertFor(c, AlertState::Raised, nowMs)};
}

bool ConditionTracker::isRaised(AlertKind kind, const QString &subject) const
{
    const auto it = m_states.constFind(keyOf(kind, subject));
    return it != m_states.constEnd() && it->raised;
}

} // namespace gerbang
