// SPDX-License-Identifier: GPL-3.0-or-later
#include "TenantsPage.h"

#include "backend/Backend.h"
#include "core/RoleGate.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QLabel *errorLabel(const QString &name)
{
    auto *l = new QLabel;
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setStyleSheet(u"color: #da4453;"_s);
    l->hide();
    return l;
}

void setError(QLabel *label, const QStringList &problems)
{
    label->setText(problems.join(u'\n'));
    label->setVisible(!problems.isEmpty());
}

} // namespace

TenantsPage::TenantsPage(Backend &backend, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_messages(new MessageBar)
    , m_list(new QListWidget)
    , m_new(new QPushButton(Icons::get(u"add"_s), QString()))
    , m_delete(new QPushButton(Icons::get(u"remove"_s), QString()))
    , m_form(new QFormLayout)
    , m_heading(new QLabel)
    , m_id(new QLineEdit)
    , m_name(new QLineEdit)
    , m_wabas(new QPlainTextEdit)
    , m_phones(new QPlainTextEdit)
    , m_enabled(new QCheckBox)
    , m_idError(errorLabel(u"idError"_s))
    , m_nameError(errorLabel(u"nameError"_s))
    , m_wabaError(errorLabel(u"wabaError"_s))
    , m_phoneError(errorLabel(u"phoneError"_s))
    , m_idLabel(new QLabel)
    , m_nameLabel(new QLabel)
    , m_wabaLabel(new QLabel)
    , m_phoneLabel(new QLabel)
    , m_hint(new QLabel)
    , m_save(new QPushButton(Icons::get(u"save"_s), QString()))
    , m_revert(new QPushButton(Icons::get(u"revert"_s), QString()))
{
    setObjectName(u"tenantsPage"_s);
    m_messages->setObjectName(u"tenantMessages"_s);
    m_list->setObjectName(u"tenantList"_s);
    m_new->setObjectName(u"newTenant"_s);
    m_delete->setObjectName(u"deleteTenant"_s);
    m_id->setObjectName(u"tenantId"_s);
    m_name->setObjectName(u"tenantName"_s);
    m_wabas->setObjectName(u"tenantWabas"_s);
    m_phones->setObjectName(u"tenantPhones"_s);
    m_enabled->setObjectName(u"tenantEnabled"_s);
    m_save->setObjectName(u"saveTenant"_s);
    m_revert->setObjectName(u"revertTenant"_s);
    for (QPlainTextEdit *e : {m_wabas, m_phones}) {
        e->setTabChangesFocus(true);
        e->setMaximumHeight(90);
    }
    m_id->setMaxLength(63);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_heading->setStyleSheet(u"font-weight: bold;"_s);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_delete);
    leftLayout->addLayout(listButtons);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_heading);
    auto fieldWithError = [](QWidget *field, QLabel *error) {
        auto *box = new QWidget;
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        v->addWidget(error);
        return box;
    };
    m_form->addRow(m_idLabel, fieldWithError(m_id, m_idError));
    m_form->addRow(m_nameLabel, fieldWithError(m_name, m_nameError));
    m_form->addRow(m_wabaLabel, fieldWithError(m_wabas, m_wabaError));
    m_form->addRow(m_phoneLabel, fieldWithError(m_phones, m_phoneError));
    m_form->addRow(QString(), m_enabled);
    m_idLabel->setBuddy(m_id);
    m_nameLabel->setBuddy(m_name);
    m_wabaLabel->setBuddy(m_wabas);
    m_phoneLabel->setBuddy(m_phones);
    rightLayout->addLayout(m_form);
    rightLayout->addWidget(m_hint);
    rightLayout->addStretch();
    auto *formButtons = new QHBoxLayout;
    formButtons->addStretch();
    formButtons->addWidget(m_revert);
    formButtons->addWidget(m_save);
    rightLayout->addLayout(formButtons);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 700});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(splitter, 1);

    m_save->setDefault(true);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &TenantsPage::save);
    connect(m_save, &QPushButton::clicked, this, &TenantsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &TenantsPage::revert);
    connect(m_new, &QPushButton::clicked, this, &TenantsPage::newTenant);
    connect(m_delete, &QPushButton::clicked, this, &TenantsPage::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &TenantsPage::selectionChanged);
    connect(m_id, &QLineEdit::textChanged, this, &TenantsPage::validate);
    connect(m_name, &QLineEdit::textChanged, this, &TenantsPage::validate);
    connect(m_wabas, &QPlainTextEdit::textChanged, this, &TenantsPage::validate);
    connect(m_phones, &QPlainTextEdit::textChanged, this, &TenantsPage::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &TenantsPage::validate);
    // The role is known once attached; others' changes show when nothing is being edited.
    connect(&m_backend, &Backend::linkChanged, this, &TenantsPage::validate);
    connect(&m_backend, &Backend::configurationChanged, this, [this] {
        if (isVisible() && !isDirty())
            reload();
    });
    retranslateUi();
    showTenant(Tenant{}, true);
}

