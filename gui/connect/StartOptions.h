// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace gerbang {

// The console's own command-line options; everything else is the embedded gateway's (the
// options gerbangd takes, read by Console).
//   --connect URL|PROFILE     attach to a running gateway instead of running one here
//   --trust-fingerprint SHA256   the certificate to trust without asking (unattended starts)
//   --print-stats             attached: print the first statistics as JSON and exit
//                             (exit 0; 2 refused; 3 no statistics within --timeout seconds)
//   --timeout SECONDS         for --print-stats (default 20)
struct StartOptions
{
    QString connect;
    QString trustFingerprint;
    bool printStats = false;
    int timeoutSecs = 20;
    QStringList rest; // the program name and the embedded gateway's options
    QString error;    // a bad option, for people

    static StartOptions parse(const QStringList &arguments);
};

} // namespace gerbang
