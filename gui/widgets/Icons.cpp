// SPDX-License-Identifier: GPL-3.0-or-later
#include "Icons.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace gerbang::Icons {

QIcon get(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(u":/icons/%1.svg"_s.arg(name)));
    return *it;
}

QIcon application()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/gerbang.svg"_s, QSize(size, size));
    return icon;
}

} // namespace gerbang::Icons
