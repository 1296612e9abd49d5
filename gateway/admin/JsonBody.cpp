// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gerbang {

JsonBody::JsonBody(const QByteArray &body, QList<QLatin1StringView> fields)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        refuse(ApiError::InvalidJson,
               u"the body is not JSON: %1 at offset %2"_s.arg(parseError.errorString())
                   .arg(parseError.offset));
        return;
    }
    if (!doc.isObject()) {
        refuse(ApiError::InvalidJson, u"the body must be one JSON object"_s);
        return;
    }
    m_object = doc.object();
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!fields.contains(it.key())) {
            QStringList known;
            for (QLatin1StringView f : fields)
                known << QString(f);
            refuse(ApiError::UnknownField,
                   u"unknown field '%1'; this route takes: %2"_s.arg(
                       it.key().left(64), known.isEmpty() ? u"no body"_s : known.join(u", "_s)));
            return;
        }
    }
}

void JsonBody::refuse(ApiError code, const QString &message)
{
    if (!m_refusal)
        m_refusal = Refusal{code, message};
}

std::optional<QJsonValue> JsonBody::field(QLatin1StringView key, bool required)
{
    if (m_refusal)
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            refuse(ApiError::InvalidValue, u"'%1' is required"_s.arg(key));
        return std::nullopt;
    }
    return v;
}

std::optional<QString> JsonBody::text(QLatin1StringView key, bool required, int maxLength)
{
    const std::optional<QJsonValue> v = field(key, required);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        refuse(ApiError::InvalidValue, u"'%1' must be a string"_s.arg(key));
        return std::nullopt;
    }
    if (v->toString().size() > maxLength) {
        refuse(ApiError::InvalidValue,
               u"'%1' is longer than %2 characters"_s.arg(key).arg(maxLength));
        return std::nullopt;
    }
    return v->toString();
}

std::optional<bool> JsonBody::flag(QLatin1StringView key)
{
    const std::optional<QJsonValue> v = field(key, false);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        refuse(ApiError::InvalidValue, u"'%1' must be true or false"_s.arg(key));
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<qint64> JsonBody::number(QLatin1StringView key, qint64 min, qint64 max)
{
    const std::optional<QJsonValue> v = field(key, false);
    if (!v)
        return std::nullopt;
    const double d = v->toDouble(std::nan(""));
    if (!v->isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
        refuse(ApiError::InvalidValue,
               u"'%1' must be a whole number from %2 to %3"_s.arg(key).arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<QStringList> JsonBody::textList(QLatin1StringView key, int maxItems, int maxLength)
{
    const std::optional<QJsonValue> v = field(key, false);
    if (!v)
        return std::nullopt;
    const QJsonArray array = v->toArray();
    bool ok = v->isArray() && array.size() <= maxItems;
    QStringList out;
    for (const QJsonValue &item : array) {
        ok = ok && item.isString() && item.toString().size() <= maxLength;
        out << item.toString();
    }
    if (!ok) {
        refuse(ApiError::InvalidValue,
               u"'%1' must be an array of at most %2 strings"_s.arg(key).arg(maxItems));
        return std::nullopt;
    }
    return out;
}

std::optional<QList<qint64>> JsonBody::idList(QLatin1StringView key, int maxItems)
{
    const std::optional<QJsonValue> v = field(key, false);
    if (!v)
        return std::nullopt;
    const QJsonArray array = v->toArray();
    bool ok = v->isArray() && array.size() <= maxItems;
    QList<qint64> out;
    for (const QJsonValue &item : array) {
        const double d = item.toDouble(0);
        // Beyond 2^53 a double no longer holds every whole number.
        ok = ok && item.isDouble() && d == std::floor(d) && d >= 1 && d <= 9007199254740991.0;
        out << qint64(d);
    }
    if (!ok) {
        refuse(ApiError::InvalidValue,
               u"'%1' must be an array of at most %2 ids (whole numbers from 1)"_s.arg(key).arg(
                   maxItems));
        return std::nullopt;
    }
    return out;
}

std::optional<QHash<QString, QString>> JsonBody::textMap(QLatin1StringView key, int maxItems,
                                                         int maxLength)
{
    const std::optional<QJsonValue> v = field(key, false);
    if (!v)
        return std::nullopt;
    const QJsonObject object = v->toObject();
    bool ok = v->isObject() && object.size() <= maxItems;
    QHash<QString, QString> out;
    for (auto it = object.constBegin(); ok && it != object.constEnd(); ++it) {
        const double d = it.value().toDouble(0.5);
        if (it.value().isString() && it.value().toString().size() <= maxLength)
            out.insert(it.key(), it.value().toString());
        else if (it.value().isDouble() && d == std::floor(d) && std::abs(d) < 1e15)
            out.insert(it.key(), QString::number(qint64(d)));
        else
            ok = false;
    }
    if (!ok) {
        refuse(ApiError::InvalidValue,
               u"'%1' must be an object of at most %2 members, each a string or a whole "
               "number"_s.arg(key)
                   .arg(maxItems));
        return std::nullopt;
    }
    return out;
}

} // namespace gerbang
