// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/Backend.h"

#include <QMainWindow>
#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QSystemTrayIcon;
class QTimer;

namespace gerbang {

class AlertsPage;
class Console;
class LocalBackend;
class AuditPage;
class DashboardPage;
class DeadLettersPage;
class EventsPage;
class GatewaysPage;
class Language;
class MessageBar;
class Page;
class SettingsPage;
class SourcesPage;
class TenantsPage;

// The console's window: navigation on the left, the pages on the right, an alert banner on
// top, the gateway's state in the status bar, and a tray icon. It shows whichever gateway the
// Backend reaches: the engine embedded here (then the Engine menu starts and stops it, and the
// tray keeps it running after the window is closed) or a running gerbangd it is attached to.
// Every page works in both cases.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Backend &backend, Language &language, QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardPage *dashboard() const { return m_dashboard; }
    TenantsPage *tenants() const { return m_tenants; }
    SourcesPage *sources() const { return m_sources; }
    AuditPage *audit() const { return m_audit; }
    EventsPage *events() const { return m_events; }
    AlertsPage *alerts() const { return m_alerts; }
    DeadLettersPage *deadLetters() const { return m_deadLetters; }
    GatewaysPage *gateways() const { return m_gateways; }
    SettingsPage *settingsPage() const { return m_settings; }
    MessageBar *banner() const { return m_banner; }
    QList<Page *> pages() const { return m_pages; }
    void showPage(Page *page);
    Backend &backend() const { return m_backend; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildTray();
    void retranslateUi();
    void updateState();
    void showLink();
    void onStats(qint64 atMs, const StatsSnapshot &snapshot);
    void onAlert(const AlertInfo &alert);
    QString alertText(const AlertInfo &alert) const;
    void quit();
    // File → Connect…: another gateway, or this computer's (the console starts afresh).
    void askConnect();
    QString navText(Page *page) const;
    void fitNavigation();
    void saveState() const;

    Backend &m_backend;
    LocalBackend *m_local; // null when attached to a remote gateway
    Console *m_console;    // the embedded engine's, or null
    Language &m_language;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    MessageBar *m_banner;
    QList<Page *> m_pages;
    DashboardPage *m_dashboard;
    TenantsPage *m_tenants;
    SourcesPage *m_sources;
    AuditPage *m_audit;
    EventsPage *m_events;
    AlertsPage *m_alerts;
    DeadLettersPage *m_deadLetters;
    GatewaysPage *m_gateways;
    SettingsPage *m_settings;

    QLabel *m_listenLabel;
    QLabel *m_tlsLabel;
    QLabel *m_databaseLabel;
    QLabel *m_uptimeLabel;
    QLabel *m_stateLabel;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_engineMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_trayMenu = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_indonesianAction = nullptr;
    QAction *m_englishAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    class QToolBar *m_toolBar = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_trayHintShown = false;
    std::optional<AlertInfo> m_bannerAlert;
    bool m_quitting = false;
    bool m_linkMessageShown = false; // the banner says the link is lost or refused
};

} // namespace gerbang
