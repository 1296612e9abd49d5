// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Attachment.h"
#include "StartOptions.h"

#include <QObject>
#include <memory>

namespace gerbang {

class Language;
class MainWindow;

// `gerbang --connect …` (or the connection used last): finds the token (GERBANG_ADMIN_TOKEN,
// else the profile's keyring entry, else the admin is asked), attaches, and shows the main
// window. With --print-stats it shows nothing: it prints the first statistics the gateway
// sends as one JSON line and quits, so that scripts and the package test can check a service
// through the console's own code.
class AttachedStart : public QObject
{
    Q_OBJECT
public:
    AttachedStart(ConnectionProfile profile, StartOptions options, Language &language,
                  QObject *parent = nullptr);
    ~AttachedStart() override;
    void begin();

private:
    void withToken(QByteArray token);
    void askForToken(const QString &why);
    void printStats();
    void fail(int code, const QString &message);

    ConnectionProfile m_profile;
    StartOptions m_options;
    Language &m_language;
    std::unique_ptr<Attachment> m_attachment;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace gerbang
