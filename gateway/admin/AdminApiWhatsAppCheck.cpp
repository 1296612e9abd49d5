// SPDX-License-Identifier: GPL-3.0-or-later
// GET /admin/v1/whatsapp/check (issue 19): gerbangctl whatsapp check, run by the gateway on
// itself for the console at another desk. The verify token it presents to its own route never
// leaves the gateway; the answer says what was checked, not with what.
#include "AdminApi.h"
#include "AdminQueries.h"
#include "AdminWorker.h"
#include "crypto/Crypto.h"
#include "domain/Clock.h"
#include "sourcetest/WhatsAppSetupCheck.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcAdmin)

namespace gerbang {

void AdminApi::whatsAppCheck(const AdminCall &call, http::Responder &responder)
{
    const auto query = adminquery::whatsAppCheck(call.request.query);
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&query))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    // As it listens (0.0.0.0 is reachable from outside: the TLS check must see it); the route
    // check makes it reachable itself.
    const QUrl gateway(m_access.webhookUrl ? m_access.webhookUrl() : QString());
    if (!m_access.worker || !m_access.worker->vault())
        return responder.send(error(503, ApiError::StoreUnavailable,
                                    u"this gateway cannot read its database here"_s));
    if (!gateway.isValid() || gateway.port() <= 0)
        return responder.send(error(503, ApiError::StoreUnavailable,
                                    u"this gateway's webhook listener is not running"_s));
    const auto &wanted = std::get<adminquery::WhatsAppCheckQuery>(query);
    WhatsAppSetupInput input =
        WhatsAppSetupInput::fromSettings(m_access.settings, wanted.app, gateway, nowMs());
    input.days = wanted.days;
    // Filled on the worker's thread (it reads the database and the certificate file), read
    // here after its queued answer.
    struct Stored
    {
        std::optional<WhatsAppStoredChecks> checks;
        QList<QSslCertificate> certificates;
    };
    auto stored = std::make_shared<Stored>();
    const QString certificatePath = m_access.settings.value(u"tls/certificate"_s);
    std::shared_ptr<const Vault> vault = m_access.worker->vault();
    auto pending = std::make_shared<http::Responder>(std::move(responder));
    m_access.worker->run(
        [input, stored, certificatePath, vault](Database &db, QString *e) {
            stored->checks = WhatsAppStoredChecks::read(db, *vault, input, e);
            if (stored->checks && !certificatePath.isEmpty())
                stored->certificates = QSslCertificate::fromPath(certificatePath);
            return stored->checks ? QJsonObject{{u"read"_s, true}} : QJsonObject();
        },
        &m_replies,
        [this, input, stored, pending](const QJsonObject &, const QString &readError) mutable {
            if (!stored->checks) {
                qCWarning(lcAdmin).noquote()
                    << "admin API: the WhatsApp check's read failed:" << readError;
                return pending->send(
                    error(503, ApiError::StoreUnavailable,
                          u"the database could not be read; see the gateway's log"_s));
            }
            auto *check = new WhatsAppSetupCheck(input, &m_replies);
            crypto::cleanse(&input.verifyTokenSetting);
            check->trustCertificates(stored->certificates);
            QObject::connect(check, &WhatsAppSetupCheck::finished, check, [check, pending] {
                pending->send(http::HttpResponse::json(
                    200, QJsonDocument(check->report().toJson()).toJson(QJsonDocument::Compact)));
                check->deleteLater();
            });
            check->start(std::move(*stored->checks));
        });
}

} // namespace gerbang
