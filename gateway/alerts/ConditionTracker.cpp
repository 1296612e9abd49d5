// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConditionTracker.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcConditions, "gerbang.alerts")

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

std::optional<ConditionKey> ConditionTracker::recordedKey(const Condition &c) const
{
    if (!m_db)
        return std::nullopt;
    switch (scopeOf(c.kind)) {
    case ConditionScope::Fleet:
        return ConditionKey{wire(c.kind), QString(u""_s), c.subject};
    case ConditionScope::Gateway:
        return ConditionKey{wire(c.kind), m_gatewayId, c.subject};
    case ConditionScope::Process:
        break;
    }
    return std::nullopt;
}

bool ConditionTracker::refresh(const ConditionKey &key, State &s)
{
    std::optional<RaisedCondition> row;
    QString error;
    if (!AlertConditionRepository(*m_db).find(key, &row, &error)) {
        qCWarning(lcConditions).noquote()
            << "cannot read the raised alerts, deciding from memory:" << error;
        return false;
    }
    if (row)
        s = State{.raised = true, .recorded = true, .row = *row};
    else if (s.recorded)
        s = State{}; // resolved by another gateway
    // else: nothing raised, or raised while the database was away (not recorded yet)
    return true;
}

bool ConditionTracker::record(const ConditionKey &key, const State &before, State &after)
{
    AlertConditionRepository conditions(*m_db);
    bool tookEffect = false;
    QString error;
    const bool written =
        after.raised
            ? conditions.raise(key, before.recorded ? std::optional(before.row) : std::nullopt,
                               after.row, &tookEffect, &error)
            : !before.recorded || conditions.resolve(key, &tookEffect, &error);
    if (!written) {
        // Better said twice than not at all.
        qCWarning(lcConditions).noquote()
            << "cannot record a raised alert, deciding from memory:" << error;
        after.recorded = false;
        return true;
    }
    if (after.raised)
        after.recorded = true;
    return tookEffect || (!before.recorded && !after.raised);
}

QList<AlertInfo> ConditionTracker::observe(const Condition &c, qint64 nowMs)
{
    const QString key = keyOf(c.kind, c.subject);
    State s = m_states.value(key);
    const std::optional<ConditionKey> dbKey = recordedKey(c);
    const bool shared = dbKey && refresh(*dbKey, s);

    State next;
    std::optional<AlertState> change;
    if (!c.active) {
        if (s.raised)
            change = AlertState::Resolved;
    } else {
        bool raise = !s.raised || c.level > s.row.level;
        if (!raise && m_repeatMs > 0 && nowMs - s.row.raisedAtMs >= m_repeatMs)
            raise = !c.remindOnlyWhenWorse || c.value > s.row.value;
        if (raise) {
            change = AlertState::Raised;
            next = State{.raised = true,
                         .row = {std::max(s.raised ? s.row.level : 0, c.level), nowMs, c.value}};
        } else if (shared && !s.recorded) {
            // Raised while the database was away: record it now, without saying it again.
            next = s;
            if (!record(*dbKey, s, next))
                next = State{}; // another gateway raised it meanwhile: read it next time
            s = next;
        }
    }
    if (change && shared && !record(*dbKey, s, next)) {
        // Another gateway made the same change first, and said it.
        m_states.remove(key);
        return {};
    }
    if (change)
        s = next;
    if (s.raised)
        m_states.insert(key, s);
    else
        m_states.remove(key);
    return change ? QList<AlertInfo>{alertFor(c, *change, nowMs)} : QList<AlertInfo>{};
}

bool ConditionTracker::isRaised(AlertKind kind, const QString &subject) const
{
    const auto it = m_states.constFind(keyOf(kind, subject));
    return it != m_states.constEnd() && it->raised;
}

} // namespace gerbang
