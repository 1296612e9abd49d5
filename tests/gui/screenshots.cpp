// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang-screenshots OUTDIR: renders every page of the console (offscreen), in English and in
// Bahasa Indonesia, over a real engine that has served some traffic. docs/screenshots/
// generate.sh runs it; the README shows the result.
#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "backend/RemoteBackend.h"
#include "core/Language.h"
#include "crypto/Vault.h"
#include "pages/AuditPage.h"
#include "pages/EventsPage.h"
#include "pages/MainWindow.h"
#include "pages/Page.h"
#include "pages/TenantsPage.h"
#include "storage/Database.h"
#include "storage/SecretRepository.h"
#include "storage/SourceRepository.h"
#include "storage/TenantRepository.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QListWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

void wait(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void seed(ConsoleFixture &fx)
{
    QString error;
    auto db = Database::open(
        {DatabaseTarget::sqlite(Database::sqlitePathIn(fx.dataDir())), 5000, false}, &error);
    if (!db || !db->migrate(&error))
        qFatal("database: %s", qPrintable(error));
    TenantRepository tenants(*db);
    tenants.add({u"firm-a"_s,
                 u"Firma Hukum Santoso & Rekan"_s,
                 true,
                 {u"100000000000001"_s},
                 {u"200000000000001"_s},
                 0,
                 0},
                &error);
    tenants.add({u"firm-b"_s, u"Wibowo Legal Partners"_s, true, {u"100000000000002"_s}, {}, 0, 0},
                &error);
    Source stripe;
    stripe.name = u"firm-a-stripe"_s;
    stripe.provider = u"stripe"_s;
    stripe.tenant = u"firm-a"_s;
    SourceRepository(*db).add(stripe, &error);
    SecretRepository(*db, *fx.console->vault()).set(u"firm-a-stripe"_s, "whsec_demo", &error);
}

// Every page of `window` (or the `only` ones, by name) in both languages, as
// LANG-[PREFIX-]N-NAME.png; a page's name is its object name without "Page".
void shoot(MainWindow &window, Language &language, const QDir &out, const QString &prefix,
           const QStringList &only)
{
    for (const QString &lang : {u"en"_s, u"id"_s}) {
        language.apply(lang, false);
        int n = 0;
        for (Page *page : window.pages()) {
            const QString name = page->objectName().remove(u"Page"_s).toLower();
            if (!only.isEmpty() && !only.contains(name))
                continue;
            ++n;
            window.showPage(page);
            if (page == window.tenants()) {
                auto *list = page->findChild<QListWidget *>(u"tenantList"_s);
                if (list && list->count() > 0)
                    list->setCurrentRow(0);
            }
            wait(900);
            if (page == window.audit()) {
                auto *view = page->findChild<QTableView *>(u"auditTable"_s);
                view->setCurrentIndex(view->model()->index(2, 0));
            }
            if (page == window.events()) {
                auto *table = page->findChild<QTableWidget *>(u"eventTable"_s);
                if (table->rowCount() > 1)
                    table->selectRow(1);
            }
            wait(300);
            const QString file = out.filePath(
                u"%1-%2%3-%4.png"_s.arg(lang, prefix.isEmpty() ? QString() : prefix + u'-')
                    .arg(n)
                    .arg(name));
            if (!window.grab().save(file))
                qFatal("cannot write %s", qPrintable(file));
            std::printf("%s\n", qPrintable(file));
        }
    }
}

// The console attached to a running gerbangd (the way an admin watches the packaged service
// from another desk): admin API over TLS, its certificate pinned, an operator's token.
bool attached(const QDir &out)
{
    QTemporaryDir dir;
    GatewayProcess gw(dir.path());
    gw.environment().insert(u"GERBANG_ADMIN_LISTEN"_s, u"0.0.0.0:0"_s);
    gw.environment().insert(u"GERBANG_WHATSAPP_APP_SECRET"_s,
                            QString::fromLatin1(kFixtureAppSecret.toByteArray()));
    QString error;
    if (!gw.start(&error)) {
        std::fprintf(stderr, "gerbangd: %s\n", qPrintable(error));
        return false;
    }
    for (const QStringList &args :
         {QStringList{u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s,
                      u"Firma Hukum Santoso & Rekan"_s, u"--waba"_s, u"100000000000001"_s},
          QStringList{u"tenant"_s, u"add"_s, u"firm-b"_s, u"--name"_s, u"Wibowo Legal Partners"_s,
                      u"--waba"_s, u"100000000000002"_s}})
        runCtl(dir.path(), args);
    const QByteArray token = runCtl(dir.path(), {u"admin"_s, u"token"_s, u"create"_s, u"it-desk"_s,
                                                 u"--role"_s, u"operator"_s})
                                 .out.trimmed();
    const QString pin = QString::fromLatin1(runCtl(dir.path(), {u"admin"_s, u"fingerprint"_s}).out);
    wait(1500); // the gateway loads the tenants and the token
    RemoteBackend backend({QUrl(u"https://127.0.0.1:%1"_s.arg(gw.adminPort())), token,
                           certificatepin::normalized(pin)});
    Language language;
    MainWindow window(backend, language);
    window.resize(1280, 820);
    window.show();
    backend.attach();
    const QStringList fixtures = {u"wa_text.json"_s, u"wa_image.json"_s, u"wa_status_read.json"_s,
                                  u"wa_second_waba_text.json"_s, u"wa_document.json"_s};
    for (int second = 0; second < 25; ++second) {
        for (int i = 0; i <= second % 5; ++i)
            postWhatsApp(gw.port(), fixtures.at((second + i) % fixtures.size()));
        if (second % 8 == 3)
            postWhatsApp(gw.port(), u"wa_text.json"_s, false, QHostAddress(u"127.0.0.23"_s));
        wait(1000);
    }
    if (backend.link() != Backend::Link::Up) {
        std::fprintf(stderr, "not attached: %s\n", qPrintable(backend.linkProblem()));
        return false;
    }
    shoot(window, language, out, u"attached"_s,
          {u"dashboard"_s, u"events"_s, u"gateways"_s, u"settings"_s});
    QString why;
    return gw.stopCleanly(&why);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: gerbang-screenshots OUTDIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(out.path());
    ConsoleFixture fx;
    if (!fx.start({{u"limits/rate_per_ip"_s, u"20"_s}, {u"alerts/signature_failures"_s, u"5"_s}}))
        return 1;
    seed(fx);
    wait(1500); // the engine picks up the tenants
    fx.window->resize(1280, 820);

    // About half a minute of mixed traffic, so the charts have a history.
    const QStringList fixtures = {u"wa_text.json"_s, u"wa_image.json"_s, u"wa_status_read.json"_s,
                                  u"wa_second_waba_text.json"_s, u"wa_document.json"_s};
    for (int second = 0; second < 30; ++second) {
        for (int i = 0; i <= second % 7; ++i)
            postWhatsApp(fx.port(), fixtures.at((second + i) % fixtures.size()));
        if (second % 9 == 4)
            postWhatsApp(fx.port(), u"wa_text.json"_s, false, QHostAddress(u"127.0.0.23"_s));
        if (second == 25) { // someone probing with a wrong secret: raises an alert
            for (int i = 0; i < 6; ++i)
                postWhatsApp(fx.port(), u"wa_image.json"_s, false, QHostAddress(u"127.0.0.23"_s));
        }
        if (second == 20) {
            for (int i = 0; i < 40; ++i)
                postWhatsApp(fx.port(), u"wa_status_sent.json"_s, true,
                             QHostAddress(u"127.0.0.66"_s));
        }
        wait(1000);
    }
    wait(1500);
    shoot(*fx.window, *fx.language, out, QString(), {});
    fx.stop();
    return attached(out) ? 0 : 1;
}
