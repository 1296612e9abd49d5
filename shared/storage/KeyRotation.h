// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace gerbang {

class Database;
class Vault;

struct KeyRotationResult
{
    int secrets = 0;
    int payloads = 0;
};

// Re-encrypts every sealed record (secrets and raw payloads) from whatever key of `current`
// sealed it to `newMasterKey`, in one transaction: either every record moves or none does.
// Secret fingerprints are recomputed, since they are keyed by the master key.
bool reencryptAll(Database &db, const Vault &current, const QByteArray &newMasterKey,
                  KeyRotationResult *result, QString *error);

// PostgreSQL: how many connections of engines (gerbangd, the console) other processes hold on
// the database — every gateway sharing it must be stopped before a rotation, and the data
// directory's lock only covers this machine. 0 on SQLite; -1 with `error` set on failure.
int engineConnectionsElsewhere(Database &db, QString *error);

} // namespace gerbang
