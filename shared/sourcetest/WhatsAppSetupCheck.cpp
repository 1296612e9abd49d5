// SPDX-License-Identifier: GPL-3.0-or-later
#include "WhatsAppSetupCheck.h"

#include "config/Settings.h"
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
#include <QRegularExpression>
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

// Qt's multi-argument arg() fills in one pass: an argument holding "%2" stays as it is.
QString fill(const QString &pattern, const QStringList &a)
{
    switch (a.size()) {
    case 0:
        return pattern;
    case 1:
        return pattern.arg(a[0]);
    case 2:
        return pattern.arg(a[0], a[1]);
    case 3:
        return pattern.arg(a[0], a[1], a[2]);
    default:
        return pattern.arg(a[0], a[1], a[2], a[3]);
    }
}
constexpr qsizetype kMostArgs = 4;

SetupCheckResult result(SetupCheck check, CheckState state, const char *pattern, QStringList args,
                        const alerttexts::Translate &localize)
{
    return {check, state, fill(localize(pattern), args), QString::fromUtf8(pattern),
            std::move(args)};
}

// "WABA (requests)" for each WABA, in WABA order.
QString wabaList(const QMap<QString, int> &requests)
{
    QStringList out;
    for (auto it = requests.cbegin(); it != requests.cend(); ++it)
        out << u"%1 (%2)"_s.arg(it.key()).arg(it.value());
    return out.join(u", "_s);
}

} // namespace

WhatsAppSetupInput WhatsAppSetupInput::fromSettings(const Settings &settings, QString app,
                                                    QUrl gateway, qint64 nowMs)
{
    WhatsAppSetupInput input;
    input.app = std::move(app);
    input.appSecretConfigured = !settings.value(u"whatsapp/app_secret"_s).isEmpty();
    input.verifyTokenSetting = settings.value(u"whatsapp/verify_token"_s).toUtf8();
    input.trustedProxies = settings.value(u"edge/trusted_proxies"_s);
    input.gateway = std::move(gateway);
    input.nowMs = nowMs;
    return input;
}

bool WhatsAppSetupReport::passed() const
{
    return std::none_of(checks.cbegin(), checks.cend(),
                        [](const SetupCheckResult &c) { return c.state == CheckState::Failed; });
}

QJsonObject WhatsAppSetupReport::toJson() const
{
    QJsonArray list;
    for (const SetupCheckResult &c : checks)
        list.append(QJsonObject{{u"check"_s, wire(c.check)},
                                {u"state"_s, wire(c.state)},
                                {u"detail"_s, c.detail},
                                {u"pattern"_s, c.pattern},
                                {u"args"_s, QJsonArray::fromStringList(c.args)}});
    return {{u"app"_s, app}, {u"url"_s, url}, {u"passed"_s, passed()}, {u"checks"_s, list}};
}

std::optional<WhatsAppSetupReport> WhatsAppSetupReport::fromJson(const QJsonObject &json)
{
    WhatsAppSetupReport r;
    r.app = json.value(u"app"_s).toString();
    r.url = json.value(u"url"_s).toString();
    const QJsonArray list = json.value(u"checks"_s).toArray();
    for (const auto &word : allOf<SetupCheck>()) {
        const auto found = std::find_if(list.begin(), list.end(), [&](const QJsonValue &c) {
            return c[u"check"_s].toString() == word.wire;
        });
        if (found == list.end())
            return std::nullopt;
        const QJsonObject c = found->toObject();
        const std::optional<CheckState> state =
            fromWire<CheckState>(c.value(u"state"_s).toString());
        if (!state)
            return std::nullopt;
        QStringList args;
        for (const QJsonValue &a : c.value(u"args"_s).toArray())
            args << a.toString();
        r.checks.append({word.value, *state, c.value(u"detail"_s).toString(),
                         c.value(u"pattern"_s).toString(), args.mid(0, kMostArgs)});
    }
    return r;
}

void WhatsAppSetupReport::localize(const alerttexts::Translate &localize)
{
    for (SetupCheckResult &c : checks) {
        // A gateway of an older version sends no pattern: its detail stays.
        if (!c.pattern.isEmpty())
            c.detail = fill(localize(c.pattern.toUtf8().constData()), c.args);
    }
}

