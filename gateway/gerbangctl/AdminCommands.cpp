// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl admin token create|list|revoke, admin fingerprint
#include "Cli.h"
#include "Output.h"
#include "crypto/SelfSignedCertificate.h"
#include "domain/Duration.h"
#include "domain/Ids.h"
#include "storage/AdminTokenRepository.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int tokenCreate(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"role"_s, u"viewer, operator or admin (required)."_s, u"ROLE"_s);
    inv.addOption(u"expires"_s,
                  u"Lifetime: a number and s, m, h or d (e.g. 90d). Default: never."_s,
                  u"DURATION"_s);
    inv.addOption(u"json"_s, u"Print one JSON object: name, role, token, expires_at."_s);
    if (auto rc = inv.parse(1, 1))
        return *rc;
    const std::optional<AdminRole> role = fromWire<AdminRole>(inv.value(u"role"_s));
    if (!role)
        return inv.usageError(
            u"--role must be one of: %1"_s.arg(wireNames<AdminRole>().join(u", "_s)));
    qint64 expiresAtMs = 0;
    if (inv.isSet(u"expires"_s)) {
        const qint64 lifetime = parseDuration(inv.value(u"expires"_s));
        if (lifetime <= 0)
            return inv.usageError(u"--expires takes a number and s, m, h or d, e.g. 90d"_s);
        expiresAtMs = QDateTime::currentMSecsSinceEpoch() + lifetime;
    }
    if (!inv.open(false))
        return ExitFailed;
    const QString name = inv.positional().first();
    QJsonObject body{{u"name"_s, name}, {u"role"_s, wire(*role)}};
    if (inv.isSet(u"expires"_s))
        body.insert(u"expires_in"_s, inv.value(u"expires"_s));
    const ChangeResult r = inv.change("POST", u"/admin/v1/tokens"_s, &body, [&](AdminService &s) {
        return s.createToken(name, *role, expiresAtMs);
    });
    if (!r.ok())
        return inv.fail(r.message);
    const QString token = r.result.value(u"token"_s).toString();
    // The token alone on standard output (it is shown this once); what to do with it on
    // standard error, so that `TOKEN=$(gerbangctl admin token create …)` works.
    if (inv.isSet(u"json"_s)) {
        printJson(r.result);
    } else {
        printOut(token + u'\n');
        writeError(u"token '%1' (%2) created; it is shown only this once: keep it in a password "
                   "manager\n"_s.arg(name, wire(*role)));
    }
    return ExitOk;
}

int tokenList(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    const std::optional<QJsonArray> tokens =
        inv.listing(u"/admin/v1/tokens"_s, u"tokens"_s, [](Database &db, QString *error) {
            QJsonArray array;
            for (const AdminToken &t : AdminTokenRepository(db).all(error))
                array << tokenJson(t, 0);
            return array;
        });
    if (!tokens)
        return ExitFailed;
    if (inv.isSet(u"json"_s)) {
        printJson(*tokens);
        return ExitOk;
    }
    const auto orNever = [](const QJsonValue &v) {
        return v.isString() ? v.toString() : u"never"_s;
    };
    Table table({u"NAME"_s, u"ROLE"_s, u"CREATED"_s, u"LAST USED"_s, u"EXPIRES"_s});
    for (const QJsonValue &t : *tokens)
        table.addRow({t[u"name"_s].toString(), t[u"role"_s].toString(),
                      t[u"created_at"_s].toString(), orNever(t[u"last_used_at"_s]),
                      orNever(t[u"expires_at"_s])});
    table.print(u"no admin tokens"_s);
    return ExitOk;
}

int tokenRevoke(Invocation &inv)
{
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(1, 1))
        return *rc;
    const QString name = inv.positional().first();
    const ChangeResult r = inv.change("DELETE", u"/admin/v1/tokens/"_s + name, nullptr,
                                      [&](AdminService &s) { return s.revokeToken(name); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(u"token '%1' revoked; every gateway of this database refuses it within a "
             "second\n"_s.arg(name));
    return ExitOk;
}

int fingerprint(Invocation &inv)
{
    if (auto rc = inv.parse(0, 0))
        return *rc;
    if (!inv.openConfiguration())
        return ExitFailed;
    QString error;
    const QString path = inv.settings().adminCertificatePath();
    const QString fp = certificateFingerprint(path, &error);
    if (fp.isEmpty())
        return inv.fail(error + u" (the gateway makes its admin certificate on its first start "
                                "with admin/listen on a non-loopback address)"_s);
    printOut(u"SHA256:"_s + fp + u'\n');
    return ExitOk;
}

Group tokenGroup()
{
    return {u"admin token"_s,
            u"Tokens of the admin API: clients send one as 'Authorization: Bearer TOKEN'."_s,
            {
                {u"create"_s, u"NAME --role viewer|operator|admin [--expires DURATION] [--json]"_s,
                 u"Create a token and print it once, alone on standard output; only its SHA-256 "
                 "is stored."_s,
                 tokenCreate},
                {u"list"_s, u"[--json]"_s,
                 u"List tokens: name, role, created, last used, expires (never the token)."_s,
                 tokenList},
                {u"revoke"_s, u"NAME"_s,
                 u"Revoke a token: every gateway of this database refuses it within a second."_s,
                 tokenRevoke},
            }};
}

} // namespace

Group adminGroup()
{
    return {u"admin"_s,
            u"The admin API: its tokens and the fingerprint of its TLS certificate."_s,
            {
                {u"token"_s,
                 u"create NAME --role ROLE [--expires DURATION] | list | revoke NAME"_s,
                 u"Create a token (printed once, alone on standard output), list them (name, "
                 "role, created, last used, expires) or revoke one."_s,
                 {},
                 tokenGroup},
                {u"fingerprint"_s, QString(),
                 u"Print the SHA-256 fingerprint of the admin listener's certificate, to pin "
                 "it in clients."_s,
                 fingerprint},
            }};
}

} // namespace gerbang::ctl
