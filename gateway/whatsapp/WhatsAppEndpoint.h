// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Directory.h"
#include "http/RequestHandler.h"

#include <functional>
#include <memory>

namespace gerbang {

class Acknowledger;
class Vault;

// GET: Meta's subscription check. POST: verify X-Hub-Signature-256 over the raw body, parse,
// route each change to its tenant, and hand the events to the durable commit.
class WhatsAppEndpoint
{
public:
    using DirectoryAccess = std::function<std::shared_ptr<const Directory>()>;

    WhatsAppEndpoint(DirectoryAccess directory, const Vault &vault, Acknowledger &ack)
        : m_directory(std::move(directory))
        , m_vault(vault)
        , m_ack(ack)
    {
    }

    // `app` is empty for the default Meta app, else the {app} path segment.
    void verifySubscription(const QString &app, http::HttpRequest &&request,
                            http::Responder responder);
    void receive(const QString &app, http::HttpRequest &&request, http::Responder responder);

private:
    DirectoryAccess m_directory;
    const Vault &m_vault;
    Acknowledger &m_ack;
};

} // namespace gerbang