QString TenantsPage::title() const
{
    return tr("Tenants");
}

void TenantsPage::activated()
{
    if (!isDirty())
        reload();
}

void TenantsPage::reload()
{
    m_backend.tenants(this, [this](Fetched<QList<Tenant>> r) {
        if (!r.ok()) {
            m_messages->show(tr("Cannot read the tenants: %1").arg(r.error),
                             MessageBar::Kind::Error);
            return;
        }
        const QString keep = !m_selectAfterLoad.isEmpty()
                                 ? std::exchange(m_selectAfterLoad, QString())
                             : m_isNew ? QString()
                                       : m_original.id;
        m_tenants = r.value;
        m_loading = true;
        m_list->clear();
        int select = -1;
        for (const Tenant &t : std::as_const(m_tenants)) {
            auto *item =
                new QListWidgetItem(Icons::get(t.enabled ? u"tenants"_s : u"stopped"_s),
                                    t.name.isEmpty() ? t.id : u"%1 (%2)"_s.arg(t.name, t.id));
            item->setData(Qt::UserRole, t.id);
            item->setToolTip(item->text());
            m_list->addItem(item);
            if (t.id == keep)
                select = m_list->count() - 1;
        }
        m_list->setCurrentRow(select);
        m_loading = false;
        if (select >= 0)
            showTenant(m_tenants.at(select), false);
        else if (!isDirty())
            showTenant(Tenant{}, true);
        validate();
        Q_EMIT loaded();
    });
}

void TenantsPage::selectionChanged()
{
    if (m_loading)
        return;
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_tenants.size())
        return;
    if (isDirty() && m_tenants.at(row).id != m_original.id) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"),
            tr("The tenant you were editing has unsaved changes. Discard them?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            m_loading = true;
            for (int i = 0; i < m_list->count(); ++i) {
                if (m_list->item(i)->data(Qt::UserRole).toString() == m_original.id)
                    m_list->setCurrentRow(i);
            }
            m_loading = false;
            return;
        }
    }
    showTenant(m_tenants.at(row), false);
}

void TenantsPage::newTenant()
{
    m_loading = true;
    m_list->setCurrentRow(-1);
    m_loading = false;
    showTenant(Tenant{}, true);
    m_id->setFocus();
}

void TenantsPage::showTenant(const Tenant &tenant, bool isNew)
{
    m_original = tenant;
    m_isNew = isNew;
    const QSignalBlocker b1(m_id), b2(m_name), b3(m_wabas), b4(m_phones), b5(m_enabled);
    m_id->setText(tenant.id);
    m_name->setText(tenant.name);
    m_wabas->setPlainText(tenant.wabaIds.join(u'\n'));
    m_phones->setPlainText(tenant.phoneNumberIds.join(u'\n'));
    m_enabled->setChecked(tenant.enabled);
    retranslateUi();
    validate();
}

