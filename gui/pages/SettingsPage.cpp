// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsPage.h"

#include "backend/Backend.h"
#include "config/Settings.h"
#include "core/Language.h"
#include "core/RoleGate.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

enum Group
{
    NetworkGroup,
    LimitsGroup,
    AccessGroup,
    RetentionGroup,
    DeliveryGroup,
    StorageGroup,
    GroupCount
};

// The mnemonic letter of a text ("Re&vert": 'v'), lower case; null without one.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) != u'&')
            return text.at(i + 1).toLower();
        ++i; // "&&" is a literal '&'
    }
    return {};
}

// `text` with its '&' escaped and a mnemonic on a letter that neither `reserved` (the
// buttons' and menus') nor `used` (the other fields') has, preferring the first letter of a
// word; the letter joins `used`. Once the alphabet is spent, a field shares a letter with
// another field (the key then moves the focus between them in turn), never with a button or
// a menu; failing that, it has none.
QString withMnemonic(const QString &text, const QSet<QChar> &reserved, QSet<QChar> *used)
{
    qsizetype at = -1;
    for (const bool shared : {false, true}) {
        for (const bool wordStart : {true, false}) {
            for (qsizetype i = 0; i < text.size() && at < 0; ++i) {
                const QChar c = text.at(i).toLower();
                if (!text.at(i).isLetter() || reserved.contains(c) ||
                    (!shared && used->contains(c)))
                    continue;
                if (!wordStart || i == 0 || !text.at(i - 1).isLetterOrNumber())
                    at = i;
            }
        }
    }
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == at)
            out += u'&';
        out += text.at(i);
        if (text.at(i) == u'&')
            out += u'&';
    }
    if (at >= 0)
        used->insert(text.at(at).toLower());
    return out;
}

} // namespace

const QList<SettingsPage::Field> &SettingsPage::fields()
{
    static const QList<Field> list = {
        {u"server/listen"_s, Kind::Text, NetworkGroup},
        {u"tls/certificate"_s, Kind::File, NetworkGroup},
        {u"tls/private_key"_s, Kind::File, NetworkGroup},
        {u"admin/listen"_s, Kind::Text, NetworkGroup},
        {u"admin/certificate"_s, Kind::File, NetworkGroup},
        {u"admin/private_key"_s, Kind::File, NetworkGroup},
        {u"server/body_limit_bytes"_s, Kind::Number, LimitsGroup},
        {u"whatsapp/body_limit_bytes"_s, Kind::Number, LimitsGroup},
        {u"limits/rate_global"_s, Kind::Number, LimitsGroup},
        {u"limits/rate_per_ip"_s, Kind::Number, LimitsGroup},
        {u"limits/burst_per_ip"_s, Kind::Number, LimitsGroup},
        {u"edge/allowlist"_s, Kind::Text, AccessGroup},
        {u"edge/trusted_proxies"_s, Kind::Text, AccessGroup},
        {u"retention/raw_days"_s, Kind::Number, RetentionGroup},
        {u"retention/audit_days"_s, Kind::Number, RetentionGroup},
        {u"retention/delivered_days"_s, Kind::Number, RetentionGroup},
        {u"retention/interval_minutes"_s, Kind::Number, RetentionGroup},
        {u"dedup/ttl_hours"_s, Kind::Number, RetentionGroup},
        {u"sink/url"_s, Kind::Text, DeliveryGroup},
        {u"sink/secret"_s, Kind::Secret, DeliveryGroup},
        {u"sink/content"_s, Kind::Text, DeliveryGroup},
        {u"alerts/url"_s, Kind::Text, DeliveryGroup},
        {u"storage/data_dir"_s, Kind::Directory, StorageGroup},
        {u"storage/database_url"_s, Kind::Secret, StorageGroup},
    };
    return list;
}

