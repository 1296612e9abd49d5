// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/LocalBackend.h"
#include "core/Console.h"
#include "core/Language.h"
#include "pages/MainWindow.h"

#include <QHash>
#include <QTemporaryDir>
#include <memory>

namespace gerbang::test {

// A console as the admin gets it: an INI file in a temporary directory (written the way the
// settings page writes it), the engine started on 127.0.0.1 and a free port, the main window.
class ConsoleFixture
{
public:
    ConsoleFixture();
    ~ConsoleFixture();

    // Extra settings for the INI file (e.g. limits/rate_per_ip).
    bool start(const QHash<QString, QString> &settings = {}, bool startEngine = true);
    void stop();

    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    QString configPath() const { return m_dir.path() + QStringLiteral("/gerbang.ini"); }
    quint16 port() const { return console->listenPort(); }

    std::unique_ptr<Language> language;
    std::unique_ptr<Console> console;
    std::unique_ptr<LocalBackend> backend;
    std::unique_ptr<MainWindow> window;

private:
    QTemporaryDir m_dir;
};

// Types `text` into a widget key by key, as a user would (QTest::keyClicks knows only part of
// ASCII).
void typeText(QWidget *widget, const QString &text);

// A signed WhatsApp POST of a fixture; returns the HTTP status.
int postWhatsApp(quint16 port, const QString &fixture, bool validSignature = true,
                 const QHostAddress &from = {});

} // namespace gerbang::test
