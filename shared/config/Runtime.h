// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Settings.h"
#include "storage/DatabaseTarget.h"

#include <QCommandLineParser>
#include <memory>

namespace gerbang {

class Vault;

// What every Gerbang program resolves the same way at start: configuration (file,
// environment, command line), the data directory (created 0700), the database (SQLite in the
// data directory, or PostgreSQL from storage/database_url) and the master key.
struct Runtime
{
    Settings settings;
    DatabaseTarget database;
    std::shared_ptr<const Vault> vault;
    bool keyCreated = false;

    // Adds --config, --data-dir and --listen to a parser.
    static void addOptions(QCommandLineParser &parser);
    // Reads the options of addOptions() and the environment. `withVault` also loads or
    // creates the master key.
    bool prepare(const QCommandLineParser &parser, bool withVault, QString *error);
};

} // namespace gerbang
