// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// One alert as every channel carries it (log line, audit row, statistics, live channel,
// signed POST, console). `value` and `threshold` are in the kind's unit:
//   silence               seconds since the source's last request / its threshold
//   delivery_backlog      age in seconds of the oldest undelivered event / the threshold
//   dead_letters          dead letters waiting / 1
//   certificate_expiring  seconds until it expires / the warning lead time
//   disk_space_low        free bytes in the data directory / the threshold
//   database_unavailable  seconds the database has been failing / the threshold
//   signature_failures    uses `count` and `windowSecs` instead
struct AlertInfo
{
    qint64 atMs = 0;
    QString source{};     // what it is about: a source name, a certificate file, a directory
    QString kind{};       // AlertKind's wire name
    qint64 count = 0;     // signature_failures: failures within the window
    int windowSecs = 0;   // signature_failures: the window
    QString state{};      // AlertState's wire name; empty is read as "raised"
    qint64 value = 0;     // see above
    qint64 threshold = 0; // see above
    qint64 untilMs = 0;   // certificate: when it expires; disk: when it is predicted full; 0
    QString detail{};     // an error message (never a secret), e.g. why a reload failed

    bool resolved() const;
};

} // namespace gerbang
