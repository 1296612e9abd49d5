// SPDX-License-Identifier: GPL-3.0-or-later
#include "InstallationId.h"

#include "crypto/SecretFile.h"
#include "domain/Ids.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gerbang {

QString installationId(const QString &dataDir, QString *error)
{
    static const QRegularExpression valid(u"^gw_[0-9a-f]{32}$"_s);
    const QString path = QDir(dataDir).filePath(u"gateway-id"_s);
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromLatin1(file.readAll()).trimmed();
        if (valid.match(id).hasMatch())
            return id;
        *error = u"%1 does not hold a gateway id; delete it to make a new one"_s.arg(path);
        return {};
    }
    const QString id = newRecordId(u"gw_");
    if (!writePrivateFile(path, id.toLatin1() + '\n', error))
        return {};
    return id;
}

} // namespace gerbang
