// SPDX-License-Identifier: GPL-3.0-or-later
#include "StorableText.h"

#include <algorithm>

namespace gerbang {

QString storableText(const QString &text)
{
    const bool unusual = std::any_of(text.cbegin(), text.cend(),
                                     [](QChar c) { return c.unicode() == 0 || c.isSurrogate(); });
    if (!unusual)
        return text;
    QString out = QString::fromUtf8(text.toUtf8()); // keeps surrogate pairs, replaces lone ones
    out.replace(QChar(u'\0'), QChar(QChar::ReplacementCharacter));
    return out;
}

} // namespace gerbang
