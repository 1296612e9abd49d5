// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gerbang {

class Console;

// The first start: where the data lives, the listen address, the WhatsApp app secret and
// verify token, and the first tenant. Accepting writes the configuration, creates the master
// key (and says to back it up), stores the secrets encrypted and adds the tenant.
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    // exec()'s result when the admin chose to attach to a running gateway instead.
    static constexpr int ConnectInstead = 2;

    explicit FirstRunDialog(Console &console, QWidget *parent = nullptr);
    // Runs the setup without the dialog's buttons (the tests drive this too).
    void finish();

Q_SIGNALS:
    void setupFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void check();

    Console &m_console;
    QLabel *m_intro;
    QLineEdit *m_dataDir;
    QLineEdit *m_listen;
    QLineEdit *m_appSecret;
    QLineEdit *m_verifyToken;
    QLineEdit *m_tenantId;
    QLineEdit *m_tenantName;
    QLineEdit *m_waba;
    QLabel *m_dataDirLabel, *m_listenLabel, *m_appSecretLabel, *m_verifyTokenLabel,
        *m_tenantIdLabel, *m_tenantNameLabel, *m_wabaLabel;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QPushButton *m_connectInstead;
};

} // namespace gerbang
