// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl whatsapp check: what can be checked of the WhatsApp setup without the internet
// (issue 19).
#include "Cli.h"
#include "Output.h"
#include "crypto/Crypto.h"
#include "domain/Clock.h"
#include "sourcetest/WhatsAppSetupCheck.h"

#include <QEventLoop>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int check(Invocation &inv)
{
    inv.addOption(u"app"_s, u"A further Meta app (its route is /whatsapp/webhook/APP)."_s,
                  u"APP"_s);
    inv.addOption(u"days"_s,
                  u"How far back to look for WABAs that called without a tenant (default 7)."_s,
                  u"DAYS"_s);
    inv.addOption(u"url"_s,
                  u"The gateway's address (default: where this data directory's gateway "
                  "listens)."_s,
                  u"URL"_s);
    inv.addOption(u"json"_s, u"Print the report as one JSON object."_s);
    if (auto rc = inv.parseAndOpen(0, 0, true))
        return *rc;
    WhatsAppSetupInput input = WhatsAppSetupInput::fromSettings(inv.settings(), inv.value(u"app"_s),
                                                                gatewayListenUrl(inv), nowMs());
    if (inv.isSet(u"days"_s)) {
        bool ok = false;
        input.days = inv.value(u"days"_s).toInt(&ok);
        if (!ok || input.days < 1 || input.days > 35)
            return inv.usageError(u"--days takes a number of days from 1 to 35"_s);
    }
    WhatsAppSetupCheck checker(input);
    crypto::cleanse(&input.verifyTokenSetting);
    if (const QString certificate = inv.settings().value(u"tls/certificate"_s);
        !certificate.isEmpty())
        checker.trustCertificates(QSslCertificate::fromPath(certificate));
    QEventLoop loop;
    QObject::connect(&checker, &WhatsAppSetupCheck::finished, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    QString error;
    if (!checker.start(inv.database(), inv.vault(), &error))
        return inv.fail(error);
    loop.exec();
    const WhatsAppSetupReport &report = checker.report();
    if (inv.isSet(u"json"_s)) {
        printJson(report.toJson());
    } else {
        Table table({u"CHECK"_s, u"RESULT"_s, u"DETAIL"_s});
        for (const SetupCheckResult &c : report.checks)
            table.addRow({wire(c.check), wire(c.state), c.detail});
        table.print({});
    }
    if (!report.passed())
        return inv.fail(u"the WhatsApp setup has problems (see the failed checks above)"_s);
    return ExitOk;
}

} // namespace

Group whatsappGroup()
{
    return {u"whatsapp"_s,
            u"The WhatsApp Cloud API setup: what can be checked without the internet."_s,
            {
                {u"check"_s, u"[--app APP] [--days N] [--url URL] [--json]"_s,
                 u"Check the app secret and verify token, a tenant for every WABA that called "
                 "in the last days, the route answering Meta's callback verification, and TLS "
                 "where Meta can reach it."_s,
                 check},
            }};
}

} // namespace gerbang::ctl
