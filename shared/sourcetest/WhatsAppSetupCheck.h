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
#include <QUrl>
#include <functional>

namespace gerbang {

class Database;
class Vault;

struct SetupCheckResult
{
    SetupCheck check = SetupCheck::AppSecret;
    CheckState state = CheckState::Skipped;
    QString detail; // in the reader's language
};

// gerbangctl whatsapp check: what can be checked of a WhatsApp setup without the internet.
struct WhatsAppSetupReport
{
    QString app;                    // empty: the default app
    QString url;                    // the route checked
    QList<SetupCheckResult> checks; // one per SetupCheck, in order

    bool passed() const; // no check failed
    // {"app", "url", "passed", "checks": [{"check", "state", "detail"}]}
    QJsonObject toJson() const;
};

// What the checks read besides the database.
struct WhatsAppSetupInput
{
    QString app;                 // "" or a further Meta app's name
    QByteArray appSecretSetting; // whatsapp/app_secret (the default app only)
    QByteArray verifyTokenSetting;
    QString trustedProxies; // edge/trusted_proxies: TLS may end at a proxy
    QUrl gateway;           // where the gateway takes webhooks
    int days = 7;           // how far back to look for WABAs that called
    qint64 nowMs = 0;
    alerttexts::Translate localize = alerttexts::english;
};

// Runs the checks: the stored ones at once, then the route's (a GET of Meta's callback
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
    // Reads the database (on the caller's thread), then checks the route; finished() follows.
    // False with `error` when the database cannot be read.
    bool start(Database &db, const Vault &vault, QString *error);
    const WhatsAppSetupReport &report() const { return m_report; }

Q_SIGNALS:
    void finished();

private:
    void set(SetupCheck check, CheckState state, QString detail);
    QString text(const char *source) const { return m_input.localize(source); }
    void checkRoute();
    void checkTls();

    WhatsAppSetupInput m_input;
    QList<QSslCertificate> m_trusted;
    QNetworkAccessManager m_network;
    QByteArray m_verifyToken;
    WhatsAppSetupReport m_report;
};

} // namespace gerbang
