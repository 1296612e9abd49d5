// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// Who makes a change or reads what must be audited, as the audit row records it: the admin
// token's name for the admin API, "os:USER" for the local tools (gerbangctl, the console's
// embedded mode), and by which path.
struct Actor
{
    QString name;
    QString method;     // "API", "CLI", "CONSOLE": the audit row's method
    QString path;       // the route or command, e.g. "gerbangctl tenant update": its path
    QString address;    // the client address; "local" for the local tools
    int httpStatus = 0; // what the admin API answers a successful request; 0 for local tools

    // The operating-system user running this process, through `method` and `path`.
    static Actor local(const QString &method, const QString &path);
    // "os:USER" for the effective user of this process.
    static QString localUserName();
};

} // namespace gerbang
