// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoleGate.h"

#include "DomainLabels.h"
#include "backend/Backend.h"

#include <QCoreApplication>
#include <QVariant>
#include <QWidget>

namespace gerbang::rolegate {
namespace {

constexpr const char *kOwnTip = "gerbangOwnToolTip";
constexpr const char *kGated = "gerbangRoleGated";

} // namespace

QString refusal(const Backend &backend, AdminRole needed)
{
    if (backend.allows(needed))
        return {};
    return QCoreApplication::translate(
               "RoleGate", "Needs the %1 role; this connection's token has the %2 role.")
        .arg(labels::of(needed), labels::of(backend.role()));
}

void apply(QWidget *widget, const Backend &backend, AdminRole needed, bool enabled)
{
    const QString why = refusal(backend, needed);
    const bool gated = widget->property(kGated).toBool();
    if (!why.isEmpty()) {
        if (!gated)
            widget->setProperty(kOwnTip, widget->toolTip());
        widget->setProperty(kGated, true);
        widget->setToolTip(why);
        widget->setEnabled(false);
        return;
    }
    if (gated) {
        widget->setToolTip(widget->property(kOwnTip).toString());
        widget->setProperty(kGated, false);
    }
    widget->setEnabled(enabled);
}

} // namespace gerbang::rolegate
