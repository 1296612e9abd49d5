// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Page.h"
#include "config/Settings.h"

#include <QHash>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gerbang {

class Console;
class Language;
class MessageBar;

// The settings gerbangd reads, edited in place in the same INI file. Values are validated with
// the same rules as at engine start before anything is written; settings fixed by the
// environment are shown read-only. Engine settings take effect on restart (the page says so
// and offers it); the language applies at once.
class SettingsPage : public Page
{
    Q_OBJECT
public:
    SettingsPage(Console &console, Language &language, QWidget *parent = nullptr);
    QString title() const override;
    QString iconName() const override { return QStringLiteral("settings"); }
    void activated() override;

    // Loads the fields from the configuration as it is now.
    void load();
    // Validates and writes; false (and nothing written) when a value is refused.
    bool save();
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    QStringList lastProblems() const { return messagesOf(m_problems); }
    // Runs the engine's retention job now.
    void purgeNow();
    // Last and next purge, from the engine's snapshot.
    void updatePurgeTimes();

Q_SIGNALS:
    void restartRequested();
    void saved(const QStringList &changedKeys);

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

    Console &m_console;
    Language &m_language;
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
    SettingProblems m_problems;
};

} // namespace gerbang
