// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestEvent.h"

#include "crypto/Crypto.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gerbang::testevent {
namespace {
constexpr qsizetype kLongestId = 64;
}

QString idOf(const QJsonObject &root)
{
    const QJsonValue v = root.value(kKey);
    if (!v.isString())
        return {};
    const QString id = v.toString();
    return id.size() <= kLongestId ? id : QString();
}

QString idOf(QByteArrayView body)
{
    if (!body.contains(QByteArrayView("\"gerbang_test\"")))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray());
    return doc.isObject() ? idOf(doc.object()) : QString();
}

QString auditDetailPattern(const QString &id)
{
    return u"%\""_s + kAuditKey + u"\":\""_s + (id.isEmpty() ? u"gtest_"_s : id + u'"') + u"%"_s;
}

bool isId(const QString &text)
{
    static const QRegularExpression shape(u"^gtest_[0-9a-f]{16}$"_s);
    return shape.match(text).hasMatch();
}

QString newId()
{
    return u"gtest_"_s + QString::fromLatin1(crypto::randomBytes(8).toHex());
}

} // namespace gerbang::testevent
