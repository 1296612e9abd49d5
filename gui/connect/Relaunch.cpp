// SPDX-License-Identifier: GPL-3.0-or-later
#include "Relaunch.h"

#include "TokenKeyring.h"

#include <QCoreApplication>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QString start(const ConnectDialog::Choice &choice, const QByteArray &token)
{
    QProcess process;
    process.setProgram(QCoreApplication::applicationFilePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"GERBANG_ADMIN_TOKEN"_s);
    if (choice.here) {
        process.setArguments({});
    } else {
        process.setArguments({u"--connect"_s, choice.profile.name});
        if (!token.isEmpty())
            env.insert(u"GERBANG_ADMIN_TOKEN"_s, QString::fromUtf8(token));
    }
    process.setProcessEnvironment(env);
    if (!process.startDetached())
        return QCoreApplication::translate("Relaunch", "Cannot start the console again: %1")
            .arg(process.errorString());
    return {};
}

} // namespace

void relaunchWith(const ConnectDialog::Choice &choice, QObject *receiver,
                  std::function<void(QString error)> done)
{
    if (choice.here) {
        ConnectionProfiles::setLast(QString());
        return done(start(choice, {}));
    }
    ConnectionProfiles::save(choice.profile);
    ConnectionProfiles::setLast(choice.profile.name);
    if (choice.token.isEmpty() || !choice.remember)
        return done(start(choice, choice.token));
    tokenkeyring::write(
        choice.profile.name, choice.token, receiver, [choice, done](const QString &error) {
            // Not kept: the new console gets it this once all the same.
            if (!error.isEmpty())
                qWarning("gerbang: the token was not saved in the keyring: %s", qPrintable(error));
            done(start(choice, error.isEmpty() ? QByteArray() : choice.token));
        });
}

} // namespace gerbang
