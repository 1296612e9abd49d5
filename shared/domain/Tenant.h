// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace gerbang {

// A law firm. WhatsApp traffic reaches it through its WABA IDs or, failing those, its
// business phone number IDs.
struct Tenant
{
    QString id;
    QString name;
    bool enabled = true;
    QStringList wabaIds;
    QStringList phoneNumberIds;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

} // namespace gerbang
