// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl secret set|rotate|list|remove. Values come from standard input only: argv is
// visible to every local user (ps, /proc) and lands in shell history.
#include "Cli.h"
#include "Output.h"
#include "crypto/Vault.h"
#include "domain/Duration.h"
#include "domain/Ids.h"
#include "storage/SecretRepository.h"

#include <QDateTime>
#include <QRegularExpression>
#include <cerrno>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

constexpr qint64 kMaxSecretBytes = AdminService::kMaxSecretBytes;

// Reads the value from standard input. At a terminal it prompts and turns echo off; from a
// pipe it takes everything. Exactly one trailing line ending is dropped so that
// `echo value | gerbangctl secret set NAME` stores "value".
bool readSecret(const QString &name, QByteArray *value, QString *error)
{
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    bool echoOff = false;
    if (tty) {
        writeError(u"value for secret '%1' (input hidden): "_s.arg(name));
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            echoOff = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    // Plain read(2) until end of input (or, at a terminal, the end of the line), so a pipe
    // that delivers the value in pieces is still read whole.
    QByteArray data;
    char buffer[4096];
    bool readFailed = false;
    while (data.size() <= kMaxSecretBytes + 1) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            readFailed = true;
        if (n <= 0)
            break;
        data.append(buffer, qsizetype(n));
        if (tty && data.endsWith('\n'))
            break;
    }
    if (echoOff)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (tty)
        writeError(u"\n"_s);
    if (readFailed) {
        data.fill('\0');
        *error = u"cannot read standard input"_s;
        return false;
    }
    if (data.size() > kMaxSecretBytes + 1) {
        *error = u"the secret is longer than %1 bytes"_s.arg(kMaxSecretBytes);
        return false;
    }
    if (data.endsWith("\r\n"))
        data.chop(2);
    else if (data.endsWith('\n'))
        data.chop(1);
    if (data.isEmpty()) {
        *error = u"the secret is empty: pipe the value on standard input, e.g. "
                 "printf '%s' \"$VALUE\" | gerbangctl secret set %1"_s.arg(name);
        return false;
    }
    if (data.size() > kMaxSecretBytes) {
        *error = u"the secret is longer than %1 bytes"_s.arg(kMaxSecretBytes);
        return false;
    }
    *value = data;
    return true;
}

// set and rotate differ only in the repository call.
int write(Invocation &inv, bool rotate)
{
    inv.allowRemote();
    if (rotate)
        inv.addOption(u"retire-after"_s,
                      u"Stop accepting the previous value after this long (e.g. 30m, 24h, 7d); "
                      "default: until 'secret retire'."_s,
                      u"DURATION"_s);
    if (auto rc = inv.parse(1, 1))
        return *rc;
    qint64 retireAtMs = 0;
    if (rotate && inv.isSet(u"retire-after"_s)) {
        const qint64 after = parseDuration(inv.value(u"retire-after"_s));
        if (after <= 0)
            return inv.usageError(u"--retire-after takes a duration such as 30m, 24h or 7d"_s);
        retireAtMs = QDateTime::currentMSecsSinceEpoch() + after;
    }
    const QString name = inv.positional().first();
    if (!SecretRepository::isValidName(name))
        return inv.fail(u"invalid secret name '%1': use a source name, whatsapp, whatsapp:APP, "
                        "whatsapp-verify-token or whatsapp-verify-token:APP"_s.arg(name));
    if (!inv.open(true))
        return ExitFailed;
    QByteArray value;
    QString error;
    if (!readSecret(name, &value, &error))
        return inv.fail(error);
    // Over the admin API the value travels in a JSON string: text only.
    QJsonObject body;
    if (inv.remote()) {
        const QString text = QString::fromUtf8(value);
        if (text.toUtf8() != value) {
            value.fill('\0');
            return inv.fail(u"with --gateway the secret must be UTF-8 text"_s);
        }
        body.insert(u"value"_s, text);
        if (rotate && inv.isSet(u"retire-after"_s))
            body.insert(u"retire_after"_s, inv.value(u"retire-after"_s));
    }
    const ChangeResult r =
        rotate
            ? inv.change("POST", u"/admin/v1/secrets/%1/rotate"_s.arg(name), &body,
                         [&](AdminService &s) { return s.rotateSecret(name, value, retireAtMs); })
            : inv.change("PUT", u"/admin/v1/secrets/"_s + name, &body,
                         [&](AdminService &s) { return s.setSecret(name, value); });
    body = {};
    value.fill('\0');
    if (!r.ok())
        return inv.fail(r.message);
    const QString fingerprint = r.result.value(u"fingerprint"_s).toString();
    if (!rotate)
        printOut(u"secret '%1' set (fingerprint %2)\n"_s.arg(name, fingerprint));
    else if (retireAtMs > 0)
        printOut(u"secret '%1' rotated (fingerprint %2); the previous value stays accepted until "
                 "%3\n"_s.arg(name, fingerprint, isoUtc(retireAtMs)));
    else
        printOut(u"secret '%1' rotated (fingerprint %2); the previous value stays accepted until "
                 "'gerbangctl secret retire %1'\n"_s.arg(name, fingerprint));
    return ExitOk;
}

