// SPDX-License-Identifier: GPL-3.0-or-later
#include "InstallationId.h"

#include "crypto/SecretFile.h"
#include "domain/Ids.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gerbang {

namespace {

// The id in the file, or an empty string; `exists` says whether there was a file.
QString readId(const QString &path, bool *exists)
{
    static const QRegularExpression valid(u"^gw_[0-9a-f]{32}$"_s);
    QFile file(path);
    *exists = file.open(QIODevice::ReadOnly);
    const QString id = *exists ? QString::fromLatin1(file.readAll()).trimmed() : QString();
    return valid.match(id).hasMatch() ? id : QString();
}

} // namespace

QString existingInstallationId(const QString &dataDir)
{
    bool exists = false;
    return readId(QDir(dataDir).filePath(u"gateway-id"_s), &exists);
}

QString installationId(const QString &dataDir, QString *error)
{
    const QString path = QDir(dataDir).filePath(u"gateway-id"_s);
    bool exists = false;
    if (const QString id = readId(path, &exists); exists) {
        if (id.isEmpty())
            *error = u"%1 does not hold a gateway id; delete it to make a new one"_s.arg(path);
        return id;
    }
    const QString id = newRecordId(u"gw_");
    if (!writePrivateFile(path, id.toLatin1() + '\n', error))
        return {};
    return id;
}

} // namespace gerbang