bool TenantsPage::mayEdit() const
{
    return m_backend.allows(requiredRole(consolechange::AddTenant{}));
}

void TenantsPage::applyRole()
{
    const bool edit = mayEdit();
    m_id->setReadOnly(!m_isNew || !edit);
    m_name->setReadOnly(!edit);
    m_wabas->setReadOnly(!edit);
    m_phones->setReadOnly(!edit);
    const AdminRole needed = requiredRole(consolechange::AddTenant{});
    rolegate::apply(m_enabled, m_backend, needed);
    rolegate::apply(m_new, m_backend, needed);
    rolegate::apply(m_delete, m_backend, needed, !m_isNew);
}

QStringList TenantsPage::splitIds(const QString &text)
{
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

Tenant TenantsPage::formTenant() const
{
    Tenant t = m_original;
    t.id = m_id->text().trimmed();
    t.name = m_name->text().trimmed();
    t.wabaIds = splitIds(m_wabas->toPlainText());
    t.phoneNumberIds = splitIds(m_phones->toPlainText());
    t.enabled = m_enabled->isChecked();
    return t;
}

bool TenantsPage::isDirty() const
{
    const Tenant t = formTenant();
    return t.id != m_original.id || t.name != m_original.name || t.wabaIds != m_original.wabaIds ||
           t.phoneNumberIds != m_original.phoneNumberIds || t.enabled != m_original.enabled;
}

QStringList TenantsPage::problems() const
{
    QStringList all;
    for (QLabel *l : {m_idError, m_nameError, m_wabaError, m_phoneError}) {
        if (!l->text().isEmpty())
            all << l->text();
    }
    return all;
}

void TenantsPage::validate()
{
    // The same rules as TenantRepository::validate, checked as the admin types; the repository
    // checks again when saving (gerbangctl may have changed something meanwhile).
    static const QRegularExpression idSyntax(u"^[a-z0-9][a-z0-9_-]{0,62}$"_s);
    static const QRegularExpression numeric(u"^[0-9]{1,32}$"_s);
    const Tenant t = formTenant();
    QStringList idProblems;
    if (t.id.isEmpty())
        idProblems << tr("Enter a tenant id.");
    else if (!idSyntax.match(t.id).hasMatch())
        idProblems << tr("Use 1–63 lower-case letters, digits, '-' or '_', starting with a "
                         "letter or digit.");
    else if (m_isNew && std::any_of(m_tenants.cbegin(), m_tenants.cend(),
                                    [&](const Tenant &o) { return o.id == t.id; }))
        idProblems << tr("A tenant with this id already exists.");
    setError(m_idError, idProblems);
    setError(m_nameError,
             t.name.isEmpty() ? QStringList{tr("Enter a display name.")} : QStringList{});
    auto check = [&](const QStringList &ids, bool waba) {
        QStringList problems;
        QStringList seen;
        for (const QString &v : ids) {
            if (!numeric.match(v).hasMatch()) {
                problems << (waba ? tr("WABA ID '%1' is not numeric.")
                                  : tr("Phone number ID '%1' is not numeric."))
                                .arg(v);
                continue;
            }
            if (seen.contains(v))
                problems << tr("'%1' is listed twice.").arg(v);
            seen << v;
            for (const Tenant &o : std::as_const(m_tenants)) {
                if (o.id == t.id && !m_isNew)
                    continue;
                if ((waba ? o.wabaIds : o.phoneNumberIds).contains(v))
                    problems << (waba ? tr("WABA ID %1 already belongs to tenant '%2'.")
                                      : tr("Phone number ID %1 already belongs to tenant '%2'."))
                                    .arg(v, o.id);
            }
        }
        return problems;
    };
    setError(m_wabaError, check(t.wabaIds, true));
    setError(m_phoneError, check(t.phoneNumberIds, false));
    const bool dirty = isDirty();
    const AdminRole needed = requiredRole(consolechange::AddTenant{});
    rolegate::apply(m_save, m_backend, needed, dirty && problems().isEmpty());
    rolegate::apply(m_revert, m_backend, needed, dirty);
    applyRole();
}

void TenantsPage::save()
{
    if (!mayEdit())
        return;
    validate();
    const QStringList found = problems();
    if (!found.isEmpty()) {
        m_messages->show(tr("Not saved: fix the marked fields first."), MessageBar::Kind::Error);
        Q_EMIT saveFailed(found.join(u'\n'));
        return;
    }
    if (!isDirty())
        return;
    const Tenant t = formTenant();
    const bool isNew = m_isNew;
    m_save->setEnabled(false);
    ConsoleChange change =
        isNew ? ConsoleChange(consolechange::AddTenant{t})
              : ConsoleChange(consolechange::UpdateTenant{
                    t.id, TenantPatch{t.name, t.enabled, t.wabaIds, t.phoneNumberIds}});
    m_backend.apply(this, std::move(change), [this, t](ChangeResult r) {
        if (!r.ok()) {
            m_messages->show(tr("Not saved: %1").arg(r.message), MessageBar::Kind::Error);
            validate();
            Q_EMIT saveFailed(r.message);
            return;
        }
        m_messages->show(tr("Tenant '%1' saved. The running engine routes with it within a "
                            "second.")
                             .arg(t.id),
                         MessageBar::Kind::Positive);
        m_original = t;
        m_isNew = false;
        m_selectAfterLoad = t.id;
        reload();
        Q_EMIT saved(t.id);
    });
}

void TenantsPage::revert()
{
    showTenant(m_original, m_isNew);
    m_messages->clear();
}

void TenantsPage::removeSelected()
{
    if (m_isNew || m_original.id.isEmpty() || !mayEdit())
        return;
    const QString id = m_original.id;
    const auto answer = QMessageBox::warning(
        this, tr("Delete tenant"),
        tr("Delete tenant '%1'? Its WhatsApp numbers stop being routed to it at once; stored "
           "events and audit rows stay.")
            .arg(id),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_backend.apply(this, consolechange::RemoveTenant{id}, [this, id](ChangeResult r) {
        if (!r.ok()) {
            m_messages->show(tr("Not deleted: %1").arg(r.message), MessageBar::Kind::Error);
            return;
        }
        m_messages->show(tr("Tenant '%1' deleted.").arg(id), MessageBar::Kind::Positive);
        showTenant(Tenant{}, true);
        reload();
    });
}

void TenantsPage::retranslateUi()
{
    m_new->setText(tr("&New tenant"));
    m_delete->setText(tr("&Delete"));
    m_save->setText(tr("&Save"));
    m_revert->setText(tr("Re&vert"));
    m_revert->setToolTip(tr("Undo the changes not saved yet"));
    m_idLabel->setText(tr("Tenant &id:"));
    m_nameLabel->setText(tr("Display &name:"));
    m_wabaLabel->setText(tr("&WABA IDs:"));
    m_phoneLabel->setText(tr("&Phone number IDs:"));
    m_enabled->setText(tr("&Enabled (requests for a disabled tenant are answered as unknown)"));
    m_id->setPlaceholderText(tr("e.g. firm-a"));
    m_name->setPlaceholderText(tr("e.g. Firm A Legal Partners"));
    m_wabas->setPlaceholderText(tr("One WhatsApp Business Account ID per line"));
    m_phones->setPlaceholderText(tr("One phone number ID per line (used when no WABA ID matches)"));
    m_hint->setText(tr("WhatsApp events are routed by WABA ID first, then by phone number ID. "
                       "Each ID can belong to one tenant only."));
    m_heading->setText(m_isNew ? tr("New tenant") : tr("Tenant %1").arg(m_original.id));
    validate();
}

} // namespace gerbang
