// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang: the desktop console with the embedded engine.
#include "backend/LocalBackend.h"
#include "core/Console.h"
#include "core/Language.h"
#include "pages/FirstRunDialog.h"
#include "pages/MainWindow.h"
#include "widgets/Icons.h"

#include <QApplication>
#include <QMessageBox>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Gerbang"_s);
    QApplication::setApplicationName(u"gerbang"_s);
    QApplication::setApplicationDisplayName(u"Gerbang"_s);
    QApplication::setApplicationVersion(QStringLiteral(GERBANG_VERSION));
    QApplication::setDesktopFileName(u"gerbang"_s);
    QApplication::setWindowIcon(gerbang::Icons::application());
    // Closing the window keeps the gateway running in the tray; Quit ends it.
    QApplication::setQuitOnLastWindowClosed(false);

    gerbang::Language language;
    language.apply(gerbang::Language::initial(), false);

    gerbang::Console console(QApplication::arguments());
    gerbang::LocalBackend backend(console);
    QString error;
    if (!console.configurationExists()) {
        // First start: the dialog writes the configuration, creates the key and the first
        // tenant. Nothing is created before the admin has chosen where it goes.
        gerbang::FirstRunDialog dialog(console);
        if (dialog.exec() != QDialog::Accepted)
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
