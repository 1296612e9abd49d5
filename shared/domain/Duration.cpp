// SPDX-License-Identifier: GPL-3.0-or-later
#include "Duration.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gerbang {

qint64 parseDuration(const QString &text)
{
    static const QRegularExpression syntax(u"^([0-9]{1,6})([smhd])$"_s);
    const QRegularExpressionMatch m = syntax.match(text.trimmed());
    if (!m.hasMatch())
        return 0;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).front();
    const qint64 unitMs = unit == u's'   ? 1000
                          : unit == u'm' ? 60'000
                          : unit == u'h' ? 3'600'000
                                         : 86'400'000;
    return n * unitMs;
}

} // namespace gerbang
