// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl key rotate
#include "Cli.h"
#include "Output.h"
#include "config/DataDirLock.h"
#include "crypto/Crypto.h"
#include "crypto/Vault.h"
#include "storage/Database.h"
#include "storage/KeyRotation.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

// Makes a rename durable: the directory entry itself must reach the disk.
bool syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

int rotate(Invocation &inv)
{
    if (auto rc = inv.parseAndOpen(0, 0, true))
        return *rc;
    const QString dataDir = inv.dataDir();
    // Every engine must be stopped: it would go on sealing with the old key.
    DataDirLock lock;
    QString error;
    if (!lock.acquire(dataDir, &error))
        return inv.fail(error + u"; stop it first (e.g. systemctl stop gerbangd)"_s);
    // Gateways on other machines sharing a PostgreSQL database hold no lock here.
    const int others = engineConnectionsElsewhere(inv.database(), &error);
    if (others < 0)
        return inv.fail(error);
    if (others > 0)
        return inv.fail(u"%1 connection(s) of running gateways or consoles use the database %2; "
                        "stop every gateway sharing it first"_s.arg(others)
                            .arg(inv.database().describe()));

    const bool fromEnvironment =
        QProcessEnvironment::systemEnvironment().contains(u"GERBANG_MASTER_KEY"_s);
    QByteArray newKey;
    const QString keyPath = Vault::keyFilePath(dataDir);
    const QString pendingPath = Vault::pendingKeyFilePath(dataDir);
    if (fromEnvironment) {
        // The admin manages the key: the new one comes on standard input, never argv.
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return inv.fail(u"cannot read standard input"_s);
        QByteArray input = in.readAll();
        const std::optional<QByteArray> decoded = Vault::decodeKey(input);
        crypto::cleanse(&input);
        if (!decoded)
            return inv.fail(u"the master key comes from GERBANG_MASTER_KEY: give the new key "
                            "(base64 of 32 bytes, e.g. from 'openssl rand -base64 32') on standard "
                            "input"_s);
        newKey = *decoded;
    } else if (QFile::exists(pendingPath)) {
        // An interrupted rotation: finish it with the key it had already written.
        const auto pending = Vault::readKeyFile(pendingPath, &error);
        if (!pending)
            return inv.fail(error);
        newKey = *pending;
        printOut(u"resuming an interrupted rotation\n"_s);
    } else {
        // Written (and synced) before any record moves, so a crash at any point leaves every
        // record readable with master.key or master.key.pending.
        newKey = crypto::randomBytes(32);
        if (!Vault::writeKeyFile(pendingPath, newKey, &error))
            return inv.fail(error);
    }

    KeyRotationResult result;
    if (!reencryptAll(inv.database(), inv.vault(), newKey, &result, &error))
        return inv.fail(u"key rotation failed, nothing changed: "_s + error);
    if (!inv.database().bumpConfigRevision(&error))
        return inv.fail(error);

    if (!fromEnvironment) {
        if (::rename(QFile::encodeName(pendingPath).constData(),
                     QFile::encodeName(keyPath).constData()) != 0 ||
            !syncDirectory(dataDir))
            return inv.fail(u"records were re-encrypted but %1 could not replace %2; run 'key "
                            "rotate' again to finish"_s.arg(pendingPath, keyPath));
        printOut(u"master key rotated: %1 secrets and %2 raw payloads re-encrypted.\n"
                 "Back up the new key file %3 now; the old key no longer opens anything.\n"_s
                     .arg(result.secrets)
                     .arg(result.payloads)
                     .arg(keyPath));
    } else {
        printOut(u"master key rotated: %1 secrets and %2 raw payloads re-encrypted.\n"
                 "Set GERBANG_MASTER_KEY to the new key before starting Gerbang again.\n"_s
                     .arg(result.secrets)
                     .arg(result.payloads));
    }
    return ExitOk;
}

} // namespace

Group keyGroup()
{
    return {u"key"_s,
            u"The master key that seals secrets and raw payloads. Stop every engine using the "
            "data directory before rotating."_s,
            {
                {u"rotate"_s, u"(with GERBANG_MASTER_KEY: the new key on standard input)"_s,
                 u"Create a new master key and re-encrypt every secret and raw payload with it, "
                 "in one transaction."_s,
                 rotate},
            }};
}

} // namespace gerbang::ctl
