// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace gerbang {

// Binds a route to a provider's signature scheme, a tenant, and options. Its secret is the
// vault secret of the same name.
struct Source
{
    QString name;
    QString provider;        // stripe | midtrans | xendit | generic | standard
    QString tenant;          // required for stripe, midtrans, xendit (their routes carry it)
    int toleranceSecs = 0;   // 0: the scheme's default (300 s)
    QString dedupField;      // generic: JSON pointer of the event id
    int failureStatus = 401; // status answered on a failed signature
    qint64 bodyLimit = 0;    // bytes; 0: the server default
    bool enabled = true;
    qint64 createdAtMs = 0;

    static const QStringList &providers();
    // Whether the route is /webhooks/{provider}/{tenant} (else /webhooks/{provider}/{name}).
    static bool routedByTenant(const QString &provider);
    // The path providers post to: /webhooks/{provider}/{tenant or name}.
    QString route() const;
    // The path Meta posts to for WhatsApp app `app` ("" for the default app).
    static QString whatsAppRoute(const QString &app);
};

} // namespace gerbang
