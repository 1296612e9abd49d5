// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleFixture.h"

#include "TestSupport.h"
#include "config/ConfigWriter.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace gerbang::test {

ConsoleFixture::ConsoleFixture()
{
    // Console preferences (language, window geometry, acknowledged alerts) go to a test
    // location and start empty, so no run sees another's.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(u"GerbangTests"_s);
    QSettings().clear();
}

ConsoleFixture::~ConsoleFixture()
{
    stop();
}

bool ConsoleFixture::start(const QHash<QString, QString> &settings, bool startEngine)
{
    QHash<QString, QString> ini = {
        {u"server/listen"_s, u"127.0.0.1:0"_s},
        {u"storage/data_dir"_s, dataDir()},
        {u"whatsapp/app_secret"_s, QString::fromLatin1(kFixtureAppSecret)},
        {u"whatsapp/verify_token"_s, u"verify-token-for-tests"_s},
        {u"limits/rate_per_ip"_s, u"0"_s},
        {u"limits/rate_global"_s, u"0"_s},
    };
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        ini.insert(it.key(), it.value());
    QString error;
    if (!ConfigWriter::write(configPath(), ini, &error)) {
        qWarning("cannot write the configuration: %s", qPrintable(error));
        return false;
    }
    language = std::make_unique<Language>();
    language->apply(u"en"_s, false);
    console = std::make_unique<Console>(QStringList{u"gerbang"_s, u"--config"_s, configPath()});
    if (!console->load(&error)) {
        qWarning("cannot load the configuration: %s", qPrintable(error));
        return false;
    }
    backend = std::make_unique<LocalBackend>(*console);
    window = std::make_unique<MainWindow>(*backend, *language);
    window->show();
    if (!startEngine)
        return true;
    console->startEngine();
    if (!QTest::qWaitFor([&] { return console->state() != Console::State::Starting; }, 15000) ||
        console->state() != Console::State::Running) {
        qWarning("engine did not start: %s", qPrintable(console->lastError()));
        return false;
    }
    return true;
}

void ConsoleFixture::stop()
{
    window.reset();
    backend.reset();
    if (console)
        console->shutdown();
    console.reset();
    language.reset();
}

void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c == u'\n')
            QTest::keyClick(widget, Qt::Key_Return);
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

int postWhatsApp(quint16 port, const QString &fixture, bool validSignature,
                 const QHostAddress &from)
{
    const QByteArray body = readFixture(fixture);
    const QByteArray signature =
        validSignature ? hubSignature(body) : hubSignature(body, "not-the-app-secret");
    return httpRequest(port, "POST", "/whatsapp/webhook", body,
                       {{"Content-Type", "application/json"}, {"X-Hub-Signature-256", signature}},
                       10000, from)
        .status;
}

} // namespace gerbang::test
