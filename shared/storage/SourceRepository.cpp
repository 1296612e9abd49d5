// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceRepository.h"

#include "Database.h"
#include "domain/Vocabulary.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {

const QStringList &Source::providers()
{
    // Every provider but WhatsApp, whose apps are configured apart (secret set whatsapp[:APP]).
    static const QStringList list = [] {
        QStringList names = wireNames<Provider>();
        names.removeAll(wire(Provider::WhatsApp));
        return names;
    }();
    return list;
}

bool Source::routedByTenant(const QString &provider)
{
    const std::optional<Provider> p = fromWire<Provider>(provider);
    return p == Provider::Stripe || p == Provider::Midtrans || p == Provider::Xendit;
}

QString Source::route() const
{
    return u"/webhooks/%1/%2"_s.arg(provider, routedByTenant(provider) ? tenant : name);
}

QString Source::whatsAppRoute(const QString &app)
{
    return app.isEmpty() ? u"/whatsapp/webhook"_s : u"/whatsapp/webhook/"_s + app;
}

QList<Source> SourceRepository::list(QString *error) const
{
    QList<Source> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT name, provider, tenant_id, tolerance_s, dedup_field, failure_status, "
                "enabled, created_at, body_limit FROM sources ORDER BY created_at DESC, name"_s)) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        Source s;
        s.name = q.value(0).toString();
        s.provider = q.value(1).toString();
        s.tenant = q.value(2).toString();
        s.toleranceSecs = q.value(3).toInt();
        s.dedupField = q.value(4).toString();
        s.failureStatus = q.value(5).toInt();
        s.enabled = q.value(6).toInt() != 0;
        s.createdAtMs = q.value(7).toLongLong();
        s.bodyLimit = q.value(8).toLongLong();
        out << s;
    }
    return out;
}

QStringList SourceRepository::validate(const Source &s) const
{
    QStringList problems;
    static const QRegularExpression nameSyntax(u"^[a-z][a-z0-9_-]{0,62}$"_s);
    if (!nameSyntax.match(s.name).hasMatch())
        problems << u"source name '%1' must be 1-63 characters of a-z, 0-9, '-' or '_', starting "
                    "with a letter"_s.arg(s.name);
    if (s.name == u"whatsapp"_s || s.name.startsWith(u"whatsapp-"_s))
        problems
            << u"source names starting with 'whatsapp' are reserved for the Meta app secrets"_s;
    if (!Source::providers().contains(s.provider))
        problems << u"provider must be one of %1 (got '%2')"_s.arg(
            Source::providers().join(u", "_s), s.provider);
    if (Source::routedByTenant(s.provider) && s.tenant.isEmpty())
        problems << u"a %1 source needs --tenant (its route is /webhooks/%1/{tenant})"_s.arg(
            s.provider);
    if (!s.tenant.isEmpty()) {
        QSqlQuery q(m_db.db());
        q.prepare(u"SELECT 1 FROM tenants WHERE id = ?"_s);
        q.addBindValue(s.tenant);
        if (!q.exec() || !q.next())
            problems << u"no tenant '%1'"_s.arg(s.tenant);
    }
    if (Source::routedByTenant(s.provider) && !s.tenant.isEmpty()) {
        QSqlQuery q(m_db.db());
        q.prepare(u"SELECT name FROM sources WHERE provider = ? AND tenant_id = ? AND name <> ?"_s);
        q.addBindValue(s.provider);
        q.addBindValue(s.tenant);
        q.addBindValue(s.name);
        if (q.exec() && q.next())
            problems << u"tenant '%1' already has a %2 source ('%3')"_s.arg(s.tenant, s.provider,
                                                                            q.value(0).toString());
    }
    if (s.toleranceSecs < 0 || s.toleranceSecs > 86400)
        problems << u"tolerance must be from 1 to 86400 seconds"_s;
    if (!s.dedupField.isEmpty() && !s.dedupField.startsWith(u'/'))
        problems << u"dedup field must be a JSON pointer such as /id (got '%1')"_s.arg(
            s.dedupField);
    if (!s.dedupField.isEmpty() && s.provider != u"generic"_s)
        problems << u"--dedup-field applies to generic sources only"_s;
    if (s.bodyLimit < 0 || s.bodyLimit > (64LL << 20))
        problems << u"body limit must be from 1 byte to 64 MiB"_s;
    if (s.failureStatus < 400 || s.failureStatus > 499)
        problems << u"failure status must be a 4xx code (got %1)"_s.arg(s.failureStatus);
    return problems;
}

bool SourceRepository::add(const Source &s, QString *error)
{
    const QStringList problems = validate(s);
    if (!problems.isEmpty()) {
        *error = problems.join(u"; "_s);
        return false;
    }
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery q(m_db.db());
        q.prepare(
            u"INSERT INTO sources (name, provider, tenant_id, tolerance_s, dedup_field, "
            "failure_status, enabled, created_at, body_limit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING"_s);
        q.addBindValue(s.name);
        q.addBindValue(s.provider);
        q.addBindValue(s.tenant.isEmpty() ? QVariant() : QVariant(s.tenant));
        q.addBindValue(s.toleranceSecs > 0 ? QVariant(s.toleranceSecs) : QVariant());
        q.addBindValue(s.dedupField.isEmpty() ? QVariant() : QVariant(s.dedupField));
        q.addBindValue(s.failureStatus);
        q.addBindValue(s.enabled ? 1 : 0);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(s.bodyLimit > 0 ? QVariant(s.bodyLimit) : QVariant());
        // A conflict is reported as "nothing inserted" rather than as an error, which would
        // abort a PostgreSQL transaction.
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        if (q.numRowsAffected() != 1) {
            *error = u"source '%1' already exists"_s.arg(s.name);
            return false;
        }
        return m_db.bumpConfigRevision(error);
    });
}

bool SourceRepository::remove(const QString &name, QString *error)
{
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery q(m_db.db());
        q.prepare(u"DELETE FROM sources WHERE name = ?"_s);
        q.addBindValue(name);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        if (q.numRowsAffected() != 1) {
            *error = u"no source '%1'"_s.arg(name);
            return false;
        }
        return m_db.bumpConfigRevision(error);
    });
}

} // namespace gerbang
