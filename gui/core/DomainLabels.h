// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Vocabulary.h"

#include <QString>

// The console's words for the domain vocabulary (shared/domain/Vocabulary.h), in the current
// language. Wire names stay in the data (filters, CSV); these are what a person reads.
namespace gerbang::labels {

QString of(Provider value);
QString of(Outcome value);
QString of(SignatureStatus value);
QString of(DeliveryState value);
QString of(AlertKind value);
QString of(AdminRole value);
QString of(GatewayState value);

// The label of a wire name read from the database; an unknown name (written by a newer
// version) is shown as it is.
template <typename E> QString ofWire(const QString &wireName)
{
    const std::optional<E> value = fromWire<E>(wireName);
    return value ? of(*value) : wireName;
}

} // namespace gerbang::labels
