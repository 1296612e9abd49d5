// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminRequests.h"

#include "storage/RecordJson.h"

using namespace Qt::StringLiterals;

namespace gerbang::adminrequest {

QJsonObject addTenant(const Tenant &t)
{
    return {{u"id"_s, t.id},
            {u"name"_s, t.name},
            {u"enabled"_s, t.enabled},
            {u"waba_ids"_s, toJsonArray(t.wabaIds)},
            {u"phone_number_ids"_s, toJsonArray(t.phoneNumberIds)}};
}

QJsonObject updateTenant(const TenantPatch &patch)
{
    QJsonObject o;
    if (patch.name)
        o.insert(u"name"_s, *patch.name);
    if (patch.enabled)
        o.insert(u"enabled"_s, *patch.enabled);
    if (patch.wabaIds)
        o.insert(u"waba_ids"_s, toJsonArray(*patch.wabaIds));
    if (patch.phoneNumberIds)
        o.insert(u"phone_number_ids"_s, toJsonArray(*patch.phoneNumberIds));
    return o;
}

QJsonObject addSource(const Source &s)
{
    QJsonObject o{{u"name"_s, s.name}, {u"provider"_s, s.provider}};
    if (!s.tenant.isEmpty())
        o.insert(u"tenant"_s, s.tenant);
    if (s.toleranceSecs > 0)
        o.insert(u"tolerance_s"_s, s.toleranceSecs);
    if (!s.dedupField.isEmpty())
        o.insert(u"dedup_field"_s, s.dedupField);
    if (s.failureStatus != Source{}.failureStatus)
        o.insert(u"failure_status"_s, s.failureStatus);
    if (s.bodyLimit > 0)
        o.insert(u"body_limit"_s, s.bodyLimit);
    return o;
}

} // namespace gerbang::adminrequest
