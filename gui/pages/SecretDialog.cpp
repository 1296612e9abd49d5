// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretDialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {

SecretDialog::SecretDialog(const QString &name, bool rotate, QWidget *parent)
    : QDialog(parent)
    , m_secretName(name)
    , m_rotate(rotate)
    , m_intro(new QLabel)
    , m_valueLabel(new QLabel)
    , m_confirmLabel(new QLabel)
    , m_value(new QLineEdit)
    , m_confirm(new QLineEdit)
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(u"secretDialog"_s);
    m_value->setObjectName(u"secretValue"_s);
    m_confirm->setObjectName(u"secretConfirm"_s);
    for (QLineEdit *e : {m_value, m_confirm}) {
        e->setEchoMode(QLineEdit::Password);
        e->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
        connect(e, &QLineEdit::textChanged, this, &SecretDialog::check);
    }
    m_intro->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #da4453;"_s);
    auto *form = new QFormLayout;
    form->addRow(m_valueLabel, m_value);
    form->addRow(m_confirmLabel, m_confirm);
    m_valueLabel->setBuddy(m_value);
    m_confirmLabel->setBuddy(m_confirm);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(460);
    retranslateUi();
    check();
}

SecretDialog::~SecretDialog()
{
    m_value->clear();
    m_confirm->clear();
}

QByteArray SecretDialog::takeValue()
{
    QByteArray value = m_value->text().toUtf8();
    m_value->clear();
    m_confirm->clear();
    return value;
}

void SecretDialog::check()
{
    QString problem;
    if (m_value->text().isEmpty())
        problem = tr("Enter the secret.");
    else if (m_value->text() != m_confirm->text())
        problem = tr("The two entries differ.");
    m_problem->setText(m_confirm->text().isEmpty() ? QString() : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void SecretDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SecretDialog::retranslateUi()
{
    setWindowTitle(m_rotate ? tr("Rotate secret") : tr("Set secret"));
    m_intro->setText(
        m_rotate ? tr("The new value of '%1' is used from now on; the current value stays "
                      "accepted until you retire it, so senders can switch over.")
                       .arg(m_secretName)
                 : tr("The value of '%1' is stored encrypted with the master key. Afterwards "
                      "only its fingerprint is shown.")
                       .arg(m_secretName));
    m_valueLabel->setText(tr("&Value:"));
    m_confirmLabel->setText(tr("&Repeat:"));
    check();
}

} // namespace gerbang
