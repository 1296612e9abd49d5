// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace gerbang::Icons {

// One consistent line-icon set, drawn for Gerbang and shipped in resources/icons (":/icons").
QIcon get(const QString &name);
// The application icon (several sizes).
QIcon application();

} // namespace gerbang::Icons
