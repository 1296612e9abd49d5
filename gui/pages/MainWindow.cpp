// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AlertsModel.h"
#include "AlertsPage.h"
#include "AuditPage.h"
#include "DashboardPage.h"
#include "DeadLettersPage.h"
#include "EventsPage.h"
#include "GatewaysPage.h"
#include "SettingsPage.h"
#include "SourcesPage.h"
#include "TenantsPage.h"
#include "backend/LocalBackend.h"
#include "connect/ConnectDialog.h"
#include "connect/ConnectionProfiles.h"
#include "connect/Relaunch.h"
#include "core/Console.h"
#include "core/DomainLabels.h"
#include "core/Language.h"
#include "widgets/Icons.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gerbang {

MainWindow::MainWindow(Backend &backend, Language &language, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_local(qobject_cast<LocalBackend *>(&backend))
    , m_console(m_local ? &m_local->console() : nullptr)
    , m_language(language)
    , m_nav(new QListWidget)
    , m_stack(new QStackedWidget)
    , m_banner(new MessageBar)
    , m_dashboard(new DashboardPage(backend))
    , m_tenants(new TenantsPage(backend))
    , m_sources(new SourcesPage(backend))
    , m_audit(new AuditPage(backend))
    , m_events(new EventsPage(backend))
    , m_alerts(new AlertsPage(backend))
    , m_deadLetters(new DeadLettersPage(backend))
    , m_gateways(new GatewaysPage(backend))
    , m_settings(new SettingsPage(backend, language))
    , m_listenLabel(new QLabel)
    , m_tlsLabel(new QLabel)
    , m_databaseLabel(new QLabel)
    , m_uptimeLabel(new QLabel)
    , m_stateLabel(new QLabel)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Icons::application());
    resize(1200, 800);
    setMinimumSize(900, 600);

    m_banner->setObjectName(u"alertBanner"_s);
    m_nav->setObjectName(u"navigation"_s);
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setSpacing(2);
    // New pages go before Settings: the page remembered from last time is stored by index.
    m_pages = {m_dashboard, m_tenants,     m_sources,  m_audit,   m_events,
               m_alerts,    m_deadLetters, m_gateways, m_settings};
    for (Page *page : std::as_const(m_pages)) {
        auto *item = new QListWidgetItem(Icons::get(page->iconName()), page->title());
        item->setSizeHint(QSize(0, 36));
        m_nav->addItem(item);
        m_stack->addWidget(page);
        connect(page, &Page::titleChanged, this,
                [this, page, item] { item->setText(navText(page)); });
    }
    // Alt+1 … Alt+9 jump to a page from anywhere in the window.
    for (int i = 0; i < m_pages.size(); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { m_nav->setCurrentRow(i); });
    }
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        m_pages.at(row)->activated();
    });

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_nav);
    auto *right = new QVBoxLayout;
    right->addWidget(m_banner);
    right->addWidget(m_stack, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    for (QLabel *l : {m_stateLabel, m_listenLabel, m_tlsLabel, m_databaseLabel, m_uptimeLabel})
        statusBar()->addPermanentWidget(l);
    m_stateLabel->setObjectName(u"engineState"_s);
    m_listenLabel->setObjectName(u"listenAddress"_s);

    buildActions();
    buildMenus();
    buildTray();

    connect(&m_backend, &Backend::linkChanged, this, &MainWindow::updateState);
    connect(&m_backend, &Backend::statsArrived, this, &MainWindow::onStats);
    connect(&m_backend, &Backend::alertRaised, this, &MainWindow::onAlert);
    if (m_console) {
        connect(m_console, &Console::storeFailure, this, [this](const QString &reason) {
            m_banner->show(tr("The database cannot store requests: %1").arg(reason),
                           MessageBar::Kind::Error);
        });
        connect(m_settings, &SettingsPage::restartRequested, m_console, &Console::restartEngine);
    }
    connect(m_deadLetters, &DeadLettersPage::totalChanged, this, [this] {
        const int row = int(m_pages.indexOf(m_deadLetters));
        m_nav->item(row)->setText(navText(m_deadLetters));
    });

    connect(m_alerts->model(), &AlertsModel::unacknowledgedChanged, this, [this] {
        const int row = int(m_pages.indexOf(m_alerts));
        m_nav->item(row)->setText(navText(m_alerts));
    });

    // Where the admin left the window last time.
    const QSettings prefs;
    restoreGeometry(prefs.value(u"console/geometry"_s).toByteArray());
    m_nav->setCurrentRow(
        qBound(0, prefs.value(u"console/page"_s, 0).toInt(), int(m_pages.size()) - 1));
    retranslateUi();
    updateState();
}

