// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectDialog.h"

#include "net/CertificatePin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {

ConnectDialog::ConnectDialog(const QString &current, QWidget *parent)
    : QDialog(parent)
    , m_here(new QRadioButton(tr("&Run the gateway on this computer")))
    , m_remote(new QRadioButton(tr("&Connect to a running gateway")))
    , m_profiles(new QComboBox)
    , m_address(new QLineEdit)
    , m_token(new QLineEdit)
    , m_remember(new QCheckBox(tr("Keep the token in this computer's &keyring")))
    , m_pin(new QLabel)
    , m_forgetPin(new QPushButton(tr("&Forget the trusted certificate")))
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Connect"));
    m_here->setObjectName(u"connectHere"_s);
    m_remote->setObjectName(u"connectRemote"_s);
    m_profiles->setObjectName(u"connectProfile"_s);
    m_address->setObjectName(u"connectAddress"_s);
    m_token->setObjectName(u"connectToken"_s);
    m_forgetPin->setObjectName(u"connectForgetPin"_s);
    m_address->setPlaceholderText(tr("e.g. https://gateway.firm.local:8443"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("gbt_… (empty: the one in the keyring)"));
    m_remember->setChecked(true);
    m_pin->setWordWrap(true);
    m_pin->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #da4453;"_s);

    m_profiles->addItem(tr("New connection"), QString());
    for (const ConnectionProfile &p : ConnectionProfiles::all())
        m_profiles->addItem(p.name, p.name);

    auto *form = new QFormLayout;
    form->addRow(tr("&Saved connection:"), m_profiles);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(), m_remember);
    form->addRow(tr("Certificate:"), m_pin);
    form->addRow(QString(), m_forgetPin);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_here);
    layout->addWidget(m_remote);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    connect(m_here, &QRadioButton::toggled, this, &ConnectDialog::validate);
    connect(m_profiles, &QComboBox::currentIndexChanged, this, &ConnectDialog::profileChosen);
    connect(m_address, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    connect(m_forgetPin, &QPushButton::clicked, this, [this] {
        if (auto p = ConnectionProfiles::named(m_profiles->currentData().toString())) {
            p->pin.clear();
            ConnectionProfiles::save(*p);
        }
        profileChosen();
    });

    (current.isEmpty() ? m_here : m_remote)->setChecked(true);
    m_profiles->setCurrentIndex(std::max(0, m_profiles->findData(current)));
    profileChosen();
}

ConnectDialog::~ConnectDialog()
{
    // Not kept in a widget that outlives its use.
    m_token->clear();
}

void ConnectDialog::profileChosen()
{
    const auto profile = ConnectionProfiles::named(m_profiles->currentData().toString());
    if (profile)
        m_address->setText(profile->url.toString());
    m_pin->setText(profile && !profile->pin.isEmpty()
                       ? certificatepin::displayed(profile->pin)
                       : tr("not trusted yet: you are asked to compare it on the first "
                            "connection"));
    m_forgetPin->setEnabled(profile && !profile->pin.isEmpty());
    validate();
}

void ConnectDialog::validate()
{
    const bool remote = m_remote->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_profiles), static_cast<QWidget *>(m_address),
                       static_cast<QWidget *>(m_token), static_cast<QWidget *>(m_remember)})
        w->setEnabled(remote);
    const bool addressOk =
        !remote || !ConnectionProfiles::parseAddress(m_address->text()).isEmpty();
    m_problem->setText(addressOk ? QString()
                                 : tr("Enter the admin API's address, e.g. "
                                      "https://gateway.firm.local:8443."));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(addressOk);
}

void ConnectDialog::accept()
{
    m_choice = Choice{};
    m_choice.here = m_here->isChecked();
    if (!m_choice.here) {
        const QUrl url = ConnectionProfiles::parseAddress(m_address->text());
        const auto saved = ConnectionProfiles::named(m_profiles->currentData().toString());
        if (saved && saved->url.matches(url, QUrl::StripTrailingSlash))
            m_choice.profile = *saved;
        else
            m_choice.profile = ConnectionProfiles::forUrl(url).value_or(
                ConnectionProfile{ConnectionProfiles::nameFor(url), url, {}});
        m_choice.token = m_token->text().trimmed().toUtf8();
        m_choice.remember = m_remember->isChecked();
    }
    m_token->clear();
    QDialog::accept();
}

} // namespace gerbang
