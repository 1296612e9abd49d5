// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace gerbang {

class Database;

// One raised alert's condition as stored (table alert_conditions, schema version 11).
struct RaisedCondition
{
    int level = 1;
    qint64 raisedAtMs = 0; // the last raise or reminder
    qint64 value = 0;      // the alert's value then

    friend bool operator==(const RaisedCondition &, const RaisedCondition &) = default;
};

// Which condition: its kind's wire name, its scope ('' for the fleet, else a gateway id) and
// its subject.
struct ConditionKey
{
    QString kind;
    QString scope;
    QString subject;
};

// The alerts raised and not yet resolved, shared by every gateway on the database. Each change
// is conditional on what the caller read, and says whether it took effect: of several gateways
// that notice the same change, exactly one is told `true` and raises (or resolves) the alert.
class AlertConditionRepository
{
public:
    explicit AlertConditionRepository(Database &db)
        : m_db(db)
    {
    }

    // The condition's row, nullopt when none; false with `error` when it cannot be read.
    bool find(const ConditionKey &key, std::optional<RaisedCondition> *row, QString *error) const;
    // Records a raise. From `expected` (the row read before; nullopt: none) to `next`;
    // `*tookEffect` is false when the row is no longer what was read.
    bool raise(const ConditionKey &key, const std::optional<RaisedCondition> &expected,
               const RaisedCondition &next, bool *tookEffect, QString *error);
    // Removes the row; `*tookEffect` is false when it was gone already.
    bool resolve(const ConditionKey &key, bool *tookEffect, QString *error);

private:
    Database &m_db;
};

} // namespace gerbang
