// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NormalizeSupport.h"

namespace gerbang::normalize {

// Stripe, Midtrans, Xendit, generic and Standard Webhooks events →
// gerbang.normalized_event/1, with amount, currency and status where the provider states them.
NormalizeResult normalizeProviderEvent(const Input &in);

// WhatsApp changes that are neither messages nor statuses (account_update, template status,
// account-level errors, ...) → gerbang.normalized_event/1 with provider "whatsapp".
NormalizeResult normalizeWhatsAppChange(const Input &in, const WhatsAppPlace &place);

} // namespace gerbang::normalize
