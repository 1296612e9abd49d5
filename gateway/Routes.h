// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace gerbang {

// The route table of BRIEF §3, as data: which endpoint a path belongs to. Shared by the
// router and the edge checks that run on the request head.
struct Route
{
    enum class Kind
    {
        Unknown,
        WhatsApp,
        Provider,
        Health,
        Ready,
        Metrics,
        InternalEvent // GET /internal/events/{id}: content for the core (bearer token)
    };
    Kind kind = Kind::Unknown;
    QString provider; // Provider: stripe, midtrans, xendit, generic, standard
    // WhatsApp: the {app} ("" for the default app); Provider: {tenant} or {source};
    // InternalEvent: the event id.
    QString key;

    static Route match(const QByteArray &path);
};

} // namespace gerbang
