// SPDX-License-Identifier: GPL-3.0-or-later
// Languages: every page follows a switch to Bahasa Indonesia at run time, and the translation
// files are complete (nothing unfinished, nothing that lupdate finds in the sources missing).
#include "ConsoleFixture.h"
#include "config/Settings.h"
#include "pages/AuditPage.h"
#include "pages/DashboardPage.h"
#include "pages/DeadLettersPage.h"
#include "pages/Page.h"
#include "pages/SettingsPage.h"
#include "pages/TenantsPage.h"

#include <QAbstractButton>
#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDomDocument>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

// What a user reads on a page (visible or not yet scrolled to).
QStringList textsOf(QWidget *page)
{
    QStringList out;
    auto add = [&](const QString &t) {
        if (!t.trimmed().isEmpty())
            out << t;
    };
    for (QLabel *l : page->findChildren<QLabel *>())
        add(l->text());
    for (QAbstractButton *b : page->findChildren<QAbstractButton *>())
        add(b->text());
    for (QGroupBox *g : page->findChildren<QGroupBox *>())
        add(g->title());
    for (QLineEdit *e : page->findChildren<QLineEdit *>())
        add(e->placeholderText());
    for (QComboBox *c : page->findChildren<QComboBox *>()) {
        for (int i = 0; i < c->count(); ++i)
            add(c->itemText(i));
    }
    for (QTableView *t : page->findChildren<QTableView *>()) {
        for (int c = 0; c < t->model()->columnCount(); ++c)
            add(t->model()->headerData(c, Qt::Horizontal).toString());
    }
    for (QChartView *v : page->findChildren<QChartView *>())
        add(v->chart()->title());
    return out;
}

struct Message
{
    QString context;
    QString source;
    bool finished = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QDomDocument doc;
    if (!doc.setContent(&file)) {
        *error = u"not XML"_s;
        return {};
    }
    QList<Message> out;
    const QDomNodeList contexts = doc.elementsByTagName(u"context"_s);
    for (int i = 0; i < contexts.size(); ++i) {
        const QDomElement ctx = contexts.at(i).toElement();
        const QString name = ctx.firstChildElement(u"name"_s).text();
        for (QDomElement m = ctx.firstChildElement(u"message"_s); !m.isNull();
             m = m.nextSiblingElement(u"message"_s)) {
            const QDomElement tr = m.firstChildElement(u"translation"_s);
            bool filled = !tr.text().trimmed().isEmpty();
            if (m.attribute(u"numerus"_s) == u"yes"_s) {
                const QDomNodeList forms = tr.elementsByTagName(u"numerusform"_s);
                filled = forms.size() > 0;
                for (int f = 0; f < forms.size(); ++f)
                    filled = filled && !forms.at(f).toElement().text().trimmed().isEmpty();
            }
            out << Message{name, m.firstChildElement(u"source"_s).text(),
                           !tr.isNull() && !tr.hasAttribute(u"type"_s) && filled};
        }
    }
    return out;
}

} // namespace

class TestConsoleLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void translationFilesAreComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("id") << u"id"_s;
        QTest::newRow("en") << u"en"_s;
    }

    void translationFilesAreComplete()
    {
        QFETCH(QString, language);
        const QString path =
            QStringLiteral(GERBANG_SOURCE_DIR "/translations/gerbang_%1.ts").arg(language);
        QString error;
        const QList<Message> shipped = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(shipped.size() > 100);
        QStringList unfinished;
        QSet<QString> known;
        for (const Message &m : shipped) {
            known.insert(m.context + u'|' + m.source);
            if (!m.finished)
                unfinished << m.context + u": "_s + m.source;
        }
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(u'\n')));

        // Every text the sources mark for translation is in the file: lupdate over the
        // console's sources and the table of settings, into a scratch file.
        QTemporaryDir scratch;
        const QString fresh = scratch.filePath(u"fresh.ts"_s);
        QProcess lupdate;
        lupdate.start(
            QStringLiteral(GERBANG_LUPDATE),
            {u"-silent"_s, u"-locations"_s, u"none"_s, QStringLiteral(GERBANG_SOURCE_DIR "/gui"),
             QStringLiteral(GERBANG_SOURCE_DIR "/shared/config/Settings.cpp"),
             QStringLiteral(GERBANG_SOURCE_DIR "/shared/domain/AlertTexts.cpp"), u"-ts"_s, fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const QList<Message> found = readTs(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(found.size() > 100);
        QStringList missing;
        for (const Message &m : found) {
            if (!known.contains(m.context + u'|' + m.source))
                missing << m.context + u": "_s + m.source;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"missing from gerbang_%1.ts (run lupdate and "
                                               "translations/tools/fill_ts.py):\n"_s.arg(language) +
                                               missing.join(u'\n')));

        // The table of settings is translated whole: every label and help text, also of the
        // settings the console does not show.
        for (const SettingDef &d : Settings::definitions()) {
            for (const QString &text : {d.englishLabel(), d.englishHelp()}) {
                QVERIFY2(known.contains(QString::fromLatin1(kSettingsContext) + u'|' + text),
                         qPrintable(d.key + u": "_s + text));
            }
        }
    }

    // The settings page reads each field's label and tooltip from the table of settings, in
    // the console's language, and gives every field its own mnemonic.
    void settingsPageShowsTheTableInTheCurrentLanguage()
    {
        ConsoleFixture fx;
        QVERIFY(fx.start());
        MainWindow *w = fx.window.get();
        SettingsPage *page = w->settingsPage();
        w->showPage(page);
        w->findChild<QAction *>(u"languageIndonesian"_s)->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(fx.language->current(), u"id"_s);

        // Every field has a mnemonic, never one of the buttons' or the menus' (there are more
        // fields than free letters: fields may share one, the key then cycles between them).
        auto mnemonic = [](const QString &text) {
            const qsizetype at = QString(text).replace(u"&&"_s, u"__"_s).indexOf(u'&');
            return at < 0 || at + 1 >= text.size() ? QChar() : text.at(at + 1).toLower();
        };
        auto verifyMnemonics = [&] {
            QSet<QChar> reserved;
            for (const QAction *menu : w->menuBar()->actions())
                reserved.insert(mnemonic(menu->text()));
            for (const QPushButton *button : page->findChildren<QPushButton *>())
                reserved.insert(mnemonic(button->text()));
            reserved.remove(QChar());
            QSet<QChar> fieldKeys;
            for (QLabel *label : page->findChildren<QLabel *>()) {
                if (!label->buddy())
                    continue;
                const QChar key = mnemonic(label->text());
                QVERIFY2(!key.isNull() && !reserved.contains(key), qPrintable(label->text()));
                fieldKeys.insert(key);
            }
            QVERIFY2(fieldKeys.size() >= 15,
                     qPrintable(QStringList(fieldKeys.begin(), fieldKeys.end()).join(u' ')));
        };
        verifyMnemonics();
        if (QTest::currentTestFailed())
            return;

        int shown = 0;
        int fromEnvironment = 0;
        for (QLabel *label : page->findChildren<QLabel *>()) {
            const auto *edit = qobject_cast<QLineEdit *>(label->buddy());
            const SettingDef *def = edit ? Settings::definition(edit->objectName()) : nullptr;
            if (!def)
                continue;
            ++shown;
            const QString translated = QCoreApplication::translate(kSettingsContext, def->label);
            QVERIFY2(translated != def->englishLabel(), qPrintable(def->key));
            QCOMPARE(QString(label->text()).remove(u'&'), translated + u':');
            QVERIFY2(edit->toolTip().startsWith(
                         QCoreApplication::translate(kSettingsContext, def->help)),
                     qPrintable(def->key));
            QVERIFY2(edit->toolTip() != def->englishHelp(), qPrintable(def->key));
            // Set from the environment (the tests set GERBANG_ADMIN_LISTEN): read-only, and
            // the tooltip names the variable to change instead.
            if (edit->isReadOnly()) {
                ++fromEnvironment;
                QVERIFY2(edit->toolTip().contains(def->env), qPrintable(def->key));
            }
        }
        QVERIFY(fromEnvironment >= 1);
        QVERIFY(shown >= 20);
        auto labelOf = [page](const QString &key) {
            for (QLabel *label : page->findChildren<QLabel *>()) {
                if (label->buddy() && label->buddy()->objectName() == key)
                    return QString(label->text()).remove(u'&');
            }
            return QString();
        };
        QCOMPARE(labelOf(u"retention/raw_days"_s), u"Payload mentah disimpan (hari):"_s);
        QCOMPARE(labelOf(u"edge/trusted_proxies"_s), u"Proxy tepercaya (CIDR):"_s);
        const SettingDef *dedup = Settings::definition(u"dedup/ttl_hours");
        QVERIFY(
            page->findChild<QLineEdit *>(dedup->key)
                ->toolTip()
                .contains(u"Bilangan bulat dari %1 sampai %2"_s.arg(dedup->min).arg(dedup->max)));

        // And back to English.
        w->findChild<QAction *>(u"languageEnglish"_s)->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(labelOf(u"retention/raw_days"_s), u"Raw payloads kept (days):"_s);
        verifyMnemonics();
        const SettingDef *raw = Settings::definition(u"retention/raw_days");
        QCOMPARE(
            page->findChild<QLineEdit *>(raw->key)->toolTip(),
            raw->englishHelp() +
                u"\nA whole number from %1 to %2; default %3."_s.arg(raw->min).arg(raw->max).arg(
                    raw->defaultValue));
    }

    void everyPageFollowsTheLanguageSwitch()
    {
        ConsoleFixture fx;
        QVERIFY(fx.start());
        MainWindow *w = fx.window.get();
        QHash<Page *, QStringList> english;
        QHash<Page *, QString> englishTitles;
        for (Page *p : w->pages()) {
            w->showPage(p);
            english.insert(p, textsOf(p));
            englishTitles.insert(p, p->title());
        }
        const QString menusBefore = w->menuBar()->actions().first()->text();

        // The Language menu, as the admin would use it.
        QAction *indonesian = w->findChild<QAction *>(u"languageIndonesian"_s);
        QVERIFY(indonesian);
        indonesian->trigger();
        QCOMPARE(fx.language->current(), u"id"_s);
        QCoreApplication::processEvents();

        QListWidget *nav = w->findChild<QListWidget *>(u"navigation"_s);
        const QStringList expectedTitles = {
            u"Dasbor"_s,    u"Tenant"_s,     u"Sumber & rahasia"_s,          u"Log audit"_s,
            u"Event"_s,     u"Peringatan"_s, u"Gagal kirim (dead letter)"_s, u"Gateway"_s,
            u"Pengaturan"_s};
        for (int i = 0; i < w->pages().size(); ++i) {
            Page *p = w->pages().at(i);
            QCOMPARE(p->title(), expectedTitles.at(i));
            QCOMPARE(nav->item(i)->text(), expectedTitles.at(i));
            w->showPage(p);
            const QStringList now = textsOf(p);
            const QStringList before = english.value(p);
            int changed = 0;
            for (const QString &t : before)
                changed += !now.contains(t);
            // Most of what the page says must change; ids, URLs and numbers may not.
            QVERIFY2(changed * 2 >= before.size(),
                     qPrintable(u"%1: only %2 of %3 texts changed; still English: %4"_s
                                    .arg(englishTitles.value(p))
                                    .arg(changed)
                                    .arg(before.size())
                                    .arg(now.join(u" | "_s))));
        }
        QVERIFY(w->menuBar()->actions().first()->text() != menusBefore);
        QVERIFY(textsOf(w->dashboard())
                    .contains(u"Kegagalan tanda tangan per menit, 60 menit "
                              "terakhir"_s));
        QVERIFY(textsOf(w->tenants()).contains(u"Tenant &baru"_s));
        QVERIFY(textsOf(w->audit()).contains(u"Laporan &PDF…"_s));
        QVERIFY(textsOf(w->deadLetters()).contains(u"Kirim ulang &semua"_s));
        QVERIFY(textsOf(w->settingsPage()).contains(u"Jaringan dan TLS"_s));
        QCOMPARE(w->findChild<QLabel *>(u"engineState"_s)->text(), u"Mesin berjalan"_s);

        // And back.
        w->findChild<QAction *>(u"languageEnglish"_s)->trigger();
        QCoreApplication::processEvents();
        for (Page *p : w->pages())
            QCOMPARE(p->title(), englishTitles.value(p));
        QCOMPARE(w->findChild<QLabel *>(u"engineState"_s)->text(), u"Engine running"_s);
    }
};

QTEST_MAIN(TestConsoleLanguage)
#include "tst_console_language.moc"
