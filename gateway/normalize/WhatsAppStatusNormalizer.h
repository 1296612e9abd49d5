// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NormalizeSupport.h"

namespace gerbang::normalize {

// One object of `value.statuses[]` → gerbang.normalized_status/1: the wamid it is about, the
// recipient as a hash, error codes, pricing and conversation. Statuses may arrive out of order
// and `delivered` may never come; ordering them is the core's job, by `timestamp`.
NormalizeResult normalizeWhatsAppStatus(const Input &in, const WhatsAppPlace &place);

} // namespace gerbang::normalize