QString MainWindow::navText(Page *page) const
{
    // The alerts entry counts what nobody has acknowledged yet, the dead letters entry what
    // waits for a replay.
    qint64 open = 0;
    if (page == m_alerts)
        open = m_alerts->model()->unacknowledged();
    else if (page == m_deadLetters)
        open = m_deadLetters->total();
    return open > 0 ? tr("%1 (%2)").arg(page->title()).arg(open) : page->title();
}

void MainWindow::fitNavigation()
{
    // At least 200 px, wider when a title and a two-digit count need it in this language
    // (Indonesian titles run longer), so that no entry is cut off.
    const QFontMetrics metrics = m_nav->fontMetrics();
    int widest = 0;
    for (Page *page : std::as_const(m_pages))
        widest = qMax(widest, metrics.horizontalAdvance(tr("%1 (%2)").arg(page->title(), u"99"_s)));
    m_nav->setFixedWidth(qMax(200, widest + m_nav->iconSize().width() + 30));
}

void MainWindow::saveState() const
{
    QSettings prefs;
    prefs.setValue(u"console/geometry"_s, saveGeometry());
    prefs.setValue(u"console/page"_s, m_nav->currentRow());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_startAction = new QAction(Icons::get(u"start"_s), QString(), this);
    m_stopAction = new QAction(Icons::get(u"stop"_s), QString(), this);
    m_restartAction = new QAction(Icons::get(u"restart"_s), QString(), this);
    m_quitAction = new QAction(Icons::get(u"quit"_s), QString(), this);
    m_showAction = new QAction(Icons::get(u"gerbang"_s), QString(), this);
    m_aboutAction = new QAction(QString(), this);
    m_connectAction = new QAction(Icons::get(u"gerbang"_s), QString(), this);
    m_connectAction->setObjectName(u"connectAction"_s);
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::askConnect);
    m_startAction->setObjectName(u"startAction"_s);
    m_stopAction->setObjectName(u"stopAction"_s);
    m_restartAction->setObjectName(u"restartAction"_s);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    if (m_console) {
        connect(m_startAction, &QAction::triggered, m_console, &Console::startEngine);
        connect(m_stopAction, &QAction::triggered, m_console, &Console::stopEngine);
        connect(m_restartAction, &QAction::triggered, m_console, &Console::restartEngine);
    }
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quit);
    connect(m_showAction, &QAction::triggered, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Gerbang"),
            tr("<h3>Gerbang %1</h3><p>On-premise webhook gateway: verifies, deduplicates, "
               "stores and audits provider webhooks before answering them.</p>"
               "<p>Licence: GPL-3.0-or-later.</p>")
                .arg(QApplication::applicationVersion()));
    });

    m_languageGroup = new QActionGroup(this);
    m_indonesianAction = new QAction(Icons::get(u"language"_s), QString(), this);
    m_englishAction = new QAction(Icons::get(u"language"_s), QString(), this);
    m_indonesianAction->setObjectName(u"languageIndonesian"_s);
    m_englishAction->setObjectName(u"languageEnglish"_s);
    for (auto [action, code] :
         {std::pair{m_indonesianAction, u"id"_s}, std::pair{m_englishAction, u"en"_s}}) {
        action->setCheckable(true);
        action->setChecked(m_language.current() == code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { m_language.apply(code); });
    }
    connect(&m_language, &Language::changed, this, [this](const QString &code) {
        m_indonesianAction->setChecked(code == u"id"_s);
        m_englishAction->setChecked(code == u"en"_s);
    });

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(u"engineToolBar"_s);
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_startAction);
    m_toolBar->addAction(m_stopAction);
    m_toolBar->addAction(m_restartAction);
    // An attached gateway is a service: systemd starts and stops it, not this window.
    m_toolBar->setVisible(m_console != nullptr);
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_connectAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_engineMenu = menuBar()->addMenu(QString());
    m_engineMenu->addActions({m_startAction, m_stopAction, m_restartAction});
    m_engineMenu->menuAction()->setVisible(m_console != nullptr);
    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(u"languageMenu"_s);
    m_languageMenu->addActions({m_indonesianAction, m_englishAction});
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::buildTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(Icons::application(), this);
    m_trayMenu = new QMenu(this);
    m_trayMenu->addAction(m_showAction);
    m_trayMenu->addSeparator();
    if (m_console) {
        m_trayMenu->addActions({m_startAction, m_stopAction});
        m_trayMenu->addSeparator();
    }
    m_trayMenu->addAction(m_quitAction);
    m_tray->setContextMenu(m_trayMenu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    m_showAction->trigger();
            });
    m_tray->show();
}

