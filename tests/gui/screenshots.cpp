// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang-screenshots OUTDIR: renders every page of the console (offscreen), in English and in
// Bahasa Indonesia, over a real engine that has served some traffic. docs/screenshots/
// generate.sh runs it; the README shows the result.
#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "crypto/Vault.h"
#include "pages/AuditPage.h"
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
    const QStringList names = {u"dashboard"_s, u"tenants"_s,     u"sources"_s, u"audit"_s,
                               u"alerts"_s,    u"deadletters"_s, u"settings"_s};
    for (const QString &lang : {u"en"_s, u"id"_s}) {
        fx.language->apply(lang, false);
        for (int i = 0; i < fx.window->pages().size(); ++i) {
            Page *page = fx.window->pages().at(i);
            fx.window->showPage(page);
            if (page == fx.window->tenants()) {
                auto *list = page->findChild<QListWidget *>(u"tenantList"_s);
                if (list && list->count() > 0)
                    list->setCurrentRow(0);
            }
            wait(700);
            if (page == fx.window->audit()) {
                auto *view = page->findChild<QTableView *>(u"auditTable"_s);
                view->setCurrentIndex(view->model()->index(2, 0));
            }
            wait(300);
            const QString file =
                out.filePath(u"%1-%2-%3.png"_s.arg(lang).arg(i + 1).arg(names.at(i)));
            if (!fx.window->grab().save(file))
                qFatal("cannot write %s", qPrintable(file));
            std::printf("%s\n", qPrintable(file));
        }
    }
    return 0;
}
