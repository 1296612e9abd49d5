// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttachedStart.h"

#include "ConnectDialog.h"
#include "Relaunch.h"
#include "TokenKeyring.h"
#include "admin/StatsJson.h"
#include "pages/MainWindow.h"

#include <QApplication>
#include <QJsonDocument>
#include <QMessageBox>
#include <QTimer>
#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;

namespace gerbang {

AttachedStart::AttachedStart(ConnectionProfile profile, StartOptions options, Language &language,
                             QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_options(std::move(options))
    , m_language(language)
{
}

AttachedStart::~AttachedStart()
{
    m_window.reset(); // before the backend it shows
}

void AttachedStart::begin()
{
    const QByteArray fromEnv = qgetenv("GERBANG_ADMIN_TOKEN").trimmed();
    if (!fromEnv.isEmpty())
        return withToken(fromEnv);
    tokenkeyring::read(m_profile.name, this, [this](QByteArray token, const QString &error) {
        if (!token.isEmpty())
            return withToken(std::move(token));
        askForToken(error.isEmpty() ? tr("No admin token is saved for %1.").arg(m_profile.name)
                                    : tr("The keyring cannot be read (%1).").arg(error));
    });
}

void AttachedStart::askForToken(const QString &why)
{
    if (m_options.printStats)
        return fail(2, why + u' ' + tr("Set GERBANG_ADMIN_TOKEN for unattended starts."));
    ConnectDialog dialog(m_profile.name);
    dialog.setWindowTitle(tr("Connect: %1").arg(why));
    if (dialog.exec() != QDialog::Accepted)
        return QApplication::exit(1);
    const ConnectDialog::Choice choice = dialog.choice();
    if (choice.here || choice.profile.name != m_profile.name || choice.token.isEmpty()) {
        return relaunchWith(choice, this, [this](const QString &error) {
            if (!error.isEmpty())
                return fail(1, error);
            QApplication::exit(0);
        });
    }
    if (choice.remember)
        tokenkeyring::write(m_profile.name, choice.token, this, [](const QString &error) {
            if (!error.isEmpty())
                qWarning("gerbang: the token was not saved in the keyring: %s", qPrintable(error));
        });
    withToken(choice.token);
}

void AttachedStart::withToken(QByteArray token)
{
    m_attachment = std::make_unique<Attachment>(m_profile, std::move(token), !m_options.printStats);
    if (m_options.printStats)
        return printStats();
    m_window = std::make_unique<MainWindow>(m_attachment->backend(), m_language);
    m_attachment->setAskParent(m_window.get());
    m_window->show();
    m_attachment->backend().attach();
}

void AttachedStart::printStats()
{
    RemoteBackend &backend = m_attachment->backend();
    // One line only: exit() returns to the event loop, which may deliver a second sample
    // before it stops (two lines are no longer one JSON document).
    connect(&backend, &Backend::statsArrived, this,
            [printed = false](qint64, const StatsSnapshot &snapshot) mutable {
                if (std::exchange(printed, true))
                    return;
                const QByteArray line =
                    QJsonDocument(statsJson(snapshot)).toJson(QJsonDocument::Compact);
                std::fprintf(stdout, "%s\n", line.constData());
                std::fflush(stdout);
                QApplication::exit(0);
            });
    connect(&backend, &Backend::linkChanged, this, [this, &backend](Backend::Link link) {
        if (link == Backend::Link::Refused)
            fail(2, backend.linkProblem());
    });
    QTimer::singleShot(m_options.timeoutSecs * 1000, this, [this, &backend] {
        fail(3, tr("No statistics from %1 within %2 s: %3")
                    .arg(backend.where())
                    .arg(m_options.timeoutSecs)
                    .arg(backend.linkProblem()));
    });
    backend.attach();
}

void AttachedStart::fail(int code, const QString &message)
{
    if (m_options.printStats || !m_window) {
        std::fprintf(stderr, "gerbang: %s\n", qPrintable(message));
    } else {
        QMessageBox::critical(m_window.get(), tr("Gerbang"), message);
    }
    QApplication::exit(code);
}

} // namespace gerbang
