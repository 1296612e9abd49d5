// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConnectionProfiles.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace gerbang {

// File → Connect…: run the gateway on this computer, or attach to a running one (a saved
// connection or a new address, and the admin token). The token is only ever typed here and
// kept in the OS keyring when the admin asks; the pinned certificate of a saved connection
// can be forgotten here on purpose after the gateway's certificate was replaced.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    struct Choice
    {
        bool here = true;
        ConnectionProfile profile;
        QByteArray token; // empty: use the one in the keyring
        bool remember = true;
    };

    // `current`: the saved connection in use (empty: this computer).
    explicit ConnectDialog(const QString &current, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Only after accept(); the token is wiped from the widget.
    Choice choice() const { return m_choice; }
    void accept() override;

private:
    void profileChosen();
    void validate();

    Choice m_choice;
    QRadioButton *m_here;
    QRadioButton *m_remote;
    QComboBox *m_profiles;
    QLineEdit *m_address;
    QLineEdit *m_token;
    QCheckBox *m_remember;
    QLabel *m_pin;
    QPushButton *m_forgetPin;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace gerbang
