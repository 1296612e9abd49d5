// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartOptions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace gerbang {

StartOptions StartOptions::parse(const QStringList &arguments)
{
    StartOptions o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const auto value = [&](QString *into) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(u"--"_s)) {
                o.error = QCoreApplication::translate("StartOptions", "%1 needs a value").arg(a);
                return false;
            }
            *into = arguments.at(++i);
            return true;
        };
        QString text;
        if (a == u"--connect"_s) {
            value(&o.connect);
        } else if (a == u"--trust-fingerprint"_s) {
            value(&o.trustFingerprint);
        } else if (a == u"--print-stats"_s) {
            o.printStats = true;
        } else if (a == u"--timeout"_s) {
            if (value(&text)) {
                bool ok = false;
                o.timeoutSecs = text.toInt(&ok);
                if (!ok || o.timeoutSecs < 1)
                    o.error = QCoreApplication::translate("StartOptions",
                                                          "--timeout needs a number of seconds");
            }
        } else {
            o.rest << a;
        }
    }
    if (o.error.isEmpty() && o.connect.isEmpty() && (o.printStats || !o.trustFingerprint.isEmpty()))
        o.error = QCoreApplication::translate(
            "StartOptions", "--print-stats and --trust-fingerprint need --connect");
    return o;
}

} // namespace gerbang
