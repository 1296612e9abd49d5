// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsRules.h"

#include "crypto/StandardWebhooksKey.h"
#include "domain/Duration.h"
#include "net/CidrList.h"
#include "storage/DatabaseTarget.h"

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace gerbang {

QHash<QString, qint64> parseSilenceSources(const QString &text, QStringList *problems)
{
    QHash<QString, qint64> out;
    const QStringList entries = text.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const qsizetype eq = entry.lastIndexOf(u'=');
        const QString name = entry.left(eq).trimmed();
        const QString value = entry.mid(eq + 1).trimmed();
        const qint64 ms = value == u"0"_s ? 0 : parseDuration(value);
        if (eq <= 0 || (ms == 0 && value != u"0"_s)) {
            problems->append(u"'%1' is not NAME=DURATION (e.g. whatsapp=2h)"_s.arg(entry));
            continue;
        }
        out.insert(name, ms);
    }
    return out;
}

SettingProblems settingRulesBetween(const Settings &s)
{
    SettingProblems issues;
    auto issue = [&issues](const QString &key, const QString &code, const QString &message) {
        issues.append({key, code, message});
    };
    QString dbError;
    if (!DatabaseTarget::resolve(s.value(u"storage/database_url"_s), s.dataDir(), &dbError))
        issue(u"storage/database_url"_s, u"invalid_value"_s, u"storage/database_url: "_s + dbError);

    QStringList cidrProblems;
    CidrList::parse(s.value(u"edge/trusted_proxies"_s), &cidrProblems);
    for (const QString &p : std::as_const(cidrProblems))
        issue(u"edge/trusted_proxies"_s, u"invalid_value"_s, u"edge/trusted_proxies: "_s + p);
    cidrProblems.clear();
    QString allow = s.value(u"edge/allowlist"_s);
    if (const QString file = s.value(u"edge/allowlist_file"_s); !file.isEmpty()) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            allow += u'\n' + QString::fromUtf8(f.readAll());
        else
            issue(u"edge/allowlist_file"_s, u"invalid_value"_s,
                  u"edge/allowlist_file: cannot read %1: %2"_s.arg(file, f.errorString()));
    }
    CidrList::parse(allow, &cidrProblems);
    for (const QString &p : std::as_const(cidrProblems))
        issue(u"edge/allowlist"_s, u"invalid_value"_s, u"edge/allowlist: "_s + p);

    QStringList silenceProblems;
    parseSilenceSources(s.value(u"alerts/silence_sources"_s), &silenceProblems);
    for (const QString &p : std::as_const(silenceProblems))
        issue(u"alerts/silence_sources"_s, u"invalid_value"_s, u"alerts/silence_sources: "_s + p);

    if (const QString url = s.value(u"alerts/url"_s); !url.isEmpty()) {
        const QUrl alertUrl(url, QUrl::StrictMode);
        if (!alertUrl.isValid() ||
            (alertUrl.scheme() != u"https"_s && alertUrl.scheme() != u"http"_s))
            issue(u"alerts/url"_s, u"invalid_value"_s,
                  u"alerts/url must be an http(s) URL (got '%1')"_s.arg(url));
    }
    for (const QString &key : {u"sink/secret"_s, u"alerts/secret"_s}) {
        const QByteArray secret = s.value(key).toUtf8();
        if (!secret.isEmpty() && standardWebhooksKey(secret).isNull())
            issue(key, u"invalid_value"_s,
                  u"%1 must be a Standard Webhooks secret: whsec_ followed by base64"_s.arg(key));
    }

    // The files themselves are read (and the key's mode checked) when the engine starts.
    const bool certificate = !s.value(u"tls/certificate"_s).isEmpty();
    const bool key = !s.value(u"tls/private_key"_s).isEmpty();
    const bool mutual = !s.value(u"tls/client_ca"_s).isEmpty();
    if (certificate != key)
        issue(u"tls/certificate"_s, u"requires"_s,
              u"tls/certificate and tls/private_key must be set together"_s);
    else if (!certificate && mutual)
        issue(u"tls/client_ca"_s, u"requires"_s,
              u"tls/client_ca needs tls/certificate and tls/private_key"_s);
    if (!s.value(u"tls/client_subject_cn"_s).isEmpty() && !mutual)
        issue(u"tls/client_subject_cn"_s, u"requires"_s,
              u"tls/client_subject_cn needs tls/client_ca (mutual TLS)"_s);
    if (!s.value(u"tls/client_certificate_routes"_s)
             .split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts)
             .isEmpty() &&
        !mutual)
        issue(u"tls/client_certificate_routes"_s, u"requires"_s,
              u"tls/client_certificate_routes needs tls/client_ca (mutual TLS)"_s);

    if (!s.value(u"admin/listen"_s).isEmpty()) {
        const QHostAddress admin(s.hostOf(u"admin/listen"_s));
        const QHostAddress webhooks(s.listenHost());
        const quint16 port = s.portOf(u"admin/listen"_s);
        if (port != 0 && port == s.listenPort() &&
            (admin == webhooks || admin.isEqual(QHostAddress::Any) ||
             webhooks.isEqual(QHostAddress::Any)))
            issue(u"admin/listen"_s, u"invalid_value"_s,
                  u"admin/listen must not be the webhook port (server/listen)"_s);
    }
    return issues;
}

SettingProblems checkSettings(const Settings &settings)
{
    SettingProblems problems = settings.validate();
    problems += settingRulesBetween(settings);
    return problems;
}

} // namespace gerbang