int set(Invocation &inv)
{
    return write(inv, false);
}

int rotate(Invocation &inv)
{
    return write(inv, true);
}

int retire(Invocation &inv)
{
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(1, 1, true))
        return *rc;
    const QString name = inv.positional().first();
    const ChangeResult r = inv.change("POST", u"/admin/v1/secrets/%1/retire"_s.arg(name), nullptr,
                                      [&](AdminService &s) { return s.retireSecret(name); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(u"the previous value of secret '%1' is no longer accepted\n"_s.arg(name));
    return ExitOk;
}

int list(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(0, 0, true))
        return *rc;
    const std::optional<QJsonArray> secrets =
        inv.listing(u"/admin/v1/secrets"_s, u"secrets"_s, [&inv](Database &db, QString *error) {
            QJsonArray array;
            for (const SecretInfo &s : SecretRepository(db, inv.vault()).list(error))
                array << secretJson(s);
            return array;
        });
    if (!secrets)
        return ExitFailed;
    if (inv.isSet(u"json"_s)) {
        printJson(*secrets);
        return ExitOk;
    }
    Table table({u"NAME"_s, u"SLOT"_s, u"FINGERPRINT"_s, u"CREATED"_s, u"RETIRES"_s});
    for (const QJsonValue &s : *secrets)
        table.addRow({s[u"name"_s].toString(), s[u"slot"_s].toString(),
                      s[u"fingerprint"_s].toString(), s[u"created_at"_s].toString(),
                      s[u"retire_at"_s].toString()});
    table.print(u"no secrets"_s);
    return ExitOk;
}

int remove(Invocation &inv)
{
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(1, 1, true))
        return *rc;
    const QString name = inv.positional().first();
    const ChangeResult r = inv.change("DELETE", u"/admin/v1/secrets/"_s + name, nullptr,
                                      [&](AdminService &s) { return s.removeSecret(name); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(u"secret '%1' removed\n"_s.arg(name));
    return ExitOk;
}

} // namespace

Group secretGroup()
{
    return {
        u"secret"_s,
        u"Secrets sealed with the master key (Meta app secrets, verify tokens, provider "
        "keys). Values are read from standard input and never shown; listings show "
        "fingerprints."_s,
        {
            {u"set"_s, u"NAME  (value on standard input)"_s,
             u"Set a secret, replacing any current and previous value. 'whatsapp' or "
             "'whatsapp:APP' is a Meta app secret, 'whatsapp-verify-token[:APP]' the "
             "subscription verify token."_s,
             set},
            {u"rotate"_s, u"NAME [--retire-after DURATION]  (value on standard input)"_s,
             u"Install a new value and keep the current one as 'previous', still accepted until "
             "--retire-after DURATION has passed or 'secret retire NAME'."_s,
             rotate},
            {u"retire"_s, u"NAME"_s, u"Stop accepting the previous value of a rotated secret."_s,
             retire},
            {u"list"_s, u"[--json]"_s, u"List secrets: name, slot, fingerprint, created."_s, list},
            {u"remove"_s, u"NAME"_s, u"Remove a secret (both slots)."_s, remove},
        }};
}

} // namespace gerbang::ctl
