// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AlertTexts.h"
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
QString of(TestStep value);
QString of(StepState value);
QString of(SetupCheck value);
QString of(CheckState value);
// A source test's texts (shared/sourcetest/SourceTestReport.cpp) in the current language.
QString sourceTestText(const char *sourceText);
// The WhatsApp setup check's texts (shared/sourcetest/WhatsAppSetupCheck.cpp), likewise.
QString whatsAppCheckText(const char *sourceText);

// What an alert says and what to do next (shared/domain/AlertTexts.h), in the current language.
alerttexts::Text describe(const AlertInfo &alert);

// The label of a wire name read from the database; an unknown name (written by a newer
// version) is shown as it is.
template <typename E> QString ofWire(const QString &wireName)
{
    const std::optional<E> value = fromWire<E>(wireName);
    return value ? of(*value) : wireName;
}

} // namespace gerbang::labels
