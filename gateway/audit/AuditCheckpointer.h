// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace gerbang {

class AuditSigningKey;
struct AuditCheckpoint;

// Signs this gateway's audit chain head at a fixed interval (and the chain of rows written
// before the chain existed, once), from the background thread with its own connection. The
// last checkpoint, at shutdown, is signOnce() after the writers stopped.
class AuditCheckpointer : public QObject
{
    Q_OBJECT
public:
    AuditCheckpointer(Database::Options db, QString dataDir, qint64 intervalMs,
                      QObject *parent = nullptr);
    ~AuditCheckpointer() override;

    bool open(QString *error);
    void shutdown();

    // Signs the chain of `db`'s writer now (reason "shutdown", "on_demand", ...), with the key
    // of `dataDir` (created when missing). False with `*error` when it could not.
    static bool signOnce(Database &db, const QString &dataDir, const QString &reason,
                         QString *error);

Q_SIGNALS:
    // A new checkpoint, for a copy outside the database (the alert URL).
    void signedCheckpoint(const QJsonObject &checkpoint);

private:
    void tick();

    Database::Options m_dbOptions;
    QString m_dataDir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuditSigningKey> m_key;
    QTimer m_timer{this};
};

} // namespace gerbang
