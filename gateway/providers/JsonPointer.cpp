// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonPointer.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gerbang {

bool parseJsonPointer(QStringView pointer, QStringList *tokens)
{
    tokens->clear();
    if (pointer.isEmpty())
        return true;
    if (pointer.front() != u'/')
        return false;
    for (QStringView raw : pointer.sliced(1).split(u'/')) {
        QString token;
        token.reserve(raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] != u'~') {
                token += raw[i];
                continue;
            }
            // Decoding "~01" must give "~1", not "/": one escape at a time, left to right.
            if (i + 1 >= raw.size() || (raw[i + 1] != u'0' && raw[i + 1] != u'1'))
                return false;
            token += raw[i + 1] == u'0' ? u'~' : u'/';
            ++i;
        }
        tokens->append(token);
    }
    return true;
}

bool resolveJsonPointer(const QJsonValue &root, QStringView pointer, QJsonValue *out)
{
    QStringList tokens;
    if (!parseJsonPointer(pointer, &tokens))
        return false;
    QJsonValue current = root;
    for (const QString &token : tokens) {
        if (current.isObject()) {
            const QJsonObject o = current.toObject();
            const auto it = o.constFind(token);
            if (it == o.constEnd())
                return false;
            current = it.value();
        } else if (current.isArray()) {
            const QJsonArray a = current.toArray();
            // RFC 6901 §4: digits only, no leading zero (so "01", "+1", " 1" name nothing).
            if (token.isEmpty() || token.size() > 9 || (token.size() > 1 && token.front() == u'0'))
                return false;
            qsizetype index = 0;
            for (QChar c : token) {
                if (c < u'0' || c > u'9')
                    return false;
                index = index * 10 + (c.unicode() - u'0');
            }
            if (index >= a.size())
                return false;
            current = a.at(index);
        } else {
            return false;
        }
    }
    *out = current;
    return true;
}

} // namespace gerbang
