// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Source.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gerbang {

// A new payment-provider or generic source: name, provider, tenant and options.
class SourceDialog : public QDialog
{
    Q_OBJECT
public:
    SourceDialog(const QStringList &tenantIds, QWidget *parent = nullptr);
    Source source() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void update();
    QLineEdit *m_name;
    QComboBox *m_provider;
    QComboBox *m_tenant;
    QSpinBox *m_tolerance;
    QLineEdit *m_dedupField;
    QLabel *m_route;
    QLabel *m_nameLabel, *m_providerLabel, *m_tenantLabel, *m_toleranceLabel, *m_dedupLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace gerbang
