// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Tenant.h"

#include <QList>
#include <optional>

namespace gerbang {

class Database;

// Tenants and their WhatsApp routing keys. Every change bumps the configuration revision so
// that a running engine picks it up.
class TenantRepository
{
public:
    explicit TenantRepository(Database &db)
        : m_db(db)
    {
    }

    QList<Tenant> list(QString *error) const;
    std::optional<Tenant> find(const QString &id, QString *error) const;
    bool add(const Tenant &tenant, QString *error);
    bool update(const Tenant &tenant, QString *error);
    bool remove(const QString &id, QString *error);

    // Checks a tenant before it is written: id syntax, numeric routing ids, and routing ids
    // already owned by another tenant. Returns human-readable problems.
    QStringList validate(const Tenant &tenant) const;

private:
    bool writeRoutes(const Tenant &tenant, QString *error);
    Database &m_db;
};

} // namespace gerbang