std::optional<WhatsAppStoredChecks> WhatsAppStoredChecks::read(Database &db, const Vault &vault,
                                                               const WhatsAppSetupInput &input,
                                                               QString *error)
{
    WhatsAppStoredChecks out;
    const auto set = [&](SetupCheck check, CheckState state, const char *pattern,
                         QStringList args = {}) {
        out.checks.append(result(check, state, pattern, std::move(args), input.localize));
    };
    const QString app = input.app;
    const QString suffix = app.isEmpty() ? QString() : u":"_s + app;
    SecretRepository secrets(db, vault);
    const QList<SecretInfo> stored = secrets.list(error);
    if (!error->isEmpty())
        return std::nullopt;

    // 1. The app secret verifies every POST; without it each one is refused with 503.
    const QString secretName = u"whatsapp"_s + suffix;
    if (app.isEmpty() && input.appSecretConfigured)
        set(SetupCheck::AppSecret, CheckState::Passed,
            QT_TRANSLATE_NOOP("WhatsAppCheck", "Set in the configuration (whatsapp/app_secret)."));
    else if (hasCurrent(stored, secretName))
        set(SetupCheck::AppSecret, CheckState::Passed,
            QT_TRANSLATE_NOOP("WhatsAppCheck", "Stored encrypted as secret '%1'."), {secretName});
    else
        set(SetupCheck::AppSecret, CheckState::Failed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "No app secret: every POST is refused with 503. Copy it from "
                              "the Meta App Dashboard (App settings, Basic) into gerbangctl "
                              "secret set %1."),
            {secretName});

    // 2. The verify token answers Meta's callback verification when the URL is registered.
    const QString tokenName = u"whatsapp-verify-token"_s + suffix;
    if (app.isEmpty() && !input.verifyTokenSetting.isEmpty()) {
        out.verifyToken = input.verifyTokenSetting;
        set(SetupCheck::VerifyToken, CheckState::Passed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "Set in the configuration (whatsapp/verify_token)."));
    } else if (hasCurrent(stored, tokenName)) {
        out.verifyToken = secrets.values(tokenName, error).value(0);
        if (!error->isEmpty())
            return std::nullopt;
        set(SetupCheck::VerifyToken, CheckState::Passed,
            QT_TRANSLATE_NOOP("WhatsAppCheck", "Stored encrypted as secret '%1'."), {tokenName});
    } else {
        set(SetupCheck::VerifyToken, CheckState::Failed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "No verify token: Meta cannot verify the callback URL. Choose "
                              "one, enter it in the app's WhatsApp configuration and here: "
                              "gerbangctl secret set %1."),
            {tokenName});
    }

    // 3. Every WABA that called in the last days has an enabled tenant.
    const QList<Tenant> tenants = TenantRepository(db).list(error);
    if (!error->isEmpty())
        return std::nullopt;
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
    q.addBindValue(Source::whatsAppRoute(app));
    q.addBindValue(input.nowMs - qint64(input.days) * 86'400'000);
    q.addBindValue(testevent::auditDetailPattern({}));
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QMap<QString, int> unmapped; // WABA → requests
    QMap<QString, int> disabled; // "WABA → tenant" → requests
    while (q.next()) {
        const QJsonObject detail = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        for (const QJsonValue &u : detail.value(u"unrouted"_s).toArray()) {
            const QString waba = u[u"waba_id"_s].toString();
            const Tenant *tenant = byWaba.value(waba);
            if (waba.isEmpty() || (tenant && tenant->enabled))
                continue;
            if (tenant)
                ++disabled[u"%1 → %2"_s.arg(waba, tenant->id)];
            else
                ++unmapped[waba];
        }
    }
    q.finish();
    const bool anyRoute = std::any_of(tenants.cbegin(), tenants.cend(), [](const Tenant &t) {
        return t.enabled && (!t.wabaIds.isEmpty() || !t.phoneNumberIds.isEmpty());
    });
    const QString days = QString::number(input.days);
    if (!unmapped.isEmpty() && !disabled.isEmpty())
        set(SetupCheck::WabaTenants, CheckState::Failed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "Messages were dropped in the last %1 days (requests in brackets). "
                              "WABAs without a tenant: %2; map each to its firm (gerbangctl "
                              "tenant update ID --waba WABA_ID). WABAs of a disabled tenant: %3; "
                              "enable it (gerbangctl tenant update ID --enable)."),
            {days, wabaList(unmapped), wabaList(disabled)});
    else if (!unmapped.isEmpty())
        set(SetupCheck::WabaTenants, CheckState::Failed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "WABAs that called in the last %1 days have no tenant, so their "
                              "messages were dropped (requests in brackets): %2. Map each to its "
                              "firm (gerbangctl tenant update ID --waba WABA_ID)."),
            {days, wabaList(unmapped)});
    else if (!disabled.isEmpty())
        set(SetupCheck::WabaTenants, CheckState::Failed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "WABAs that called in the last %1 days reach a disabled tenant, so "
                              "their messages were dropped (requests in brackets): %2. Enable "
                              "it (gerbangctl tenant update ID --enable)."),
            {days, wabaList(disabled)});
    else if (!anyRoute)
        set(SetupCheck::WabaTenants, CheckState::Failed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "No enabled tenant has a WABA ID or phone number ID: every "
                              "message would be dropped. Add one (gerbangctl tenant add ID "
                              "--name NAME --waba WABA_ID)."));
    else
        set(SetupCheck::WabaTenants, CheckState::Passed,
            QT_TRANSLATE_NOOP("WhatsAppCheck", "Every WABA that called in the last %1 days "
                                               "reaches an enabled tenant."),
            {days});
    return out;
}

