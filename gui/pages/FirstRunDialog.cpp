// SPDX-License-Identifier: GPL-3.0-or-later
#include "FirstRunDialog.h"

#include "config/ConfigWriter.h"
#include "config/Settings.h"
#include "core/Console.h"
#include "core/DbWorker.h"
#include "crypto/Vault.h"
#include "storage/SecretRepository.h"
#include "storage/TenantRepository.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {

FirstRunDialog::FirstRunDialog(Console &console, QWidget *parent)
    : QDialog(parent)
    , m_console(console)
    , m_intro(new QLabel)
    , m_dataDir(new QLineEdit)
    , m_listen(new QLineEdit(Settings::definition(u"server/listen")->defaultValue))
    , m_appSecret(new QLineEdit)
    , m_verifyToken(new QLineEdit)
    , m_tenantId(new QLineEdit)
    , m_tenantName(new QLineEdit)
    , m_waba(new QLineEdit)
    , m_dataDirLabel(new QLabel)
    , m_listenLabel(new QLabel)
    , m_appSecretLabel(new QLabel)
    , m_verifyTokenLabel(new QLabel)
    , m_tenantIdLabel(new QLabel)
    , m_tenantNameLabel(new QLabel)
    , m_wabaLabel(new QLabel)
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(u"firstRunDialog"_s);
    m_dataDir->setObjectName(u"firstRunDataDir"_s);
    m_listen->setObjectName(u"firstRunListen"_s);
    m_appSecret->setObjectName(u"firstRunAppSecret"_s);
    m_verifyToken->setObjectName(u"firstRunVerifyToken"_s);
    m_tenantId->setObjectName(u"firstRunTenantId"_s);
    m_tenantName->setObjectName(u"firstRunTenantName"_s);
    m_waba->setObjectName(u"firstRunWaba"_s);
    m_dataDir->setText(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                       u"/gerbang"_s);
    m_appSecret->setEchoMode(QLineEdit::Password);
    m_verifyToken->setEchoMode(QLineEdit::Password);
    m_intro->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #da4453;"_s);
    m_problem->setWordWrap(true);
    auto *form = new QFormLayout;
    const std::pair<QLabel *, QLineEdit *> rows[] = {{m_dataDirLabel, m_dataDir},
                                                     {m_listenLabel, m_listen},
                                                     {m_appSecretLabel, m_appSecret},
                                                     {m_verifyTokenLabel, m_verifyToken},
                                                     {m_tenantIdLabel, m_tenantId},
                                                     {m_tenantNameLabel, m_tenantName},
                                                     {m_wabaLabel, m_waba}};
    for (const auto &[label, edit] : rows) {
        label->setBuddy(edit);
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textChanged, this, &FirstRunDialog::check);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::finish);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The admin whose gateway runs as a service elsewhere sets nothing up here.
    m_connectInstead = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_connectInstead->setObjectName(u"firstRunConnectInstead"_s);
    connect(m_connectInstead, &QPushButton::clicked, this, [this] { done(ConnectInstead); });
    connect(this, &FirstRunDialog::setupFinished, this, [this](bool ok, const QString &message) {
        if (!ok) {
            m_problem->setText(message);
            m_buttons->setEnabled(true);
            return;
        }
        if (isVisible())
            QMessageBox::information(this, tr("Back up the master key"), message);
        accept();
    });
    setMinimumWidth(560);
    retranslateUi();
}

