// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Directory.h"
#include "http/RequestHandler.h"

#include <functional>
#include <memory>

namespace gerbang {

class Acknowledger;
class Vault;

// POST /webhooks/{provider}/{key} for Stripe, Midtrans, Xendit, generic and Standard Webhooks
// senders: find the source, verify the provider's own scheme over the raw body, extract the
// events and hand them to the durable commit.
class ProviderEndpoint
{
public:
    using DirectoryAccess = std::function<std::shared_ptr<const Directory>()>;
    using Clock = std::function<qint64()>; // Unix milliseconds

    ProviderEndpoint(DirectoryAccess directory, const Vault &vault, Acknowledger &ack, Clock clock);

    static bool isProvider(QByteArrayView provider);
    void receive(const QString &provider, const QString &key, http::HttpRequest &&request,
                 http::Responder responder);

private:
    DirectoryAccess m_directory;
    const Vault &m_vault;
    Acknowledger &m_ack;
    Clock m_clock;
};

} // namespace gerbang
