// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AlertInfo.h"
#include "domain/Vocabulary.h"

#include <QHash>
#include <QList>
#include <QString>
#include <functional>

namespace gerbang {

// One observation of a condition that can last (a silent source, an expiring certificate).
struct Condition
{
    AlertKind kind = AlertKind::Silence;
    QString subject{}; // what it is about: a source, a certificate file, a directory
    bool active = false;
    // How bad it is: a higher level raises again at once (a certificate at 14, then 3 days).
    int level = 1;
    qint64 value = 0;     // AlertInfo's unit for the kind
    qint64 threshold = 0; // the same unit
    qint64 untilMs = 0;
    QString detail{};
    // Raise the reminder only when `value` grew since the last raise (new dead letters), not
    // merely because the condition still holds.
    bool remindOnlyWhenWorse = false;
};

// Turns observations into alerts: raised when a condition starts or gets a higher level,
// raised again after `repeatMs` while it lasts (0: never), resolved once when it ends. The
// clock is the caller's (`nowMs` of each observation), so tests need no sleeping.
class ConditionTracker
{
public:
    explicit ConditionTracker(qint64 repeatMs)
        : m_repeatMs(repeatMs)
    {
    }

    // The alerts this observation causes (none, one raised, or one resolved).
    QList<AlertInfo> observe(const Condition &c, qint64 nowMs);
    bool isRaised(AlertKind kind, const QString &subject) const;

private:
    struct State
    {
        bool raised = false;
        int level = 0;
        qint64 lastRaisedMs = 0;
        qint64 lastValue = 0;
    };
    static QString keyOf(AlertKind kind, const QString &subject);
    static AlertInfo alertFor(const Condition &c, AlertState state, qint64 nowMs);

    qint64 m_repeatMs;
    QHash<QString, State> m_states;
};

} // namespace gerbang