void MainWindow::showPage(Page *page)
{
    m_nav->setCurrentRow(int(m_pages.indexOf(page)));
}

void MainWindow::onStats(qint64 atMs, const StatsSnapshot &s)
{
    m_dashboard->update(atMs, s);
    m_deadLetters->engineCounts(s);
    const qint64 secs = s.uptimeMs / 1000;
    m_uptimeLabel->setText(
        tr("Uptime %1")
            .arg(secs >= 86400 ? tr("%1 d %2 h").arg(secs / 86400).arg((secs % 86400) / 3600)
                               : u"%1:%2:%3"_s.arg(secs / 3600, 2, 10, QChar(u'0'))
                                     .arg((secs % 3600) / 60, 2, 10, QChar(u'0'))
                                     .arg(secs % 60, 2, 10, QChar(u'0'))));
}

void MainWindow::updateState()
{
    if (!m_console)
        return showLink();
    const Console::State state = m_console->state();
    const bool running = state == Console::State::Running;
    const bool busy = state == Console::State::Starting || state == Console::State::Stopping;
    m_startAction->setEnabled(!running && !busy);
    m_stopAction->setEnabled(running);
    m_restartAction->setEnabled(running);
    QString text;
    switch (state) {
    case Console::State::Stopped:
        text = tr("Engine stopped");
        break;
    case Console::State::Starting:
        text = tr("Engine starting…");
        break;
    case Console::State::Running:
        text = tr("Engine running");
        break;
    case Console::State::Stopping:
        text = tr("Engine stopping…");
        break;
    case Console::State::Failed:
        text = tr("Engine failed");
        break;
    }
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(m_console->lastError());
    if (m_tray) {
        m_tray->setToolTip(tr("Gerbang: %1").arg(text));
    }
    m_listenLabel->setText(running ? tr("Listening on %1").arg(m_console->listenUrl())
                                   : tr("Not listening"));
    m_tlsLabel->setText(m_console->tlsEnabled() ? tr("TLS on") : tr("TLS off"));
    m_databaseLabel->setText(tr("Database: %1").arg(m_console->database().describe()));
    if (!running) {
        m_uptimeLabel->clear();
        m_dashboard->engineStopped();
    }
    if (state == Console::State::Failed)
        m_banner->show(tr("The engine could not start: %1").arg(m_console->lastError()),
                       MessageBar::Kind::Error);
    else if (running && m_banner->kind() == MessageBar::Kind::Error)
        m_banner->clear();
}

void MainWindow::showLink()
{
    // Attached to a gateway elsewhere: the status bar names it and the token's role; a lost
    // link greys the dashboard and says so until the backend has attached again by itself.
    const Backend::Link link = m_backend.link();
    QString text;
    switch (link) {
    case Backend::Link::Down:
    case Backend::Link::Connecting:
        text = tr("Connecting to %1…").arg(m_backend.where());
        break;
    case Backend::Link::Up:
        text = tr("Attached to %1 (%2)").arg(m_backend.where(), labels::of(m_backend.role()));
        break;
    case Backend::Link::Lost:
        text = tr("Connection to %1 lost").arg(m_backend.where());
        break;
    case Backend::Link::Refused:
        text = tr("Refused by %1").arg(m_backend.where());
        break;
    }
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(m_backend.linkProblem());
    m_listenLabel->clear();
    m_tlsLabel->clear();
    m_databaseLabel->setText(m_backend.actor());
    if (m_tray)
        m_tray->setToolTip(tr("Gerbang: %1").arg(text));
    m_dashboard->setStale(link != Backend::Link::Up);
    if (link == Backend::Link::Lost) {
        m_banner->show(tr("The connection to %1 is lost (%2). The console reconnects by itself; "
                          "what it shows is not live until then.")
                           .arg(m_backend.where(), m_backend.linkProblem()),
                       MessageBar::Kind::Warning);
        m_linkMessageShown = true;
    } else if (link == Backend::Link::Refused) {
        m_banner->show(m_backend.linkProblem(), MessageBar::Kind::Error);
        m_linkMessageShown = true;
    } else if (link == Backend::Link::Up && m_linkMessageShown) {
        m_banner->clear();
        m_linkMessageShown = false;
    }
}