SettingsPage::SettingsPage(Backend &backend, Language &language, QWidget *parent)
    : Page(parent)
    , m_backend(backend)
    , m_language(language)
    , m_messages(new MessageBar)
    , m_languageBox(new QComboBox)
    , m_languageLabel(new QLabel)
    , m_configPath(new QLabel)
    , m_purgeTimes(new QLabel)
    , m_save(new QPushButton(Icons::get(u"save"_s), QString()))
    , m_revert(new QPushButton(Icons::get(u"revert"_s), QString()))
    , m_restart(new QPushButton(Icons::get(u"restart"_s), QString()))
    , m_purgeNow(new QPushButton(Icons::get(u"remove"_s), QString()))
{
    setObjectName(u"settingsPage"_s);
    m_messages->setObjectName(u"settingsMessages"_s);
    m_save->setObjectName(u"saveSettings"_s);
    m_restart->setObjectName(u"restartEngine"_s);
    m_languageBox->setObjectName(u"languageBox"_s);
    m_configPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_configPath->setWordWrap(true);
    m_purgeTimes->setObjectName(u"purgeTimes"_s);
    m_purgeNow->setObjectName(u"purgeNow"_s);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_configPath);
    QList<QFormLayout *> forms;
    for (int g = 0; g < GroupCount; ++g) {
        auto *box = new QGroupBox;
        forms << new QFormLayout(box);
        m_groups << box;
        contentLayout->addWidget(box);
    }
    for (const Field &f : fields()) {
        auto *edit = new QLineEdit;
        edit->setObjectName(f.key);
        auto *label = new QLabel;
        label->setBuddy(edit);
        m_fields.insert(f.key, edit);
        m_labels.insert(f.key, label);
        if (const SettingDef *def = Settings::definition(f.key); def && def->isInteger())
            edit->setValidator(new QIntValidator(def->min, def->max, edit));
        if (f.kind == Kind::Secret)
            edit->setEchoMode(QLineEdit::Password);
        QWidget *row = edit;
        if (f.kind == Kind::File || f.kind == Kind::Directory) {
            row = new QWidget;
            auto *h = new QHBoxLayout(row);
            h->setContentsMargins(0, 0, 0, 0);
            h->addWidget(edit);
            auto *browse = new QToolButton;
            browse->setText(u"…"_s);
            h->addWidget(browse);
            const bool dir = f.kind == Kind::Directory;
            connect(browse, &QToolButton::clicked, this, [this, edit, dir] {
                const QString chosen =
                    dir ? QFileDialog::getExistingDirectory(this, QString(), edit->text())
                        : QFileDialog::getOpenFileName(this, QString(), edit->text());
                if (!chosen.isEmpty())
                    edit->setText(chosen);
            });
        }
        forms.at(f.group)->addRow(label, row);
        if (f.key == u"dedup/ttl_hours"_s) {
            auto *purgeRow = new QWidget;
            auto *h = new QHBoxLayout(purgeRow);
            h->setContentsMargins(0, 0, 0, 0);
            h->addWidget(m_purgeTimes, 1);
            h->addWidget(m_purgeNow);
            forms.at(f.group)->addRow(QString(), purgeRow);
        }
    }
    m_languageBox->addItem(u"Bahasa Indonesia"_s, u"id"_s);
    m_languageBox->addItem(u"English"_s, u"en"_s);
    m_languageLabel->setBuddy(m_languageBox);
    forms.at(StorageGroup)->addRow(m_languageLabel, m_languageBox);
    contentLayout->addStretch();

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_restart);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &SettingsPage::load);
    connect(m_restart, &QPushButton::clicked, this, &SettingsPage::restartRequested);
    connect(m_purgeNow, &QPushButton::clicked, this, &SettingsPage::purgeNow);
    connect(m_languageBox, &QComboBox::activated, this,
            [this] { m_language.apply(m_languageBox->currentData().toString()); });
    connect(&m_language, &Language::changed, this, [this](const QString &code) {
        m_languageBox->setCurrentIndex(m_languageBox->findData(code));
    });
    // Shown once a change waits for a restart of the engine here; a service elsewhere is
    // restarted where it runs (the message says how).
    m_restart->hide();
    connect(&m_backend, &Backend::linkChanged, this, [this](Backend::Link link) {
        applyRole();
        if (link == Backend::Link::Up && m_listing.items.isEmpty())
            load();
    });
    connect(&m_backend, &Backend::statsArrived, this,
            [this](qint64, const StatsSnapshot &s) { updatePurgeTimes(s); });
    load();
    retranslateUi();
}

