// SPDX-License-Identifier: GPL-3.0-or-later
#include "SubscriptionCheck.h"

#include "Acknowledger.h"
#include "crypto/Crypto.h"

#include <QUrlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang {

void answerSubscriptionCheck(RequestContext &context, http::HttpRequest &&request,
                             http::Responder responder, Acknowledger &ack)
{
    using http::HttpResponse;
    AuditRecord audit = Acknowledger::auditFor(request, wire(Provider::WhatsApp));
    auto answer = [&](Outcome outcome, HttpResponse response) {
        audit.outcome = wire(outcome);
        ack.answer(responder, request, std::move(response), std::move(audit), context.detail);
    };
    const WhatsAppApp *app = context.sender ? context.sender->app : nullptr;
    if (!app)
        return answer(Outcome::NotFound, HttpResponse::error(404, "unknown_app"));

    const QUrlQuery query(QString::fromUtf8(request.query));
    const QString mode = query.queryItemValue(u"hub.mode"_s, QUrl::FullyDecoded);
    const QByteArray token =
        query.queryItemValue(u"hub.verify_token"_s, QUrl::FullyDecoded).toUtf8();
    const QString challenge = query.queryItemValue(u"hub.challenge"_s, QUrl::FullyDecoded);
    const bool challengeOk = !challenge.isEmpty() && challenge.size() <= 256 &&
                             std::all_of(challenge.begin(), challenge.end(), [](QChar c) {
                                 return c.isLetterOrNumber() || c == u'-' || c == u'_';
                             });
    const bool tokenOk =
        !app->verifyToken.isEmpty() && crypto::constantTimeEquals(token, app->verifyToken);
    audit.signatureStatus = wire(token.isEmpty() ? SignatureStatus::Missing
                                 : tokenOk       ? SignatureStatus::Valid
                                                 : SignatureStatus::Mismatch);
    if (mode != u"subscribe"_s || !tokenOk || !challengeOk) {
        if (app->verifyToken.isEmpty())
            context.detail[u"reason"_s] = u"no verify token configured"_s;
        return answer(Outcome::VerifyFailed, HttpResponse::error(403, "verification_failed"));
    }
    answer(Outcome::Verified, HttpResponse::text(200, challenge.toUtf8()));
}

} // namespace gerbang
