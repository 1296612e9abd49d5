// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AlertInfo.h"
#include "domain/Vocabulary.h"
#include "storage/AlertConditionRepository.h"

#include <QHash>
#include <QList>
#include <QString>

namespace gerbang {

class Database;

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

// Whose a lasting condition is. The fleet's is read from tables every gateway on the database
// shares (source activity, the outbox): it is raised once for all of them. A gateway's is
// about its own files (certificates, disk): kept across its restarts. The process's lives and
// ends with it: the database failing (which cannot be recorded in it), retention failures in a
// row (counted from this start).
enum class ConditionScope
{
    Fleet,
    Gateway,
    Process
};
constexpr ConditionScope scopeOf(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Silence:
    case AlertKind::DeliveryBacklog:
    case AlertKind::DeadLetters:
        return ConditionScope::Fleet;
    case AlertKind::DatabaseUnavailable:
    case AlertKind::RetentionFailed:   // counted by this process: a restart starts at 0
    case AlertKind::SignatureFailures: // a burst, never tracked
        return ConditionScope::Process;
    case AlertKind::CertificateExpiring:
    case AlertKind::CertificateReloadFailed:
    case AlertKind::DiskSpaceLow:
        break;
    }
    return ConditionScope::Gateway;
}

// Turns observations into alerts: raised when a condition starts or gets a higher level,
// raised again after `repeatMs` while it lasts (0: never), resolved once when it ends. The
// clock is the caller's (`nowMs` of each observation), so tests need no sleeping.
//
// With a database, what is raised is recorded in it (AlertConditionRepository): a restart
// does not raise a lasting condition again, and of the gateways sharing the database, only
// the one whose conditional write took effect raises a condition of the fleet. When the
// database cannot be read or written, the tracker decides from what it remembers, so no
// alert is lost, and writes its decision at the next chance, unless another gateway moved
// the row meanwhile (then the other's word stands).
class ConditionTracker
{
public:
    explicit ConditionTracker(qint64 repeatMs)
        : m_repeatMs(repeatMs)
    {
    }
    // `gatewayId` scopes this gateway's own conditions.
    ConditionTracker(qint64 repeatMs, Database &db, QString gatewayId)
        : m_repeatMs(repeatMs)
        , m_db(&db)
        , m_gatewayId(std::move(gatewayId))
    {
    }

    // The alerts this observation causes (none, one raised, or one resolved).
    QList<AlertInfo> observe(const Condition &c, qint64 nowMs);
    bool isRaised(AlertKind kind, const QString &subject) const;

private:
    struct State
    {
        bool raised = false;
        RaisedCondition row; // while raised
        // The database's row this state was read from or written as (nullopt: none), and
        // whether this state still has to be written over it (a write failed).
        std::optional<RaisedCondition> base;
        bool unwritten = false;
    };
    enum class Write
    {
        Done,
        Lost, // another gateway moved the row first
        Failed
    };
    static QString keyOf(AlertKind kind, const QString &subject);
    static AlertInfo alertFor(const Condition &c, AlertState state, qint64 nowMs);
    std::optional<ConditionKey> recordedKey(const Condition &c) const;
    // Brings `s` up to the database: writes it when it was left unwritten and the row is
    // still its base, else takes the row. False when the row cannot be read.
    bool refresh(const ConditionKey &key, State &s);
    // Writes `s` over its base.
    Write write(const ConditionKey &key, State &s);

    qint64 m_repeatMs;
    Database *m_db = nullptr;
    QString m_gatewayId;
    QHash<QString, State> m_states;
};

} // namespace gerbang
