// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RequestContext.h"
#include "http/RequestHandler.h"

namespace gerbang {

class Acknowledger;

// GET on the WhatsApp route: Meta's subscription check. The challenge is echoed when the
// verify token matches the app's (constant time) and looks like one.
void answerSubscriptionCheck(RequestContext &context, http::HttpRequest &&request,
                             http::Responder responder, Acknowledger &ack);

} // namespace gerbang
