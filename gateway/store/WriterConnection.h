// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <memory>

namespace gerbang {

class IngestStatements;

// The writer thread's database connection and the prepared statements of the hot path. A
// PostgreSQL connection the server closed is reopened by Database; the statements prepared
// on it are then prepared again, inside the transaction that noticed.
class WriterConnection
{
public:
    WriterConnection();
    ~WriterConnection();

    bool open(const Database::Options &options, QString *error);
    void close();
    Database &db() { return *m_db; }
    IngestStatements &statements() { return *m_statements; }
    // Inside a transaction: prepares the statements again when the connection changed.
    bool refreshStatements(QString *error);
    // After the transaction: statements replaced inside it are freed here, outside it (freeing
    // one of a lost connection fails, and a failure inside a PostgreSQL transaction aborts it).
    void releaseStale();
    // A real write, rolled back: proves the database is reachable and writable now (/ready).
    bool probeWritable(QString *error);

private:
    bool prepare(QString *error);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<IngestStatements> m_statements;
    std::unique_ptr<IngestStatements> m_stale;
    int m_generation = -1; // the connection the statements were prepared on
};

} // namespace gerbang
