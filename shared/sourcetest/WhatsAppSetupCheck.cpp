// SPDX-License-Identifier: GPL-3.0-or-later
#include "WhatsAppSetupCheck.h"

#include "crypto/Crypto.h"
#include "domain/Source.h"
#include "domain/Tenant.h"
#include "domain/TestEvent.h"
#include "sourcetest/TestEventSender.h"
#include "storage/Database.h"
#include "storage/SecretRepository.h"
#include "storage/TenantRepository.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlError>
#include <QSqlQuery>
#include <array>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

constexpr int kRequestTimeoutMs = 10'000;
// Enough rows to find every WABA that called, without reading a flood.
constexpr int kMostUnroutedRows = 5000;

bool hasCurrent(const QList<SecretInfo> &secrets, const QString &name)
{
    return std::any_of(secrets.cbegin(), secrets.cend(), [&](const SecretInfo &s) {
        return s.name == name && s.slot == u"current"_s;
    });
}

// Loopback or a private network: Meta cannot reach it without something in front.
bool isPrivate(const QHostAddress &a)
{
    // Qt 6.4 has no isPrivateUse(): RFC 1918 and RFC 4193 by hand.
    static const std::array privateNetworks{
        QHostAddress::parseSubnet(u"10.0.0.0/8"_s), QHostAddress::parseSubnet(u"172.16.0.0/12"_s),
        QHostAddress::parseSubnet(u"192.168.0.0/16"_s), QHostAddress::parseSubnet(u"fc00::/7"_s)};
    return a.isLoopback() || a.isLinkLocal() ||
           std::any_of(privateNetworks.begin(), privateNetworks.end(),
                       [&](const auto &net) { return a.isInSubnet(net); });
}

} // namespace

bool WhatsAppSetupReport::passed() const
{
    return std::none_of(checks.cbegin(), checks.cend(),
                        [](const SetupCheckResult &c) { return c.state == CheckState::Failed; });
}

QJsonObject WhatsAppSetupReport::toJson() const
{
    QJsonArray list;
    for (const SetupCheckResult &c : checks)
        list.append(QJsonObject{
            {u"check"_s, wire(c.check)}, {u"state"_s, wire(c.state)}, {u"detail"_s, c.detail}});
    return {{u"app"_s, app}, {u"url"_s, url}, {u"passed"_s, passed()}, {u"checks"_s, list}};
}

WhatsAppSetupCheck::WhatsAppSetupCheck(WhatsAppSetupInput input, QObject *parent)
    : QObject(parent)
    , m_input(std::move(input))
{
    m_report.app = m_input.app;
    for (const auto &check : allOf<SetupCheck>())
        m_report.checks.append({check.value, CheckState::Skipped, {}});
}

void WhatsAppSetupCheck::set(SetupCheck check, CheckState state, QString detail)
{
    SetupCheckResult &r = m_report.checks[qsizetype(check)];
    r.state = state;
    r.detail = std::move(detail);
}

