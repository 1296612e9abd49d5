// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Source.h"
#include "domain/Tenant.h"
#include "service/AdminService.h"

#include <QJsonObject>

namespace gerbang {

// The admin API's request bodies for changes, as its routes read them (gateway/admin/
// AdminApiChanges.cpp): one writer for every client of the API, gerbangctl --gateway and the
// console attached to a gateway.
namespace adminrequest {

// POST /admin/v1/tenants
QJsonObject addTenant(const Tenant &t);
// PATCH /admin/v1/tenants/{id}: only what the patch sets.
QJsonObject updateTenant(const TenantPatch &patch);
// POST /admin/v1/sources: what is not set is left to the gateway's defaults.
QJsonObject addSource(const Source &s);

} // namespace adminrequest
} // namespace gerbang
