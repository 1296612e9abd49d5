// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "domain/Source.h"
#include "storage/SecretRepository.h"

class QGroupBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace gerbang {

class Backend;
class MessageBar;
class SourceTestDialog;
class WhatsAppCheckDialog;

// Sources (payment providers, generic senders) and the secrets that verify them, through the
// Backend (the AdminService rules gerbangctl uses, here or on an attached gateway). Secret values
// are entered masked and shown only as fingerprints.
class SourcesPage : public Page
{
    Q_OBJECT
public:
    explicit SourcesPage(Backend &backend, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("sources"); }
    void activated() override;

    void reload();
    void addSource(const Source &source);
    void removeSource(const QString &name);
    // `value` is wiped after use.
    void writeSecret(const QString &name, QByteArray value, bool rotate);
    void retireSecret(const QString &name);
    // Replaces the allowlist of `scope` ("*": every source); empty lifts it.
    void setAllowlist(const QString &scope, const QStringList &networks);
    // Sends a test event of `name` (a source, or "whatsapp") and shows its steps in a dialog,
    // which it returns (it closes itself when the page goes).
    SourceTestDialog *testSource(const QString &name);
    // Checks the WhatsApp setup and shows the report in a dialog, which it returns.
    WhatsAppCheckDialog *checkWhatsApp();
    const QMap<QString, QStringList> &allowlists() const { return m_allowlists; }
    const QList<Source> &sourceList() const { return m_sources; }
    const QList<SecretInfo> &secretList() const { return m_secrets; }

Q_SIGNALS:
    void loaded();
    void changed(bool ok, const QString &message);

protected:
    void retranslateUi() override;

private:
    void fillTables();
    void applyRole();
    void askAddSource();
    void askSecret(bool rotate);
    void askAllowlist();
    QString selectedSecretName() const;
    QString selectedSourceName() const;
    void finish(bool ok, const QString &error, const QString &success);

    Backend &m_backend;
    bool m_secretsListed = true;
    QMap<QString, QStringList> m_allowlists;
    QList<Source> m_sources;
    QList<SecretInfo> m_secrets;
    QStringList m_tenantIds;
    MessageBar *m_messages;
    QGroupBox *m_sourcesBox;
    QGroupBox *m_secretsBox;
    QTableWidget *m_sourceTable;
    QTableWidget *m_secretTable;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_test;
    QPushButton *m_testWhatsApp;
    QPushButton *m_checkWhatsApp;
    QPushButton *m_set;
    QPushButton *m_rotate;
    QPushButton *m_retire;
    QLabel *m_secretHint;
    QPushButton *m_allowlist;
    QLabel *m_everySource;
};

} // namespace gerbang