QString SettingsPage::title() const
{
    return tr("Settings");
}

void SettingsPage::activated()
{
    // Now in the main window: keep clear of its menus' mnemonics too.
    updateLabels();
    showPurgeTimes();
    load();
}

void SettingsPage::load()
{
    m_backend.settings(this, [this](Fetched<SettingsListing> r) {
        if (!r.ok()) {
            m_messages->show(tr("Cannot read the settings: %1").arg(r.error),
                             MessageBar::Kind::Error);
            return;
        }
        fill(r.value);
        Q_EMIT loaded();
    });
}

void SettingsPage::fill(const SettingsListing &listing)
{
    m_listing = listing;
    m_loaded.clear();
    for (const Field &f : fields()) {
        const SettingState *state = listing.find(f.key);
        // A secret is never shown: its field stays empty, and what is typed replaces it.
        const QString value = state && f.kind != Kind::Secret ? state->value : QString();
        m_loaded.insert(f.key, value);
        QLineEdit *edit = m_fields.value(f.key);
        edit->setText(value);
        edit->setStyleSheet(QString());
        edit->setProperty("gerbangSource",
                          state ? int(state->source) : int(SettingSource::Default));
        edit->setProperty("gerbangIsSet", state && state->isSet);
    }
    m_configPath->setProperty("gerbangPath", listing.configFile);
    m_languageBox->setCurrentIndex(m_languageBox->findData(m_language.current()));
    m_problems.clear();
    applyRole();
    retranslateUi();
}

bool SettingsPage::mayEdit() const
{
    return m_backend.allows(requiredRole(consolechange::ChangeSettings{}));
}

void SettingsPage::applyRole()
{
    const bool edit = mayEdit();
    for (const Field &f : fields()) {
        QLineEdit *field = m_fields.value(f.key);
        const auto source = SettingSource(field->property("gerbangSource").toInt());
        field->setReadOnly(!edit || source == SettingSource::Environment ||
                           source == SettingSource::Flag);
    }
    const AdminRole needed = requiredRole(consolechange::ChangeSettings{});
    rolegate::apply(m_save, m_backend, needed, !m_saving);
    rolegate::apply(m_revert, m_backend, needed, !m_saving);
    rolegate::apply(m_purgeNow, m_backend, requiredRole(consolechange::RunRetention{}));
    updateToolTips();
}

QStringList SettingsPage::restartPending() const
{
    QStringList labels;
    for (const SettingState &s : m_listing.items) {
        if (!s.restartPending)
            continue;
        const SettingDef *def = Settings::definition(s.key);
        labels << (def ? def->translatedLabel() : s.key);
    }
    labels.sort();
    return labels;
}