void FirstRunDialog::check()
{
    static const QRegularExpression idSyntax(u"^[a-z0-9][a-z0-9_-]{0,62}$"_s);
    static const QRegularExpression numeric(u"^[0-9]{1,32}$"_s);
    QString problem;
    if (m_dataDir->text().trimmed().isEmpty())
        problem = tr("Choose a data directory.");
    else if (!m_tenantId->text().isEmpty() && !idSyntax.match(m_tenantId->text()).hasMatch())
        problem = tr("The tenant id may use lower-case letters, digits, '-' and '_'.");
    else if (!m_waba->text().isEmpty() && !numeric.match(m_waba->text().trimmed()).hasMatch())
        problem = tr("The WABA ID is numeric.");
    else if (!m_tenantId->text().isEmpty() && m_tenantName->text().trimmed().isEmpty())
        problem = tr("Give the tenant a display name.");
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void FirstRunDialog::finish()
{
    check();
    if (!m_problem->text().isEmpty())
        return;
    m_buttons->setEnabled(false);
    QString error;
    const QString path = m_console.configPathFromArguments();
    if (!ConfigWriter::write(path,
                             {{u"storage/data_dir"_s, m_dataDir->text().trimmed()},
                              {u"server/listen"_s, m_listen->text().trimmed()}},
                             &error) ||
        !m_console.load(&error)) {
        Q_EMIT setupFinished(false, error);
        return;
    }
    QByteArray appSecret = m_appSecret->text().toUtf8();
    QByteArray verifyToken = m_verifyToken->text().toUtf8();
    m_appSecret->clear();
    m_verifyToken->clear();
    Tenant tenant;
    tenant.id = m_tenantId->text().trimmed();
    tenant.name = m_tenantName->text().trimmed();
    if (!m_waba->text().trimmed().isEmpty())
        tenant.wabaIds << m_waba->text().trimmed();
    const QString keyPath = QDir::toNativeSeparators(Vault::keyFilePath(m_console.dataDir()));
    const bool keyCreated = m_console.keyCreated();
    struct Result
    {
        bool ok = false;
        QString error;
    };
    m_console.db().run<Result>(
        this,
        [appSecret, verifyToken, tenant](DbContext &ctx) mutable {
            Result r;
            if (!ctx.db || !ctx.vault) {
                r.error = ctx.error;
                return r;
            }
            AdminService service = ctx.service(u"first-run setup"_s);
            const auto apply = [&r](const ChangeResult &c) {
                r.error = c.message;
                return c.ok();
            };
            r.ok = (appSecret.isEmpty() || apply(service.setSecret(u"whatsapp"_s, appSecret))) &&
                   (verifyToken.isEmpty() ||
                    apply(service.setSecret(u"whatsapp-verify-token"_s, verifyToken))) &&
                   (tenant.id.isEmpty() || apply(service.addTenant(tenant)));
            appSecret.fill('\0');
            verifyToken.fill('\0');
            return r;
        },
        [this, keyPath, keyCreated](Result r) {
            Q_EMIT setupFinished(
                r.ok, r.ok
                          ? (keyCreated ? tr("A new master key was created in %1. Back it up "
                                             "now, somewhere safe and offline: without it the "
                                             "stored payloads and secrets cannot be decrypted.")
                                              .arg(keyPath)
                                        : tr("The existing master key in %1 is used.").arg(keyPath))
                          : r.error);
        });
}

void FirstRunDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void FirstRunDialog::retranslateUi()
{
    setWindowTitle(tr("Welcome to Gerbang"));
    m_connectInstead->setText(tr("&Connect to a running gateway instead…"));
    m_intro->setText(tr("No configuration was found. Choose where Gerbang keeps its data; a "
                        "master key that encrypts payloads and secrets is created there. The "
                        "WhatsApp values come from your Meta app (App settings → Basic, and "
                        "the verify token you enter in the webhook setup). Everything can be "
                        "changed later."));
    m_dataDirLabel->setText(tr("&Data directory:"));
    m_listenLabel->setText(tr("&Listen address:"));
    m_appSecretLabel->setText(tr("WhatsApp &app secret:"));
    m_verifyTokenLabel->setText(tr("WhatsApp &verify token:"));
    m_tenantIdLabel->setText(tr("First tenant &id:"));
    m_tenantNameLabel->setText(tr("Tenant &name:"));
    m_wabaLabel->setText(tr("Tenant &WABA ID:"));
    check();
}

} // namespace gerbang
