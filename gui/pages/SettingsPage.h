// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "Stats.h"
#include "config/Settings.h"
#include "config/SettingsJson.h"

#include <QHash>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gerbang {

class Backend;
class Language;
class MessageBar;

// The settings the gateway reads, edited in place in its INI file through the Backend
// (AdminService::changeSettings here or over the admin API: the rules a gateway applies at
// start, then the write and its audit row). Settings fixed by the environment or the command
// line are shown read-only; a token below admin sees them all read-only. What applies on
// reload (retention) reaches the running gateway at once; the rest at its restart, which the
// page offers for the engine here and spells out (systemctl) for a service elsewhere. The
// language is this console's own and applies at once.
class SettingsPage : public Page
{
    Q_OBJECT
public:
    SettingsPage(Backend &backend, Language &language, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("settings"); }
    void activated() override;

    // Reads the settings as the gateway would start with them now; loaded() follows.
    void load();
    // Sends the changed fields; saved() or saveFailed() follows (nothing is written when one
    // value is refused). False when there was nothing to send.
    bool save();
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    // The refusal of the last save, one problem a line.
    QStringList lastProblems() const { return m_problems; }
    // Runs the gateway's retention job now.
    void purgeNow();
    // Last and next purge, from the gateway's statistics.
    void updatePurgeTimes(const StatsSnapshot &snapshot);

Q_SIGNALS:
    void restartRequested();
    void loaded();
    void saved(const QStringList &changedKeys);
    void saveFailed(const QStringList &problems);

protected:
    void retranslateUi() override;

private:
    enum class Kind
    {
        Text,
        Number,
        File,
        Directory,
        Secret
    };
    struct Field
    {
        QString key;
        Kind kind;
        int group;
    };
    static const QList<Field> &fields();
    QString groupTitle(int group) const;
    // Field labels from the table of settings, in the current language, with mnemonics that
    // no button of the page or menu of the window already uses.
    void updateLabels();
    // Tooltips: the setting's help, range and default, or that the environment sets it.
    void updateToolTips();

    void fill(const SettingsListing &listing);
    void showPurgeTimes();
    void applyRole();
    bool mayEdit() const;
    // Keys whose change waits for a restart, from the listing.
    QStringList restartPending() const;

    Backend &m_backend;
    Language &m_language;
    SettingsListing m_listing;
    StatsSnapshot m_lastStats;
    bool m_haveStats = false;
    bool m_saving = false;
    MessageBar *m_messages;
    QHash<QString, QLineEdit *> m_fields;
    QHash<QString, QLabel *> m_labels;
    QHash<QString, QString> m_loaded; // file values as loaded, by key
    QList<QGroupBox *> m_groups;
    QComboBox *m_languageBox;
    QLabel *m_languageLabel;
    QLabel *m_configPath;
    QLabel *m_purgeTimes;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_restart;
    QPushButton *m_purgeNow;
    QStringList m_problems;
};

} // namespace gerbang