bool WhatsAppSetupCheck::start(Database &db, const Vault &vault, QString *error)
{
    const QString app = m_input.app;
    const QString suffix = app.isEmpty() ? QString() : u":"_s + app;
    SecretRepository secrets(db, vault);
    const QList<SecretInfo> stored = secrets.list(error);
    if (!error->isEmpty())
        return false;

    // 1. The app secret verifies every POST; without it each one is refused with 503.
    const QString secretName = u"whatsapp"_s + suffix;
    if (app.isEmpty() && !m_input.appSecretSetting.isEmpty())
        set(SetupCheck::AppSecret, CheckState::Passed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "Set in the configuration (whatsapp/app_secret).")));
    else if (hasCurrent(stored, secretName))
        set(SetupCheck::AppSecret, CheckState::Passed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck", "Stored encrypted as secret '%1'."))
                .arg(secretName));
    else
        set(SetupCheck::AppSecret, CheckState::Failed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "No app secret: every POST is refused with 503. Copy it from "
                                   "the Meta App Dashboard (App settings, Basic) into gerbangctl "
                                   "secret set %1."))
                .arg(secretName));

    // 2. The verify token answers Meta's callback verification when the URL is registered.
    const QString tokenName = u"whatsapp-verify-token"_s + suffix;
    if (app.isEmpty() && !m_input.verifyTokenSetting.isEmpty()) {
        m_verifyToken = m_input.verifyTokenSetting;
        set(SetupCheck::VerifyToken, CheckState::Passed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "Set in the configuration (whatsapp/verify_token).")));
    } else if (hasCurrent(stored, tokenName)) {
        m_verifyToken = secrets.values(tokenName, error).value(0);
        if (!error->isEmpty())
            return false;
        set(SetupCheck::VerifyToken, CheckState::Passed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck", "Stored encrypted as secret '%1'."))
                .arg(tokenName));
    } else {
        set(SetupCheck::VerifyToken, CheckState::Failed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "No verify token: Meta cannot verify the callback URL. Choose "
                                   "one, enter it in the app's WhatsApp configuration and here: "
                                   "gerbangctl secret set %1."))
                .arg(tokenName));
    }

    // 3. Every WABA that called in the last days has an enabled tenant.
    const QList<Tenant> tenants = TenantRepository(db).list(error);
    if (!error->isEmpty())
        return false;
    QHash<QString, const Tenant *> byWaba;
    for (const Tenant &t : tenants) {
        for (const QString &w : t.wabaIds)
            byWaba.insert(w, &t);
    }
    QSqlQuery q(db.db());
    q.setForwardOnly(true);
    // A test event (gerbangctl source test --tenant) is not a WABA calling.
    q.prepare(u"SELECT detail FROM audit_log WHERE outcome = ? AND path = ? AND "
              "received_at >= ? AND detail NOT LIKE ? "
              "ORDER BY id DESC LIMIT %1"_s.arg(kMostUnroutedRows));
    q.addBindValue(wire(Outcome::UnknownTenant));
    const QString route = Source::whatsAppRoute(app);
    q.addBindValue(route);
    q.addBindValue(m_input.nowMs - qint64(m_input.days) * 86'400'000);
    q.addBindValue(testevent::auditDetailPattern({}));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    QMap<QString, int> unrouted; // WABA → requests
    while (q.next()) {
        const QJsonObject detail = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        for (const QJsonValue &u : detail.value(u"unrouted"_s).toArray()) {
            const QString waba = u[u"waba_id"_s].toString();
            const Tenant *tenant = byWaba.value(waba);
            if (!waba.isEmpty() && (!tenant || !tenant->enabled))
                ++unrouted[waba];
        }
    }
    q.finish();
    const bool anyRoute = std::any_of(tenants.cbegin(), tenants.cend(), [](const Tenant &t) {
        return t.enabled && (!t.wabaIds.isEmpty() || !t.phoneNumberIds.isEmpty());
    });
    if (!unrouted.isEmpty()) {
        QStringList named;
        for (auto it = unrouted.cbegin(); it != unrouted.cend(); ++it) {
            const Tenant *tenant = byWaba.value(it.key());
            named << (tenant ? text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                                      "%1 (%2 requests; tenant '%3' is disabled)"))
                                   .arg(it.key())
                                   .arg(it.value())
                                   .arg(tenant->id)
                             : text(QT_TRANSLATE_NOOP("WhatsAppCheck", "%1 (%2 requests)"))
                                   .arg(it.key())
                                   .arg(it.value()));
        }
        set(SetupCheck::WabaTenants, CheckState::Failed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "WABAs that called in the last %1 days reach no enabled "
                                   "tenant, so their messages were dropped: %2. Map each to its "
                                   "firm (gerbangctl tenant update ID --waba WABA_ID)."))
                .arg(m_input.days)
                .arg(named.join(u", "_s)));
    } else if (!anyRoute) {
        set(SetupCheck::WabaTenants, CheckState::Failed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "No enabled tenant has a WABA ID or phone number ID: every "
                                   "message would be dropped. Add one (gerbangctl tenant add ID "
                                   "--name NAME --waba WABA_ID).")));
    } else {
        set(SetupCheck::WabaTenants, CheckState::Passed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "Every WABA that called in the last %1 days reaches an enabled "
                                   "tenant."))
                .arg(m_input.days));
    }
    checkTls();
    checkRoute();
    return true;
}

