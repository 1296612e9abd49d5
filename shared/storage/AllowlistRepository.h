// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace gerbang {

class Database;

// IP allowlists by scope: "*" applies to every route, a source name ("whatsapp",
// "whatsapp:APP" or a provider source) to that source's route only. An empty scope means
// "no restriction". Entries are validated CIDR text; parsing into networks is the engine's.
class AllowlistRepository
{
public:
    static constexpr QStringView kGlobal = u"*";

    explicit AllowlistRepository(Database &db)
        : m_db(db)
    {
    }

    // Replaces the whole list of one scope (an empty list lifts the restriction).
    bool replace(const QString &scope, const QStringList &networks, QString *error);
    QHash<QString, QStringList> all(QString *error) const;

private:
    Database &m_db;
};

} // namespace gerbang
