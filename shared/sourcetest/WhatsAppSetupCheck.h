// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AlertTexts.h"
#include "domain/Vocabulary.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace gerbang {

class Database;
class Settings;
class Vault;

struct SetupCheckResult
{
    SetupCheck check = SetupCheck::AppSecret;
    CheckState state = CheckState::Skipped;
    QString detail; // in the reader's language
    // The detail's English pattern (translation context "WhatsAppCheck") and its arguments:
    // a reader in another language (the console, attached to a gateway) renders it again.
    QString pattern;
    QStringList args;
};

// gerbangctl whatsapp check, GET /admin/v1/whatsapp/check and the console: what can be checked
// of a WhatsApp setup without the internet.
struct WhatsAppSetupReport
{
    QString app;                    // empty: the default app
    QString url;                    // the route checked
    QList<SetupCheckResult> checks; // one per SetupCheck, in order

    bool passed() const; // no check failed
    // {"app", "url", "passed", "checks": [{"check", "state", "detail", "pattern", "args"}]}
    QJsonObject toJson() const;
    // nullopt when `json` is not a report (every check, known by name).
    static std::optional<WhatsAppSetupReport> fromJson(const QJsonObject &json);
    // Every detail again, from its pattern, in `localize`'s language.
    void localize(const alerttexts::Translate &localize);
};

// What the checks read besides the database.
struct WhatsAppSetupInput
{
    QString app;                      // "" or a further Meta app's name
    bool appSecretConfigured = false; // whatsapp/app_secret is set (the default app only)
    QByteArray verifyTokenSetting;    // whatsapp/verify_token
    QString trustedProxies;           // edge/trusted_proxies: TLS may end at a proxy
    QUrl gateway;                     // where the gateway takes webhooks
    int days = 7;                     // how far back to look for WABAs that called
    qint64 nowMs = 0;
    alerttexts::Translate localize = alerttexts::english;

    // What the settings say (app secret set, verify token, trusted proxies); the rest as given.
    static WhatsAppSetupInput fromSettings(const Settings &settings, QString app, QUrl gateway,
                                           qint64 nowMs);
};

// The checks the database answers (app secret, verify token, a tenant for every WABA), and
// the verify token the route check presents. A value: read on a database thread, handed to
// a WhatsAppSetupCheck on another.
struct WhatsAppStoredChecks
{
    QList<SetupCheckResult> checks;
    QByteArray verifyToken; // a secret: WhatsAppSetupCheck wipes its copy once sent

    static std::optional<WhatsAppStoredChecks>
    read(Database &db, const Vault &vault, const WhatsAppSetupInput &input, QString *error);
};

// Runs the checks: the stored ones as read, then TLS and the route's (a GET of Meta's callback
// verification with the verify token and a fresh challenge, which the route must echo).
class WhatsAppSetupCheck : public QObject
{
    Q_OBJECT
public:
    WhatsAppSetupCheck(WhatsAppSetupInput input, QObject *parent = nullptr);
    // The gateway's own certificate, trusted whatever its name.
    void trustCertificates(QList<QSslCertificate> certificates)
    {
        m_trusted = std::move(certificates);
    }
    // Takes the stored checks, then checks TLS and the route; finished() follows.
    void start(WhatsAppStoredChecks stored);
    // Both parts on this thread. False with `error` when the database cannot be read.
    bool start(Database &db, const Vault &vault, QString *error);
    const WhatsAppSetupReport &report() const { return m_report; }

Q_SIGNALS:
    void finished();

private:
    void set(SetupCheck check, CheckState state, const char *pattern, QStringList args = {});
    void checkRoute();
    void checkTls();

    WhatsAppSetupInput m_input;
    QList<QSslCertificate> m_trusted;
    QNetworkAccessManager m_network;
    QByteArray m_verifyToken;
    WhatsAppSetupReport m_report;
};

} // namespace gerbang