bool SettingsPage::save()
{
    if (!mayEdit() || m_saving)
        return false;
    QHash<QString, QString> changes;
    for (const Field &f : fields()) {
        const QLineEdit *edit = m_fields.value(f.key);
        const QString text = edit->text().trimmed();
        // An empty secret field means "keep it", not "clear it".
        if (!edit->isReadOnly() && text != m_loaded.value(f.key) &&
            !(f.kind == Kind::Secret && text.isEmpty()))
            changes.insert(f.key, text);
    }
    if (changes.isEmpty()) {
        m_messages->show(tr("Nothing changed."), MessageBar::Kind::Information);
        return false;
    }
    m_saving = true;
    applyRole();
    // The gateway checks the whole file with the changes by the rules it starts with, writes
    // them and audits who changed what; a refusal writes nothing.
    m_backend.apply(this, consolechange::ChangeSettings{changes}, [this, changes](ChangeResult r) {
        m_saving = false;
        applyRole();
        const QString path = m_listing.configFile;
        if (!r.ok()) {
            m_problems = r.message.split(u"; "_s, Qt::SkipEmptyParts);
            for (const Field &f : fields()) {
                const bool bad = changes.contains(f.key) && r.message.contains(f.key);
                m_fields.value(f.key)->setStyleSheet(bad ? u"border: 1px solid #da4453;"_s
                                                         : QString());
            }
            m_messages->show(tr("Not saved:\n%1").arg(m_problems.join(u'\n')),
                             MessageBar::Kind::Error);
            Q_EMIT saveFailed(m_problems);
            return;
        }
        const auto labelsOf = [](const QJsonValue &keys) {
            QStringList labels;
            for (const QJsonValue &k : keys.toArray()) {
                const SettingDef *def = Settings::definition(k.toString());
                labels << (def ? def->translatedLabel() : k.toString());
            }
            labels.sort();
            return labels;
        };
        const QStringList live = labelsOf(r.result.value(u"reloadable"_s));
        const QStringList restart = labelsOf(r.result.value(u"restart_required"_s));
        const bool up = m_backend.link() == Backend::Link::Up;
        QStringList message;
        if (!live.isEmpty())
            message << (up ? tr("Saved to %1 and applied to the running engine: %2.")
                           : tr("Saved to %1: %2."))
                           .arg(path, live.join(u", "_s));
        if (!restart.isEmpty()) {
            message << tr("Saved to %1. These changes take effect when the engine restarts: %2.")
                           .arg(path, restart.join(u", "_s));
            if (m_backend.isLocal())
                m_restart->show();
            else
                message << tr("On the gateway's server, run: sudo systemctl restart gerbangd");
        }
        if (!r.message.isEmpty())
            message << r.message; // saved, but the audit log missed it
        m_messages->show(message.join(u' '), r.message.isEmpty() ? MessageBar::Kind::Positive
                                                                 : MessageBar::Kind::Warning);
        const QStringList keys = changes.keys();
        load();
        Q_EMIT saved(keys);
    });
    return true;
}

void SettingsPage::purgeNow()
{
    m_backend.apply(this, consolechange::RunRetention{}, [this](ChangeResult r) {
        if (!r.ok()) {
            m_messages->show(tr("Not purged: %1").arg(r.message), MessageBar::Kind::Error);
            return;
        }
        if (r.result.value(u"started"_s).toBool()) {
            // The engine runs it on its own thread; the new times come with its statistics.
            m_messages->show(tr("Purge started: data older than the retention periods is being "
                                "deleted."),
                             MessageBar::Kind::Information);
            return;
        }
        m_messages->show(tr("Purged: %1 raw payloads, %2 audit rows, %3 delivered events.")
                             .arg(r.result.value(u"raw_payloads"_s).toInteger())
                             .arg(r.result.value(u"audit_rows"_s).toInteger())
                             .arg(r.result.value(u"delivered_events"_s).toInteger()),
                         MessageBar::Kind::Positive);
    });
}

void SettingsPage::updatePurgeTimes(const StatsSnapshot &snapshot)
{
    m_lastStats = snapshot;
    m_haveStats = true;
    showPurgeTimes();
}

void SettingsPage::showPurgeTimes()
{
    const StatsSnapshot &s = m_lastStats;
    const QLocale locale;
    auto at = [&](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
    };
    m_purgeTimes->setText(
        tr("Last purge: %1 · next purge: %2")
            .arg(s.lastPurgeMs > 0 ? at(s.lastPurgeMs) : tr("never"),
                 s.nextPurgeMs > 0 ? at(s.nextPurgeMs) : tr("not scheduled by this engine")));
}

