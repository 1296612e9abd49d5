// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Vocabulary.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace gerbang {

// The body of an admin API change: one JSON object, strictly. Unknown fields are refused
// (a misspelt "enabled" must not silently leave a tenant on), and so is any value of the
// wrong type. Reading stops at the first problem, which refusal() then reports.
class JsonBody
{
public:
    struct Refusal
    {
        ApiError code;
        QString message;
    };

    JsonBody(const QByteArray &body, QList<QLatin1StringView> fields);

    // Each getter: nullopt when the field is absent (a refusal when `required`) or after a
    // refusal.
    std::optional<QString> text(QLatin1StringView key, bool required = false, int maxLength = 256);
    std::optional<bool> flag(QLatin1StringView key);
    std::optional<qint64> number(QLatin1StringView key, qint64 min, qint64 max);
    std::optional<QStringList> textList(QLatin1StringView key, int maxItems = 1000,
                                        int maxLength = 256);
    // An object of at most `maxItems` members whose values are strings or whole numbers (as
    // text): settings.
    std::optional<QHash<QString, QString>> textMap(QLatin1StringView key, int maxItems = 100,
                                                   int maxLength = 4096);
    // An array of whole numbers, each from 1 up (row ids).
    std::optional<QList<qint64>> idList(QLatin1StringView key, int maxItems = 1000);

    const std::optional<Refusal> &refusal() const { return m_refusal; }

private:
    std::optional<QJsonValue> field(QLatin1StringView key, bool required);
    void refuse(ApiError code, const QString &message);

    QJsonObject m_object;
    std::optional<Refusal> m_refusal;
};

} // namespace gerbang