void WhatsAppSetupCheck::checkTls()
{
    const QUrl &url = m_input.gateway;
    const QHostAddress host(url.host());
    const bool wildcard = host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6;
    const bool reachableFromOutside = wildcard || host.isNull() || !isPrivate(host);
    if (url.scheme() == u"https"_s)
        set(SetupCheck::Tls, CheckState::Passed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck", "The gateway itself speaks HTTPS.")));
    else if (!m_input.trustedProxies.trimmed().isEmpty())
        set(SetupCheck::Tls, CheckState::Passed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "Plain HTTP behind the trusted proxies (edge/trusted_proxies), "
                                   "which must end TLS for Meta.")));
    else if (reachableFromOutside)
        set(SetupCheck::Tls, CheckState::Failed,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "The gateway listens on %1 without TLS: Meta only calls HTTPS "
                                   "URLs with a valid certificate. Set tls/certificate and "
                                   "tls/private_key, or end TLS in a proxy "
                                   "(edge/trusted_proxies)."))
                .arg(url.authority()));
    else
        set(SetupCheck::Tls, CheckState::Warning,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                   "Plain HTTP on a private address (%1): fine behind a TLS "
                                   "proxy; Meta needs a public HTTPS URL."))
                .arg(url.authority()));
}

void WhatsAppSetupCheck::checkRoute()
{
    QUrl url = TestEventSender::reachable(m_input.gateway);
    url.setPath(Source::whatsAppRoute(m_input.app));
    m_report.url = url.toString();
    if (m_verifyToken.isEmpty()) {
        set(SetupCheck::RouteReachable, CheckState::Skipped,
            text(QT_TRANSLATE_NOOP("WhatsAppCheck", "Needs the verify token.")));
        return Q_EMIT finished();
    }
    const QString challenge = QString::fromLatin1(crypto::randomBytes(8).toHex());
    // Encoded here, as Meta sends it: a token may hold '&', '=' or '+'.
    url.setQuery(QString::fromLatin1("hub.mode=subscribe&hub.verify_token=" +
                                     QUrl::toPercentEncoding(QString::fromUtf8(m_verifyToken)) +
                                     "&hub.challenge=" + challenge.toLatin1()));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"gerbang-whatsapp-check"_s);
    request.setTransferTimeout(kRequestTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    crypto::cleanse(&m_verifyToken);
    TestEventSender::trustOnly(reply, m_trusted);
    connect(reply, &QNetworkReply::finished, this, [this, reply, challenge] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        const QString shown = m_report.url.section(u'?', 0, 0);
        if (!status.isValid())
            set(SetupCheck::RouteReachable, CheckState::Failed,
                text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                       "Nothing answered at %1 (%2). Is gerbangd running "
                                       "(systemctl status gerbangd)?"))
                    // Qt's message may quote the URL, whose query holds the verify token.
                    .arg(shown, reply->errorString().replace(reply->url().toString(), shown)));
        else if (status.toInt() == 200 && reply->readAll() == challenge.toLatin1())
            set(SetupCheck::RouteReachable, CheckState::Passed,
                text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                       "%1 answers Meta's callback verification with this "
                                       "verify token."))
                    .arg(shown));
        else if (status.toInt() == 403)
            set(SetupCheck::RouteReachable, CheckState::Failed,
                text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                       "%1 refused the verify token (403): the running gateway "
                                       "holds another one (set in its environment?)."))
                    .arg(shown));
        else
            set(SetupCheck::RouteReachable, CheckState::Failed,
                text(QT_TRANSLATE_NOOP("WhatsAppCheck",
                                       "%1 answered HTTP %2 instead of the challenge."))
                    .arg(shown)
                    .arg(status.toInt()));
        m_report.url = shown;
        Q_EMIT finished();
    });
}

} // namespace gerbang
