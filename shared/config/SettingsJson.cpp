// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsJson.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gerbang {

QJsonArray settingsJson(const Settings &settings, const Settings *running)
{
    QJsonArray out;
    for (const SettingDef &def : Settings::definitions()) {
        const QString value = settings.value(def.key);
        const auto text = [&def](const QString &v) {
            return def.secret ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
        };
        out.append(QJsonObject{
            {u"key"_s, def.key},
            {u"value"_s, text(value)},
            {u"is_set"_s, !value.isEmpty()},
            {u"secret"_s, def.secret},
            {u"default"_s, text(def.defaultValue)},
            {u"source"_s, wire(settings.source(def.key))},
            {u"env"_s, def.env.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(def.env)},
            {u"min"_s, def.isInteger() ? QJsonValue(def.min) : QJsonValue(QJsonValue::Null)},
            {u"max"_s, def.isInteger() ? QJsonValue(def.max) : QJsonValue(QJsonValue::Null)},
            {u"applies"_s, def.apply == SettingApply::Reload ? u"reload"_s : u"restart"_s},
            {u"restart_pending"_s,
             running && def.apply == SettingApply::Restart && running->value(def.key) != value},
            {u"label"_s, def.englishLabel()}});
    }
    return out;
}

const SettingState *SettingsListing::find(const QString &key) const
{
    for (const SettingState &s : items) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

QJsonObject settingsListingJson(const QString &configFile, const Settings &settings,
                                const Settings *running)
{
    return {{u"config_file"_s, configFile}, {u"settings"_s, settingsJson(settings, running)}};
}

SettingsListing settingsListingFromJson(const QJsonObject &o)
{
    SettingsListing out;
    out.configFile = o.value(u"config_file"_s).toString();
    for (const QJsonValue &v : o.value(u"settings"_s).toArray()) {
        const QJsonObject s = v.toObject();
        out.items.append(SettingState{s.value(u"key"_s).toString(), s.value(u"value"_s).toString(),
                                      s.value(u"is_set"_s).toBool(),
                                      fromWire<SettingSource>(s.value(u"source"_s).toString())
                                          .value_or(SettingSource::Default),
                                      s.value(u"restart_pending"_s).toBool()});
    }
    return out;
}

} // namespace gerbang
