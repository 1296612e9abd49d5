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
    // A decision that could not be written: written now, quietly, if nobody moved the row.
    if (s.unwritten && row == s.base && write(key, s) != Write::Lost)
        return true;
    s = row ? State{.raised = true, .row = *row, .base = row} : State{};
    return true;
}

ConditionTracker::Write ConditionTracker::write(const ConditionKey &key, State &s)
{
    AlertConditionRepository conditions(*m_db);
    bool tookEffect = false;
    QString error;
    bool written = true;
    if (s.raised)
        written = conditions.raise(key, s.base, s.row, &tookEffect, &error);
    else if (s.base)
        written = conditions.resolve(key, &tookEffect, &error);
    else
        tookEffect = true; // nothing to remove
    if (!written) {
        qCWarning(lcConditions).noquote()
            << "cannot record a raised alert, deciding from memory:" << error;
        s.unwritten = true;
        return Write::Failed;
    }
    if (!tookEffect)
        return Write::Lost;
    s.unwritten = false;
    s.base = s.raised ? std::optional(s.row) : std::nullopt;
    return Write::Done;
}

QList<AlertInfo> ConditionTracker::observe(const Condition &c, qint64 nowMs)
{
    const QString key = keyOf(c.kind, c.subject);
    State s = m_states.value(key);
    const std::optional<ConditionKey> dbKey = recordedKey(c);
    const bool readable = dbKey && refresh(*dbKey, s);

    std::optional<AlertState> change;
    if (!c.active) {
        if (s.raised) {
            change = AlertState::Resolved;
            s.raised = false;
            s.row = {};
        }
    } else {
        bool raise = !s.raised || c.level > s.row.level;
        if (!raise && m_repeatMs > 0 && nowMs - s.row.raisedAtMs >= m_repeatMs)
            raise = !c.remindOnlyWhenWorse || c.value > s.row.value;
        if (raise) {
            change = AlertState::Raised;
            s.row = {std::max(s.raised ? s.row.level : 0, c.level), nowMs, c.value};
            s.raised = true;
        }
    }
    if (change && dbKey) {
        s.unwritten = true;
        // Unreadable: written at the next chance. Lost: another gateway made the same change
        // first, and said it.
        if (readable && write(*dbKey, s) == Write::Lost) {
            m_states.remove(key);
            return {};
        }
    }
    if (s.raised || s.unwritten)
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
