// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gerbang {

// Base64 that must decode whole (no stray characters), or a null array.
QByteArray strictBase64(QByteArrayView text);

// The HMAC key of a Standard Webhooks secret ("whsec_" and base64, or the base64 alone), or a
// null array when it is unusable. Shared: the settings rules refuse an unusable secret before
// the engine ever signs with it.
QByteArray standardWebhooksKey(const QByteArray &secret);

// The `webhook-signature` value ("v1,<base64>") Gerbang sends with its own POSTs (deliveries
// to the core, alerts, test events), or a null array when the secret is unusable.
QByteArray signStandardWebhooks(const QByteArray &secret, QByteArrayView id,
                                QByteArrayView timestamp, QByteArrayView body);

} // namespace gerbang
