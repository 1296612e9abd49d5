// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RequestContext.h"
#include "http/RequestHandler.h"

#include <functional>

namespace gerbang {

class Acknowledger;
class Vault;

// POST to a webhook route, for every provider, as one flow of steps: whose route it is, verify
// the provider's scheme over the raw bytes, extract and route the events, then hand them to the
// durable commit (the reply comes after it). What differs between providers is data
// (ProviderDescription).
class WebhookEndpoint
{
public:
    using Clock = std::function<qint64()>; // Unix milliseconds

    WebhookEndpoint(const Vault &vault, Acknowledger &ack, Clock clock);

    void receive(RequestContext &context, http::HttpRequest &&request, http::Responder responder);

private:
    const Vault &m_vault;
    Acknowledger &m_ack;
    Clock m_clock;
};

} // namespace gerbang
