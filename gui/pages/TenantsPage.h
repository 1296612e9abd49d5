// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "domain/Tenant.h"

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace gerbang {

class Backend;
class MessageBar;

// The tenant mapping editor: id, display name, WABA IDs, phone number IDs, enabled. Problems
// show next to the field as the admin types; nothing is written until Save, and Revert brings
// back what is stored. Reads and writes go through the Backend (this machine's database or a
// gateway's admin API); a write bumps the configuration revision, so the gateway routes with
// the change within a second. A token below admin sees the tenants read-only.
class TenantsPage : public Page
{
    Q_OBJECT
public:
    explicit TenantsPage(Backend &backend, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("tenants"); }
    void activated() override;

    void reload();
    void newTenant();
    void save();
    void revert();
    void removeSelected();
    bool isDirty() const;
    // The problems the form shows now (empty: it can be saved).
    QStringList problems() const;
    const QList<Tenant> &tenants() const { return m_tenants; }

Q_SIGNALS:
    void loaded();
    void saved(const QString &id);
    void saveFailed(const QString &message);

protected:
    void retranslateUi() override;

private:
    void showTenant(const Tenant &tenant, bool isNew);
    Tenant formTenant() const;
    void validate();
    void selectionChanged();
    // Whether the backend's role may change tenants; read-only otherwise.
    bool mayEdit() const;
    void applyRole();
    static QStringList splitIds(const QString &text);

    Backend &m_backend;
    QList<Tenant> m_tenants;
    Tenant m_original;
    bool m_isNew = false;
    bool m_loading = false;
    QString m_selectAfterLoad;

    MessageBar *m_messages;
    QListWidget *m_list;
    QPushButton *m_new;
    QPushButton *m_delete;
    QFormLayout *m_form;
    QLabel *m_heading;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QPlainTextEdit *m_wabas;
    QPlainTextEdit *m_phones;
    QCheckBox *m_enabled;
    QLabel *m_idError;
    QLabel *m_nameError;
    QLabel *m_wabaError;
    QLabel *m_phoneError;
    QLabel *m_idLabel, *m_nameLabel, *m_wabaLabel, *m_phoneLabel, *m_hint;
    QPushButton *m_save;
    QPushButton *m_revert;
};

} // namespace gerbang
