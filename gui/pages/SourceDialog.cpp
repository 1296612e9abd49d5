// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {

SourceDialog::SourceDialog(const QStringList &tenantIds, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit)
    , m_provider(new QComboBox)
    , m_tenant(new QComboBox)
    , m_tolerance(new QSpinBox)
    , m_dedupField(new QLineEdit)
    , m_route(new QLabel)
    , m_nameLabel(new QLabel)
    , m_providerLabel(new QLabel)
    , m_tenantLabel(new QLabel)
    , m_toleranceLabel(new QLabel)
    , m_dedupLabel(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(u"sourceDialog"_s);
    m_provider->addItems(Source::providers());
    m_tenant->addItem(QString());
    m_tenant->addItems(tenantIds);
    m_tolerance->setRange(0, 86400);
    m_tolerance->setSuffix(u" s"_s);
    m_route->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_providerLabel, m_provider);
    form->addRow(m_tenantLabel, m_tenant);
    form->addRow(m_toleranceLabel, m_tolerance);
    form->addRow(m_dedupLabel, m_dedupField);
    m_nameLabel->setBuddy(m_name);
    m_providerLabel->setBuddy(m_provider);
    m_tenantLabel->setBuddy(m_tenant);
    m_toleranceLabel->setBuddy(m_tolerance);
    m_dedupLabel->setBuddy(m_dedupField);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_route);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SourceDialog::update);
    connect(m_provider, &QComboBox::currentTextChanged, this, &SourceDialog::update);
    connect(m_tenant, &QComboBox::currentTextChanged, this, &SourceDialog::update);
    setMinimumWidth(460);
    retranslateUi();
}

Source SourceDialog::source() const
{
    Source s;
    s.name = m_name->text().trimmed();
    s.provider = m_provider->currentText();
    s.tenant = m_tenant->currentText();
    s.toleranceSecs = m_tolerance->value();
    s.dedupField = m_dedupField->text().trimmed();
    return s;
}

void SourceDialog::update()
{
    const Source s = source();
    const bool byTenant = Source::routedByTenant(s.provider);
    m_dedupField->setEnabled(s.provider == u"generic"_s);
    m_tolerance->setEnabled(s.provider == u"stripe"_s || s.provider == u"standard"_s);
    static const QRegularExpression nameSyntax(u"^[a-z][a-z0-9_-]{0,62}$"_s);
    const bool ok = nameSyntax.match(s.name).hasMatch() && (!byTenant || !s.tenant.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_route->setText(
        tr("Route: POST /webhooks/%1/%2").arg(s.provider, byTenant ? s.tenant : s.name));
}

void SourceDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SourceDialog::retranslateUi()
{
    setWindowTitle(tr("Add source"));
    m_nameLabel->setText(tr("&Name:"));
    m_providerLabel->setText(tr("&Provider:"));
    m_tenantLabel->setText(tr("&Tenant:"));
    m_toleranceLabel->setText(tr("Timestamp &tolerance:"));
    m_dedupLabel->setText(tr("&Dedup field:"));
    m_tolerance->setSpecialValueText(tr("default (300 s)"));
    m_dedupField->setPlaceholderText(tr("JSON pointer, e.g. /id (default: body hash)"));
    m_name->setPlaceholderText(tr("lower-case letters, digits, '-' or '_'"));
    update();
}

} // namespace gerbang