namespace {
// A resolved alert is good news: the banner says it in the positive colour.
MessageBar::Kind barKindOf(const AlertInfo &alert)
{
    return alert.resolved() ? MessageBar::Kind::Positive : MessageBar::Kind::Warning;
}
} // namespace

QString MainWindow::alertText(const AlertInfo &alert) const
{
    const alerttexts::Text text = labels::describe(alert);
    return text.next.isEmpty() ? text.what : text.what + u' ' + text.next;
}

void MainWindow::onAlert(const AlertInfo &alert)
{
    m_bannerAlert = alert;
    const QString text = alertText(alert);
    m_banner->show(text, barKindOf(alert));
    if (m_tray)
        m_tray->showMessage(
            alert.resolved() ? tr("Gerbang: resolved") : tr("Gerbang alert"), text,
            alert.resolved() ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning, 10000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    // Closing the window must not stop the embedded gateway: it keeps serving from the tray.
    if (!m_quitting && m_console && m_tray && m_tray->isVisible()) {
        hide();
        if (!m_trayHintShown) {
            m_tray->showMessage(tr("Gerbang keeps running"),
                                tr("The gateway still receives webhooks. Use Quit in the tray "
                                   "menu to stop it."),
                                QSystemTrayIcon::Information, 5000);
            m_trayHintShown = true;
        }
        event->ignore();
        return;
    }
    event->accept();
    if (!m_quitting)
        quit();
}

void MainWindow::quit()
{
    saveState();
    m_quitting = true;
    if (m_console)
        m_console->shutdown();
    QApplication::quit();
}

void MainWindow::askConnect()
{
    ConnectDialog dialog(m_console ? QString() : ConnectionProfiles::last(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ConnectDialog::Choice choice = dialog.choice();
    if (choice.here && m_console)
        return; // already here
    if (m_console && m_console->state() == Console::State::Running &&
        QMessageBox::question(this, tr("Stop the gateway here?"),
                              tr("The gateway running on this computer stops receiving webhooks "
                                 "when the console attaches elsewhere. Continue?"),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    relaunchWith(choice, this, [this](const QString &error) {
        if (!error.isEmpty())
            return m_banner->show(error, MessageBar::Kind::Error);
        quit();
    });
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(m_console ? tr("Gerbang webhook gateway")
                             : tr("Gerbang: %1").arg(m_backend.where()));
    m_startAction->setText(tr("&Start"));
    m_startAction->setToolTip(tr("Start the gateway engine"));
    m_stopAction->setText(tr("S&top"));
    m_stopAction->setToolTip(tr("Stop the gateway engine (in-flight requests are finished)"));
    m_restartAction->setText(tr("&Restart"));
    m_restartAction->setToolTip(tr("Restart the engine to apply new settings"));
    m_quitAction->setText(tr("&Quit"));
    m_showAction->setText(tr("Show Gerbang"));
    m_aboutAction->setText(tr("&About Gerbang"));
    m_connectAction->setText(tr("&Connect…"));
    m_connectAction->setToolTip(
        tr("Run the gateway on this computer, or attach to one running elsewhere"));
    m_indonesianAction->setText(tr("Bahasa Indonesia"));
    m_englishAction->setText(tr("English"));
    m_fileMenu->setTitle(tr("&File"));
    m_engineMenu->setTitle(tr("&Engine"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Engine"));
    m_nav->setAccessibleName(tr("Navigation"));
    for (int i = 0; i < m_pages.size(); ++i)
        m_nav->item(i)->setText(navText(m_pages.at(i)));
    fitNavigation();
    // A banner still showing an alert speaks the new language too.
    if (m_bannerAlert && m_banner->kind() == barKindOf(*m_bannerAlert) &&
        !m_banner->text().isEmpty())
        m_banner->show(alertText(*m_bannerAlert), barKindOf(*m_bannerAlert));
    updateState();
}

} // namespace gerbang
