// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang: the desktop console. It runs the gateway here (the embedded engine), or attaches to
// a running gerbangd through its admin API (--connect, or the connection used last).
#include "backend/LocalBackend.h"
#include "connect/AttachedStart.h"
#include "connect/ConnectDialog.h"
#include "connect/ConnectionProfiles.h"
#include "connect/Relaunch.h"
#include "connect/StartOptions.h"
#include "core/Console.h"
#include "core/Language.h"
#include "pages/FirstRunDialog.h"
#include "pages/MainWindow.h"
#include "widgets/Icons.h"

#include <QApplication>
#include <QMessageBox>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// From the first-run dialog: File → Connect…'s dialog, then the console starts afresh attached.
int connectInstead(QApplication &app)
{
    gerbang::ConnectDialog dialog{QString()};
    if (dialog.exec() != QDialog::Accepted || dialog.choice().here)
        return 1;
    int rc = 1;
    gerbang::relaunchWith(dialog.choice(), &app, [&rc](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::critical(nullptr, QObject::tr("Gerbang"), error);
        rc = error.isEmpty() ? 0 : 1;
        QApplication::exit(rc);
    });
    app.exec(); // the keyring answers asynchronously
    return rc;
}

int runHere(QApplication &app, gerbang::Language &language, const QStringList &arguments)
{
    gerbang::Console console(arguments);
    gerbang::LocalBackend backend(console);
    QString error;
    if (!console.configurationExists()) {
        // First start: the dialog writes the configuration, creates the key and the first
        // tenant. Nothing is created before the admin has chosen where it goes.
        gerbang::FirstRunDialog dialog(console);
        const int chosen = dialog.exec();
        if (chosen == gerbang::FirstRunDialog::ConnectInstead)
            return connectInstead(app);
        if (chosen != QDialog::Accepted)
            return 1;
    } else if (!console.load(&error)) {
        QMessageBox::critical(nullptr, QObject::tr("Gerbang"),
                              QObject::tr("The configuration cannot be used:\n%1").arg(error));
        return 1;
    }
    gerbang::MainWindow window(backend, language);
    window.show();
    console.startEngine();
    QObject::connect(&app, &QApplication::aboutToQuit, &console, [&] { console.shutdown(); });
    return app.exec();
}

int runAttached(QApplication &app, gerbang::Language &language,
                const gerbang::StartOptions &options, const QString &target)
{
    QString error;
    const auto profile = gerbang::Attachment::resolve(target, options.trustFingerprint, &error);
    if (!profile) {
        std::fprintf(stderr, "gerbang: %s\n", qPrintable(error));
        if (!options.printStats)
            QMessageBox::critical(nullptr, QObject::tr("Gerbang"), error);
        return 2;
    }
    // An attached console is a window onto a service: closing it ends it.
    QApplication::setQuitOnLastWindowClosed(true);
    gerbang::AttachedStart start(*profile, options, language);
    start.begin();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Gerbang"_s);
    QApplication::setApplicationName(u"gerbang"_s);
    QApplication::setApplicationDisplayName(u"Gerbang"_s);
    QApplication::setApplicationVersion(QStringLiteral(GERBANG_VERSION));
    QApplication::setDesktopFileName(u"gerbang"_s);
    QApplication::setWindowIcon(gerbang::Icons::application());
    // Closing the window keeps the embedded gateway running in the tray; Quit ends it.
    QApplication::setQuitOnLastWindowClosed(false);

    gerbang::Language language;
    language.apply(gerbang::Language::initial(), false);

    const gerbang::StartOptions options = gerbang::StartOptions::parse(QApplication::arguments());
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "gerbang: %s\n", qPrintable(options.error));
        return 2;
    }
    // The connection used last reopens on start; "Run the gateway on this computer" in
    // File → Connect… clears it.
    QString target = options.connect;
    if (target.isEmpty() && gerbang::ConnectionProfiles::named(gerbang::ConnectionProfiles::last()))
        target = gerbang::ConnectionProfiles::last();
    if (!target.isEmpty())
        return runAttached(app, language, options, target);
    return runHere(app, language, options.rest);
}
