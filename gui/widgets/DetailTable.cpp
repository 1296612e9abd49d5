// SPDX-License-Identifier: GPL-3.0-or-later
#include "DetailTable.h"

#include "domain/Ids.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace gerbang {

void DetailTable::add(const QString &key, const QString &value)
{
    m_html +=
        u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(key.toHtmlEscaped(), value.toHtmlEscaped());
}

QString DetailTable::time(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::LongFormat) +
           u" (%1)"_s.arg(isoUtc(ms));
}

} // namespace gerbang
