// SPDX-License-Identifier: GPL-3.0-or-later
#include "WhatsAppEndpoint.h"

#include "Acknowledger.h"
#include "HubSignature.h"
#include "WhatsAppExtractor.h"
#include "crypto/Crypto.h"
#include "crypto/Vault.h"
#include "domain/Clock.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

using http::HttpResponse;

QString joinDistinct(const QList<ExtractedEvent> &events)
{
    QStringList tenants;
    for (const ExtractedEvent &e : events) {
        if (!tenants.contains(e.tenant))
            tenants << e.tenant;
    }
    return tenants.join(u',');
}

// What helps an admin diagnose a failed signature without helping an attacker: which header
// was read, its scheme prefix, the content type, body length and digest. Never the expected
// value or the secret.
QString signatureDetail(const http::HttpRequest &request, const QByteArray &header)
{
    QJsonObject o;
    o[u"header"_s] = u"x-hub-signature-256"_s;
    o[u"present"_s] = !header.isNull();
    if (!header.isNull()) {
        const qsizetype eq = header.indexOf('=');
        o[u"scheme"_s] = eq > 0 && eq <= 16 ? QString::fromLatin1(header.left(eq)) : QString();
        o[u"length"_s] = header.size();
    }
    o[u"content_type"_s] = QString::fromLatin1(request.header("content-type").left(100));
    o[u"body_sha256"_s] = QString::fromLatin1(crypto::sha256(request.body).toHex());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

void WhatsAppEndpoint::verifySubscription(const QString &app, http::HttpRequest &&request,
                                          http::Responder responder)
{
    AuditRecord audit = Acknowledger::auditFor(request, u"whatsapp");
    const auto dir = m_directory();
    const auto appIt = dir->whatsappApps.constFind(app);
    const QUrlQuery query(QString::fromUtf8(request.query));
    const QString mode = query.queryItemValue(u"hub.mode"_s, QUrl::FullyDecoded);
    const QByteArray token =
        query.queryItemValue(u"hub.verify_token"_s, QUrl::FullyDecoded).toUtf8();
    const QString challenge = query.queryItemValue(u"hub.challenge"_s, QUrl::FullyDecoded);

    if (appIt == dir->whatsappApps.constEnd() && !app.isEmpty()) {
        audit.outcome = wire(Outcome::NotFound);
        return m_ack.answer(responder, request, HttpResponse::error(404, "unknown_app"),
                            std::move(audit), request.startedNs);
    }
    const QByteArray expected =
        appIt == dir->whatsappApps.constEnd() ? QByteArray() : appIt->verifyToken;
    const bool challengeOk = !challenge.isEmpty() && challenge.size() <= 256 &&
                             std::all_of(challenge.begin(), challenge.end(), [](QChar c) {
                                 return c.isLetterOrNumber() || c == u'-' || c == u'_';
                             });
    const bool tokenOk = !expected.isEmpty() && crypto::constantTimeEquals(token, expected);
    audit.signatureStatus = token.isEmpty() ? u"missing"_s : (tokenOk ? u"valid"_s : u"mismatch"_s);
    if (mode != u"subscribe"_s || !tokenOk || !challengeOk) {
        audit.outcome = wire(Outcome::VerifyFailed);
        if (expected.isEmpty())
            audit.detail = uR"({"reason":"no verify token configured"})"_s;
        return m_ack.answer(responder, request, HttpResponse::error(403, "verification_failed"),
                            std::move(audit), request.startedNs);
    }
    audit.outcome = wire(Outcome::Verified);
    m_ack.answer(responder, request, HttpResponse::text(200, challenge.toUtf8()), std::move(audit),
                 request.startedNs);
}

void WhatsAppEndpoint::receive(const QString &app, http::HttpRequest &&request,
                               http::Responder responder)
{
    AuditRecord audit = Acknowledger::auditFor(request, u"whatsapp");
    const auto dir = m_directory();
    const auto appIt = dir->whatsappApps.constFind(app);
    if (appIt == dir->whatsappApps.constEnd() && !app.isEmpty()) {
        audit.outcome = wire(Outcome::NotFound);
        return m_ack.answer(responder, request, HttpResponse::error(404, "unknown_app"),
                            std::move(audit), request.startedNs);
    }
    if (appIt == dir->whatsappApps.constEnd() || appIt->appSecrets.isEmpty()) {
        // Without a secret nothing can be verified, so nothing is accepted; 503 makes Meta
        // retry once the admin has set it.
        audit.outcome = wire(Outcome::NotConfigured);
        audit.detail = uR"({"reason":"no WhatsApp app secret configured"})"_s;
        return m_ack.answer(responder, request, HttpResponse::error(503, "not_configured"),
                            std::move(audit), request.startedNs);
    }

    // 1. Signature over the raw bytes, before any parsing.
    const QByteArray header = request.header("x-hub-signature-256");
    const AcceptedSecrets secrets = AcceptedSecrets::at(appIt->appSecrets, nowMs());
    int matched = -1;
    const SignatureStatus sig = verifyHubSignature(header, request.body, secrets.values, &matched);
    audit.signatureStatus = wire(sig);
    if (sig != SignatureStatus::Valid) {
        m_ack.signatureFailed(app.isEmpty() ? u"whatsapp"_s : u"whatsapp:"_s + app,
                              audit.signatureStatus);
        audit.outcome = wire(Outcome::Rejected);
        audit.detail = signatureDetail(request, header);
        return m_ack.answer(responder, request, HttpResponse::error(401, "invalid_signature"),
                            std::move(audit), request.startedNs);
    }

    // Which secret matched: during a rotation the admin sees when the old one stops being used.
    QJsonObject detail{
        {u"secret"_s, secrets.previous.value(matched) ? u"previous"_s : u"current"_s}};
    auto compact = [&detail] {
        return QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    };

    // 2. Parse and route.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    WhatsAppExtraction extraction;
    if (doc.isObject()) {
        extraction = extractWhatsApp(
            doc.object(), [&dir](const QString &waba, const QString &phone, QString *routingKey) {
                return dir->resolve(waba, phone, routingKey);
            });
    } else {
        extraction.error = parseError.error != QJsonParseError::NoError
                               ? u"invalid JSON at offset %1: %2"_s.arg(parseError.offset)
                                     .arg(parseError.errorString())
                               : u"top level is not an object"_s;
    }
    if (!extraction.ok) {
        audit.outcome = wire(Outcome::Malformed);
        detail[u"reason"_s] = extraction.error;
        audit.detail = compact();
        return m_ack.answer(responder, request, HttpResponse::error(400, "malformed_payload"),
                            std::move(audit), request.startedNs);
    }
    if (!extraction.unrouted.isEmpty()) {
        QJsonArray unrouted;
        for (const UnroutedChange &u : std::as_const(extraction.unrouted))
            unrouted.append(QJsonObject{{u"waba_id"_s, u.wabaId},
                                        {u"phone_number_id"_s, u.phoneNumberId},
                                        {u"field"_s, u.field}});
        detail[u"unrouted"_s] = unrouted;
    }
    audit.detail = compact();
    if (extraction.events.isEmpty()) {
        // Unknown tenant: 200 so Meta stops retrying, but nothing is stored for delivery.
        audit.outcome =
            extraction.unrouted.isEmpty() ? wire(Outcome::Empty) : wire(Outcome::UnknownTenant);
        return m_ack.answer(
            responder, request,
            HttpResponse::json(200, extraction.unrouted.isEmpty()
                                        ? QByteArray(R"({"status":"empty"})")
                                        : QByteArray(R"({"status":"unknown_tenant"})")),
            std::move(audit), request.startedNs);
    }

    // 3. Durable commit: the raw body sealed here, on this thread, so the store thread only
    //    writes.
    audit.tenant = joinDistinct(extraction.events);
    IngestJob job = Acknowledger::prepareJob(request, m_vault, u"whatsapp"_s,
                                             std::move(extraction.events), std::move(audit));
    m_ack.commit(std::move(responder), request, std::move(job));
}

} // namespace gerbang
