// SPDX-License-Identifier: GPL-3.0-or-later
#include "TenantRepository.h"

#include "Database.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

bool run(QSqlQuery &q, QString *error)
{
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QList<Tenant> TenantRepository::list(QString *error) const
{
    QList<Tenant> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT id, name, enabled, created_at, updated_at FROM tenants ORDER BY id"_s)) {
        *error = q.lastError().text();
        return out;
    }
    QHash<QString, qsizetype> index;
    while (q.next()) {
        Tenant t;
        t.id = q.value(0).toString();
        t.name = q.value(1).toString();
        t.enabled = q.value(2).toInt() != 0;
        t.createdAtMs = q.value(3).toLongLong();
        t.updatedAtMs = q.value(4).toLongLong();
        index.insert(t.id, out.size());
        out << t;
    }
    QSqlQuery r(m_db.db());
    if (!r.exec(u"SELECT tenant_id, kind, value FROM tenant_routes ORDER BY value"_s)) {
        *error = r.lastError().text();
        return {};
    }
    while (r.next()) {
        const auto it = index.constFind(r.value(0).toString());
        if (it == index.constEnd())
            continue;
        Tenant &t = out[*it];
        (r.value(1).toString() == u"waba"_s ? t.wabaIds : t.phoneNumberIds)
            << r.value(2).toString();
    }
    return out;
}

std::optional<Tenant> TenantRepository::find(const QString &id, QString *error) const
{
    for (const Tenant &t : list(error)) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

QStringList TenantRepository::validate(const Tenant &tenant) const
{
    QStringList problems;
    static const QRegularExpression idSyntax(u"^[a-z0-9][a-z0-9_-]{0,62}$"_s);
    static const QRegularExpression numeric(u"^[0-9]{1,32}$"_s);
    if (!idSyntax.match(tenant.id).hasMatch())
        problems << u"tenant id '%1' must be 1-63 characters of a-z, 0-9, '-' or '_', starting "
                    "with a letter or digit"_s.arg(tenant.id);
    if (tenant.name.trimmed().isEmpty())
        problems << u"tenant name must not be empty"_s;
    auto checkIds = [&](const QStringList &ids, const QString &kind, const QString &label) {
        QStringList seen;
        for (const QString &v : ids) {
            if (!numeric.match(v).hasMatch()) {
                problems << u"%1 '%2' must be numeric"_s.arg(label, v);
                continue;
            }
            if (seen.contains(v))
                problems << u"%1 '%2' is given twice"_s.arg(label, v);
            seen << v;
            QSqlQuery q(m_db.db());
            q.prepare(u"SELECT tenant_id FROM tenant_routes WHERE kind = ? AND value = ?"_s);
            q.addBindValue(kind);
            q.addBindValue(v);
            if (q.exec() && q.next() && q.value(0).toString() != tenant.id)
                problems << u"%1 '%2' already belongs to tenant '%3'"_s.arg(label, v,
                                                                            q.value(0).toString());
        }
    };
    checkIds(tenant.wabaIds, u"waba"_s, u"WABA ID"_s);
    checkIds(tenant.phoneNumberIds, u"phone_number_id"_s, u"phone number ID"_s);
    return problems;
}

bool TenantRepository::writeRoutes(const Tenant &tenant, QString *error)
{
    QSqlQuery del(m_db.db());
    del.prepare(u"DELETE FROM tenant_routes WHERE tenant_id = ?"_s);
    del.addBindValue(tenant.id);
    if (!run(del, error))
        return false;
    auto insert = [&](const QStringList &values, const QString &kind) {
        for (const QString &v : values) {
            QSqlQuery q(m_db.db());
            q.prepare(u"INSERT INTO tenant_routes (kind, value, tenant_id) VALUES (?, ?, ?)"_s);
            q.addBindValue(kind);
            q.addBindValue(v);
            q.addBindValue(tenant.id);
            if (!run(q, error))
                return false;
        }
        return true;
    };
    return insert(tenant.wabaIds, u"waba"_s) && insert(tenant.phoneNumberIds, u"phone_number_id"_s);
}

bool TenantRepository::add(const Tenant &tenant, QString *error)
{
    const QStringList problems = validate(tenant);
    if (!problems.isEmpty()) {
        *error = problems.join(u"; "_s);
        return false;
    }
    return m_db.inWriteTransaction(error, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QSqlQuery q(m_db.db());
        q.prepare(u"INSERT INTO tenants (id, name, enabled, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
        q.addBindValue(tenant.id);
        q.addBindValue(tenant.name.trimmed());
        q.addBindValue(tenant.enabled ? 1 : 0);
        q.addBindValue(now);
        q.addBindValue(now);
        // A conflict is reported as "nothing inserted" rather than as an error, which would
        // abort a PostgreSQL transaction.
        if (!run(q, error))
            return false;
        if (q.numRowsAffected() != 1) {
            *error = u"tenant '%1' already exists"_s.arg(tenant.id);
            return false;
        }
        return writeRoutes(tenant, error) && m_db.bumpConfigRevision(error);
    });
}

bool TenantRepository::update(const Tenant &tenant, QString *error)
{
    const QStringList problems = validate(tenant);
    if (!problems.isEmpty()) {
        *error = problems.join(u"; "_s);
        return false;
    }
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery q(m_db.db());
        q.prepare(u"UPDATE tenants SET name = ?, enabled = ?, updated_at = ? WHERE id = ?"_s);
        q.addBindValue(tenant.name.trimmed());
        q.addBindValue(tenant.enabled ? 1 : 0);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(tenant.id);
        if (!run(q, error))
            return false;
        if (q.numRowsAffected() != 1) {
            *error = u"no tenant '%1'"_s.arg(tenant.id);
            return false;
        }
        return writeRoutes(tenant, error) && m_db.bumpConfigRevision(error);
    });
}

bool TenantRepository::remove(const QString &id, QString *error)
{
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery q(m_db.db());
        q.prepare(u"DELETE FROM tenants WHERE id = ?"_s);
        q.addBindValue(id);
        if (!run(q, error))
            return false;
        if (q.numRowsAffected() != 1) {
            *error = u"no tenant '%1'"_s.arg(id);
            return false;
        }
        return m_db.bumpConfigRevision(error);
    });
}

} // namespace gerbang
