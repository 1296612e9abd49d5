// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace gerbang {

// The admin tokens of saved connections, in the operating system's keyring through QtKeychain
// (Secret Service or KWallet on Linux, Credential Manager on Windows, Keychain on macOS); never
// in a plain file: QtKeychain's insecure fallback stays off. Asynchronous: `done` runs on the
// calling thread with the result, unless `receiver` is gone.
namespace tokenkeyring {

// `error` empty and `token` empty: nothing saved for that profile.
void read(const QString &profile, QObject *receiver,
          std::function<void(QByteArray token, QString error)> done);
void write(const QString &profile, const QByteArray &token, QObject *receiver,
           std::function<void(QString error)> done);
void forget(const QString &profile, QObject *receiver, std::function<void(QString error)> done);

} // namespace tokenkeyring
} // namespace gerbang
