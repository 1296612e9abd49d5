// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gerbang {

// Asks for a secret value twice, masked. The value never appears on screen and is wiped from
// the fields once read.
class SecretDialog : public QDialog
{
    Q_OBJECT
public:
    SecretDialog(const QString &name, bool rotate, QWidget *parent = nullptr);
    ~SecretDialog() override;
    // Takes the value out of the dialog (UTF-8) and clears the fields.
    QByteArray takeValue();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void check();
    QString m_secretName;
    bool m_rotate;
    QLabel *m_intro;
    QLabel *m_valueLabel;
    QLabel *m_confirmLabel;
    QLineEdit *m_value;
    QLineEdit *m_confirm;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace gerbang
