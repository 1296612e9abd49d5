// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Vocabulary.h"

#include <QString>

class QWidget;

namespace gerbang {

class Backend;

// Controls a token's role may not use are disabled before anyone clicks them, with a tooltip
// that names the role they need (never a refusal after the click).
namespace rolegate {

// Why the backend's role may not do what needs `needed`; empty when it may.
QString refusal(const Backend &backend, AdminRole needed);
// Enables `widget` when `enabled` and the role allows `needed`. Disabled for the role, its
// tooltip says why; once allowed again, the widget's own tooltip comes back.
void apply(QWidget *widget, const Backend &backend, AdminRole needed, bool enabled = true);

} // namespace rolegate
} // namespace gerbang
