// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourcesPage.h"

#include "SecretDialog.h"
#include "SourceDialog.h"
#include "SourceTestDialog.h"
#include "WhatsAppCheckDialog.h"
#include "backend/Backend.h"
#include "core/RoleGate.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QTableWidget *makeTable(const QString &name, int columns)
{
    auto *t = new QTableWidget(0, columns);
    t->setObjectName(name);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

} // namespace

SourcesPage::SourcesPage(Backend &backend, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_messages(new MessageBar)
    , m_sourcesBox(new QGroupBox)
    , m_secretsBox(new QGroupBox)
    , m_sourceTable(makeTable(u"sourcesTable"_s, 6))
    , m_secretTable(makeTable(u"secretsTable"_s, 5))
    , m_add(new QPushButton(Icons::get(u"add"_s), QString()))
    , m_remove(new QPushButton(Icons::get(u"remove"_s), QString()))
    , m_test(new QPushButton(Icons::get(u"start"_s), QString()))
    , m_testWhatsApp(new QPushButton(Icons::get(u"start"_s), QString()))
    , m_checkWhatsApp(new QPushButton(Icons::get(u"check"_s), QString()))
    , m_set(new QPushButton(Icons::get(u"key"_s), QString()))
    , m_rotate(new QPushButton(Icons::get(u"rotate"_s), QString()))
    , m_retire(new QPushButton(Icons::get(u"close"_s), QString()))
    , m_secretHint(new QLabel)
    , m_allowlist(new QPushButton(Icons::get(u"filter"_s), QString()))
    , m_everySource(new QLabel)
{
    setObjectName(u"sourcesPage"_s);
    m_messages->setObjectName(u"sourceMessages"_s);
    m_add->setObjectName(u"addSource"_s);
    m_remove->setObjectName(u"removeSource"_s);
    m_test->setObjectName(u"testSource"_s);
    m_testWhatsApp->setObjectName(u"testWhatsApp"_s);
    m_checkWhatsApp->setObjectName(u"checkWhatsApp"_s);
    m_set->setObjectName(u"setSecret"_s);
    m_rotate->setObjectName(u"rotateSecret"_s);
    m_retire->setObjectName(u"retireSecret"_s);
    m_allowlist->setObjectName(u"editAllowlist"_s);
    m_everySource->setObjectName(u"everySourceAllowlist"_s);
    m_everySource->setWordWrap(true);
    m_secretHint->setWordWrap(true);

    auto *sourcesLayout = new QVBoxLayout(m_sourcesBox);
    sourcesLayout->addWidget(m_everySource);
    sourcesLayout->addWidget(m_sourceTable);
    auto *sourceButtons = new QHBoxLayout;
    sourceButtons->addWidget(m_checkWhatsApp);
    sourceButtons->addWidget(m_testWhatsApp);
    sourceButtons->addWidget(m_test);
    sourceButtons->addStretch();
    sourceButtons->addWidget(m_allowlist);
    sourceButtons->addWidget(m_add);
    sourceButtons->addWidget(m_remove);
    sourcesLayout->addLayout(sourceButtons);

    auto *secretsLayout = new QVBoxLayout(m_secretsBox);
    secretsLayout->addWidget(m_secretHint);
    secretsLayout->addWidget(m_secretTable);
    auto *secretButtons = new QHBoxLayout;
    secretButtons->addStretch();
    secretButtons->addWidget(m_set);
    secretButtons->addWidget(m_rotate);
    secretButtons->addWidget(m_retire);
    secretsLayout->addLayout(secretButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(m_sourcesBox, 1);
    layout->addWidget(m_secretsBox, 1);

    connect(m_add, &QPushButton::clicked, this, &SourcesPage::askAddSource);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QString name = selectedSourceName();
        if (name.isEmpty())
            return;
        if (QMessageBox::warning(this, tr("Remove source"),
                                 tr("Remove source '%1'? Its route stops accepting webhooks at "
                                    "once.")
                                     .arg(name),
                                 QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes)
            removeSource(name);
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        if (const QString name = selectedSourceName(); !name.isEmpty())
            testSource(name);
    });
    connect(m_testWhatsApp, &QPushButton::clicked, this, [this] { testSource(u"whatsapp"_s); });
    connect(m_checkWhatsApp, &QPushButton::clicked, this, [this] { checkWhatsApp(); });
    connect(m_allowlist, &QPushButton::clicked, this, &SourcesPage::askAllowlist);
    connect(m_set, &QPushButton::clicked, this, [this] { askSecret(false); });
    connect(m_rotate, &QPushButton::clicked, this, [this] { askSecret(true); });
    connect(m_retire, &QPushButton::clicked, this, [this] {
        const QString name = selectedSecretName();
        if (!name.isEmpty())
            retireSecret(name);
    });
    connect(&m_backend, &Backend::linkChanged, this, &SourcesPage::applyRole);
    connect(&m_backend, &Backend::configurationChanged, this, [this] {
        if (isVisible())
            reload();
    });
    retranslateUi();
}

void SourcesPage::applyRole()
{
    // Adding or removing a source and every secret change need the same role.
    const AdminRole needed = requiredRole(consolechange::AddSource{});
    for (QWidget *control : {m_add, m_remove, m_set, m_rotate, m_retire})
        rolegate::apply(control, m_backend, needed);
    rolegate::apply(m_allowlist, m_backend, requiredRole(consolechange::SetAllowlist{}));
    // A test event is stored and delivered like a provider's: an operator's action.
    for (QWidget *control : {m_test, m_testWhatsApp})
        rolegate::apply(control, m_backend, AdminRole::Operator);
}

QString SourcesPage::title() const
{
    return tr("Sources & secrets");
}

SourceTestDialog *SourcesPage::testSource(const QString &name)
{
    auto *dialog = new SourceTestDialog(name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    m_backend.testSource(dialog, name, {},
                         [dialog](const Fetched<SourceTestReport> &r) { dialog->showReport(r); });
    return dialog;
}

WhatsAppCheckDialog *SourcesPage::checkWhatsApp()
{
    auto *dialog = new WhatsAppCheckDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    m_backend.checkWhatsApp(
        dialog, {}, [dialog](const Fetched<WhatsAppSetupReport> &r) { dialog->showReport(r); });
    return dialog;
}

void SourcesPage::activated()
{
    reload();
}

void SourcesPage::reload()
{
    m_backend.sources(this, [this](Fetched<SourceListing> l) {
        if (!l.ok()) {
            m_messages->show(tr("Cannot read the sources: %1").arg(l.error),
                             MessageBar::Kind::Error);
            return;
        }
        m_sources = l.value.sources;
        m_secrets = l.value.secrets;
        m_secretsListed = l.value.secretsListed;
        m_tenantIds = l.value.tenantIds;
        m_allowlists = l.value.allowlists;
        fillTables();
        Q_EMIT loaded();
    });
}

void SourcesPage::fillTables()
{
    const QLocale locale;
    m_sourceTable->setRowCount(int(m_sources.size()));
    for (int row = 0; row < m_sources.size(); ++row) {
        const Source &s = m_sources.at(row);
        const QString route = u"/webhooks/%1/%2"_s.arg(
            s.provider, Source::routedByTenant(s.provider) ? s.tenant : s.name);
        const bool hasSecret = std::any_of(m_secrets.cbegin(), m_secrets.cend(),
                                           [&](const SecretInfo &i) { return i.name == s.name; });
        const QString secret = !m_secretsListed ? tr("not shown to this role")
                               : hasSecret      ? tr("set")
                                                : tr("missing");
        const QStringList networks = m_allowlists.value(s.name);
        const QStringList cells = {
            s.name, s.provider, s.tenant,
            route,  secret,     networks.isEmpty() ? tr("any address") : networks.join(u", "_s)};
        for (int c = 0; c < cells.size(); ++c)
            m_sourceTable->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        if (m_secretsListed && !hasSecret)
            m_sourceTable->item(row, 4)->setIcon(Icons::get(u"warning"_s));
    }
    const QStringList every = m_allowlists.value(u"*"_s);
    m_everySource->setText(every.isEmpty()
                               ? tr("Every source accepts any client address (no allowlist).")
                               : tr("Every source accepts only: %1").arg(every.join(u", "_s)));
    m_secretTable->setRowCount(int(m_secrets.size()));
    for (int row = 0; row < m_secrets.size(); ++row) {
        const SecretInfo &s = m_secrets.at(row);
        const QStringList cells = {
            s.name, s.slot == u"current"_s ? tr("current") : tr("previous"), s.fingerprint,
            locale.toString(QDateTime::fromMSecsSinceEpoch(s.createdAtMs), QLocale::ShortFormat),
            s.retireAtMs > 0 ? locale.toString(QDateTime::fromMSecsSinceEpoch(s.retireAtMs),
                                               QLocale::ShortFormat)
                             : QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_secretTable->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
}

QString SourcesPage::selectedSourceName() const
{
    const int row = m_sourceTable->currentRow();
    return row >= 0 && row < m_sources.size() ? m_sources.at(row).name : QString();
}

QString SourcesPage::selectedSecretName() const
{
    const int row = m_secretTable->currentRow();
    return row >= 0 && row < m_secrets.size() ? m_secrets.at(row).name : QString();
}

void SourcesPage::finish(bool ok, const QString &error, const QString &success)
{
    m_messages->show(ok ? success : error,
                     ok ? MessageBar::Kind::Positive : MessageBar::Kind::Error);
    reload();
    Q_EMIT changed(ok, ok ? success : error);
}

void SourcesPage::askAddSource()
{
    SourceDialog dialog(m_tenantIds, this);
    if (dialog.exec() == QDialog::Accepted)
        addSource(dialog.source());
}

void SourcesPage::addSource(const Source &source)
{
    m_backend.apply(this, consolechange::AddSource{source}, [this, source](ChangeResult r) {
        finish(r.ok(), tr("Source not added: %1").arg(r.message),
               tr("Source '%1' added. Set its secret next.").arg(source.name));
    });
}

void SourcesPage::removeSource(const QString &name)
{
    m_backend.apply(this, consolechange::RemoveSource{name}, [this, name](ChangeResult r) {
        finish(r.ok(), tr("Source not removed: %1").arg(r.message),
               tr("Source '%1' removed.").arg(name));
    });
}

void SourcesPage::askAllowlist()
{
    // The selected source's list, or, with none selected, the one every source obeys.
    QString scope = selectedSourceName();
    if (scope.isEmpty())
        scope = u"*"_s;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Allowlist"),
        scope == u"*"_s
            ? tr("Client networks every source accepts, one per line (e.g. 203.0.113.0/24); "
                 "empty: any address.")
            : tr("Client networks source '%1' accepts, one per line (e.g. 203.0.113.0/24); "
                 "empty: any address.")
                  .arg(scope),
        m_allowlists.value(scope).join(u'\n'), &ok);
    if (ok)
        setAllowlist(scope, text.split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts));
}

void SourcesPage::setAllowlist(const QString &scope, const QStringList &networks)
{
    m_backend.apply(
        this, consolechange::SetAllowlist{scope, networks},
        [this, scope, networks](ChangeResult r) {
            finish(r.ok(), tr("Allowlist not changed: %1").arg(r.message),
                   networks.isEmpty()
                       ? tr("Allowlist of '%1' lifted: any address.").arg(scope)
                       : tr("Allowlist of '%1' set: %2.").arg(scope, networks.join(u", "_s)));
        });
}

void SourcesPage::askSecret(bool rotate)
{
    QString name = selectedSecretName();
    if (name.isEmpty())
        name = selectedSourceName();
    if (name.isEmpty() || !rotate) {
        QStringList names = {u"whatsapp"_s, u"whatsapp-verify-token"_s};
        for (const Source &s : std::as_const(m_sources))
            names << s.name;
        names.removeDuplicates();
        bool ok = false;
        name = QInputDialog::getItem(this, rotate ? tr("Rotate secret") : tr("Set secret"),
                                     tr("Secret name (a source, whatsapp, whatsapp:APP or "
                                        "whatsapp-verify-token):"),
                                     names, std::max<qsizetype>(0, names.indexOf(name)), true, &ok);
        if (!ok || name.isEmpty())
            return;
    }
    if (!SecretRepository::isValidName(name)) {
        m_messages->show(tr("'%1' is not a valid secret name.").arg(name), MessageBar::Kind::Error);
        return;
    }
    SecretDialog dialog(name, rotate, this);
    if (dialog.exec() == QDialog::Accepted)
        writeSecret(name, dialog.takeValue(), rotate);
}

void SourcesPage::writeSecret(const QString &name, QByteArray value, bool rotate)
{
    auto sealed = std::make_shared<QByteArray>(std::move(value));
    m_backend.apply(
        this, consolechange::WriteSecret{name, sealed, rotate},
        [this, name, rotate](ChangeResult r) {
            const QString fingerprint = r.result.value(u"fingerprint"_s).toString();
            finish(r.ok(), tr("Secret not stored: %1").arg(r.message),
                   rotate ? tr("Secret '%1' rotated (fingerprint %2). The previous "
                               "value stays accepted until you retire it.")
                                .arg(name, fingerprint)
                          : tr("Secret '%1' set (fingerprint %2).").arg(name, fingerprint));
        });
}

void SourcesPage::retireSecret(const QString &name)
{
    m_backend.apply(this, consolechange::RetireSecret{name}, [this, name](ChangeResult r) {
        finish(r.ok(), tr("Previous value not retired: %1").arg(r.message),
               tr("The previous value of '%1' is no longer accepted.").arg(name));
    });
}

void SourcesPage::retranslateUi()
{
    m_sourcesBox->setTitle(tr("Sources"));
    m_secretsBox->setTitle(tr("Secrets"));
    m_sourceTable->setHorizontalHeaderLabels(
        {tr("Name"), tr("Provider"), tr("Tenant"), tr("Route"), tr("Secret"), tr("Allowlist")});
    m_secretTable->setHorizontalHeaderLabels(
        {tr("Name"), tr("Slot"), tr("Fingerprint"), tr("Created"), tr("Retires")});
    m_add->setText(tr("&Add source…"));
    m_remove->setText(tr("&Remove source"));
    m_set->setText(tr("&Set secret…"));
    m_rotate->setText(tr("R&otate secret…"));
    m_retire->setText(tr("Re&tire previous"));
    m_test->setText(tr("Send &test event"));
    m_test->setToolTip(tr("Send a correctly signed sample event of the selected source through "
                          "the gateway's public route and follow it to the core (marked as a "
                          "test, never counted as a client's message)"));
    m_testWhatsApp->setText(tr("Test &WhatsApp"));
    m_testWhatsApp->setToolTip(tr("The same for WhatsApp: a signed sample message to the first "
                                  "tenant's WABA, with the app secret"));
    m_checkWhatsApp->setText(tr("&Check WhatsApp setup"));
    m_checkWhatsApp->setToolTip(tr("Check what can be checked without the internet: the app "
                                   "secret and verify token, a tenant for every WABA that "
                                   "called, the route answering Meta's verification, and TLS"));
    m_allowlist->setText(tr("A&llowlist…"));
    m_allowlist->setToolTip(tr("The client networks the selected source accepts (with none "
                               "selected: every source)"));
    m_secretHint->setText(tr("Values are stored encrypted with the master key and never shown "
                             "again: compare fingerprints with the sender instead."));
    fillTables();
    applyRole();
}

} // namespace gerbang