void SettingsPage::updateLabels()
{
    // The buttons' mnemonics are the translators' choice; the fields take the free letters.
    QSet<QChar> reserved;
    auto reserve = [&reserved](const QString &text) {
        if (const QChar c = mnemonicOf(text); !c.isNull())
            reserved.insert(c);
    };
    for (const QPushButton *button : {m_save, m_revert, m_restart, m_purgeNow})
        reserve(button->text());
    if (const QMenuBar *menus = window()->findChild<QMenuBar *>()) {
        for (const QAction *menu : menus->actions())
            reserve(menu->text());
    }
    QSet<QChar> used;
    for (const Field &f : fields()) {
        const SettingDef *def = Settings::definition(f.key);
        Q_ASSERT(def);
        m_labels.value(f.key)->setText(withMnemonic(
            tr("%1:", "a field's label").arg(def->translatedLabel()), reserved, &used));
    }
    m_languageLabel->setText(
        withMnemonic(tr("%1:", "a field's label").arg(tr("Language")), reserved, &used));
}

void SettingsPage::updateToolTips()
{
    for (const Field &f : fields()) {
        const SettingDef *def = Settings::definition(f.key);
        QLineEdit *edit = m_fields.value(f.key);
        // What the setting does first, then why it cannot be edited here or what it accepts.
        QString tip = def->translatedHelp();
        const auto source = SettingSource(edit->property("gerbangSource").toInt());
        if (source == SettingSource::Environment)
            tip += u'\n' + tr("Set by the environment variable %1; change it there.").arg(def->env);
        else if (source == SettingSource::Flag)
            tip += u'\n' + tr("Set on the gateway's command line; change it there.");
        else if (def->secret && edit->property("gerbangIsSet").toBool())
            tip += u'\n' + tr("Set; the value is never shown. Type a new one to replace it.");
        else if (def->isInteger())
            tip += u'\n' + tr("A whole number from %1 to %2; default %3.")
                               .arg(def->min)
                               .arg(def->max)
                               .arg(def->defaultValue);
        edit->setToolTip(tip);
    }
}

QString SettingsPage::groupTitle(int group) const
{
    switch (group) {
    case NetworkGroup:
        return tr("Network and TLS");
    case LimitsGroup:
        return tr("Limits");
    case AccessGroup:
        return tr("Access");
    case RetentionGroup:
        return tr("Retention");
    case DeliveryGroup:
        return tr("Delivery and alerts");
    case StorageGroup:
        return tr("Storage and language");
    default:
        return {};
    }
}

void SettingsPage::retranslateUi()
{
    for (int g = 0; g < m_groups.size(); ++g)
        m_groups.at(g)->setTitle(groupTitle(g));
    const QString path = m_configPath->property("gerbangPath").toString();
    QString configText =
        path.isEmpty()
            ? tr("This gateway runs without a configuration file: its settings "
                 "come from the environment and the command line.")
            : tr("Configuration file: %1 (shared with gerbangd and gerbangctl)").arg(path);
    if (const QStringList pending = restartPending(); !pending.isEmpty()) {
        configText += u'\n' + tr("Saved, waiting for a restart: %1.").arg(pending.join(u", "_s));
        if (!m_backend.isLocal())
            configText +=
                u' ' + tr("On the gateway's server, run: sudo systemctl restart gerbangd");
    }
    m_configPath->setText(configText);
    m_save->setText(tr("&Save"));
    m_revert->setText(tr("Re&vert"));
    m_restart->setText(tr("Restart &engine now"));
    m_purgeNow->setText(tr("&Purge now"));
    m_purgeNow->setToolTip(tr("Delete now what is older than the retention periods"));
    updateLabels();
    updateToolTips();
    for (const Field &f : fields()) {
        if (f.kind == Kind::Secret)
            m_fields.value(f.key)->setPlaceholderText(
                m_fields.value(f.key)->property("gerbangIsSet").toBool()
                    ? tr("set (type to replace)")
                    : tr("not set"));
    }
    m_fields.value(u"sink/content"_s)
        ->setPlaceholderText(Settings::definition(u"sink/content")->defaultValue);
    if (!m_fields.value(u"storage/database_url"_s)->property("gerbangIsSet").toBool())
        m_fields.value(u"storage/database_url"_s)
            ->setPlaceholderText(tr("SQLite in the data directory"));
    showPurgeTimes();
}

} // namespace gerbang
