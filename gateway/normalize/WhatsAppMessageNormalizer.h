// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NormalizeSupport.h"

namespace gerbang::normalize {

// One object of `value.messages[]` → gerbang.normalized_message/1. Keeps ids, hashes, media
// ids and reply ids; drops text, captions, names, numbers and places. A type this code does
// not know becomes "unknown" with its name in `original_type`, never an error.
NormalizeResult normalizeWhatsAppMessage(const Input &in, const WhatsAppPlace &place);

} // namespace gerbang::normalize
