// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/CidrList.h"

#include <QByteArray>
#include <QHostAddress>

namespace gerbang {

// The address a request really comes from: the socket peer, unless that peer is a trusted
// proxy, in which case the right-most address of X-Forwarded-For that is not itself a trusted
// proxy (everything left of it can be forged by the client). A malformed header is ignored
// and the last trusted hop is used, so a bad header can never make a request look like it
// came from elsewhere.
QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                           const CidrList &trustedProxies);

} // namespace gerbang