WhatsAppSetupCheck::WhatsAppSetupCheck(WhatsAppSetupInput input, QObject *parent)
    : QObject(parent)
    , m_input(std::move(input))
{
    m_report.app = m_input.app;
    for (const auto &check : allOf<SetupCheck>())
        m_report.checks.append({check.value, CheckState::Skipped, {}, {}, {}});
}

void WhatsAppSetupCheck::set(SetupCheck check, CheckState state, const char *pattern,
                             QStringList args)
{
    m_report.checks[qsizetype(check)] =
        result(check, state, pattern, std::move(args), m_input.localize);
}

void WhatsAppSetupCheck::start(WhatsAppStoredChecks stored)
{
    for (SetupCheckResult &c : stored.checks)
        m_report.checks[qsizetype(c.check)] = std::move(c);
    m_verifyToken = std::exchange(stored.verifyToken, {});
    checkTls();
    checkRoute();
}

bool WhatsAppSetupCheck::start(Database &db, const Vault &vault, QString *error)
{
    std::optional<WhatsAppStoredChecks> stored =
        WhatsAppStoredChecks::read(db, vault, m_input, error);
    if (!stored)
        return false;
    start(std::move(*stored));
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
            QT_TRANSLATE_NOOP("WhatsAppCheck", "The gateway itself speaks HTTPS."));
    else if (!m_input.trustedProxies.trimmed().isEmpty())
        set(SetupCheck::Tls, CheckState::Passed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "Plain HTTP behind the trusted proxies (edge/trusted_proxies), "
                              "which must end TLS for Meta."));
    else if (reachableFromOutside)
        set(SetupCheck::Tls, CheckState::Failed,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "The gateway listens on %1 without TLS: Meta only calls HTTPS "
                              "URLs with a valid certificate. Set tls/certificate and "
                              "tls/private_key, or end TLS in a proxy "
                              "(edge/trusted_proxies)."),
            {url.authority()});
    else
        set(SetupCheck::Tls, CheckState::Warning,
            QT_TRANSLATE_NOOP("WhatsAppCheck",
                              "Plain HTTP on a private address (%1): fine behind a TLS "
                              "proxy; Meta needs a public HTTPS URL."),
            {url.authority()});
}

void WhatsAppSetupCheck::checkRoute()
{
    QUrl url = TestEventSender::reachable(m_input.gateway);
    url.setPath(Source::whatsAppRoute(m_input.app));
    m_report.url = url.toString();
    if (m_verifyToken.isEmpty()) {
        set(SetupCheck::RouteReachable, CheckState::Skipped,
            QT_TRANSLATE_NOOP("WhatsAppCheck", "Needs the verify token."));
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
                QT_TRANSLATE_NOOP("WhatsAppCheck", "Nothing answered at %1 (%2). Is gerbangd "
                                                   "running (systemctl status gerbangd)?"),
                // Qt's message may quote the URL, whose query holds the verify token: no query
                // of any URL in it survives, however it is encoded.
                {shown, reply->errorString().remove(QRegularExpression(u"\\?\\S*"_s))});
        else if (status.toInt() == 200 && reply->readAll() == challenge.toLatin1())
            set(SetupCheck::RouteReachable, CheckState::Passed,
                QT_TRANSLATE_NOOP("WhatsAppCheck", "%1 answers Meta's callback verification "
                                                   "with this verify token."),
                {shown});
        else if (status.toInt() == 403)
            set(SetupCheck::RouteReachable, CheckState::Failed,
                QT_TRANSLATE_NOOP("WhatsAppCheck",
                                  "%1 refused the verify token (403): the running gateway "
                                  "holds another one (set in its environment?)."),
                {shown});
        else
            set(SetupCheck::RouteReachable, CheckState::Failed,
                QT_TRANSLATE_NOOP("WhatsAppCheck", "%1 answered HTTP %2 instead of the challenge."),
                {shown, QString::number(status.toInt())});
        m_report.url = shown;
        Q_EMIT finished();
    });
}

} // namespace gerbang
