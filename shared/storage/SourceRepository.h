// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Source.h"

#include <QList>

namespace gerbang {

class Database;

// Sources of the payment providers and generic senders. Changes bump the configuration
// revision, so a running engine picks them up within a second.
class SourceRepository
{
public:
    explicit SourceRepository(Database &db)
        : m_db(db)
    {
    }

    QList<Source> list(QString *error) const;
    QStringList validate(const Source &source) const;
    bool add(const Source &source, QString *error);
    bool remove(const QString &name, QString *error);

private:
    Database &m_db;
};

} // namespace gerbang
