// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineConfig.h"
#include "config/Settings.h"
#include "config/SettingsRules.h"
#include "storage/Database.h"
#include "store/StoreWriter.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace gerbang;
using namespace Qt::StringLiterals;

namespace {

// Writes `content` to `<dir>/gerbang.ini` with the given mode and returns its path.
QString writeIni(const QTemporaryDir &dir, const QByteArray &content, int mode = 0600)
{
    const QString path = dir.filePath(u"gerbang.ini"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    f.close();
    if (::chmod(QFile::encodeName(path).constData(), mode_t(mode)) != 0)
        qFatal("cannot chmod %s", qPrintable(path));
    return path;
}

QProcessEnvironment emptyEnv()
{
    return QProcessEnvironment();
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void definitionsAreUnique()
    {
        QSet<QString> keys;
        QSet<QString> envs;
        for (const SettingDef &d : Settings::definitions()) {
            QVERIFY2(d.key.contains(u'/'), qPrintable(d.key));
            QVERIFY2(!keys.contains(d.key), qPrintable(d.key));
            keys.insert(d.key);
            if (!d.env.isEmpty()) {
                QVERIFY2(d.env.startsWith(u"GERBANG_"_s), qPrintable(d.env));
                QVERIFY2(!envs.contains(d.env), qPrintable(d.env));
                envs.insert(d.env);
            }
        }
        QVERIFY(keys.contains(u"whatsapp/app_secret"_s));
    }

    void defaults()
    {
        Settings s;
        QString error;
        QVERIFY2(s.load(QString(), false, emptyEnv(), &error), qPrintable(error));
        QCOMPARE(s.value(u"server/listen"_s), u"127.0.0.1:8080"_s);
        QCOMPARE(s.listenHost(), u"127.0.0.1"_s);
        QCOMPARE(s.listenPort(), quint16(8080));
        QCOMPARE(s.value(u"dedup/ttl_hours"_s), u"168"_s);
        QCOMPARE(s.value(u"whatsapp/body_limit_bytes"_s), u"4194304"_s);
        QCOMPARE(s.value(u"log/format"_s), u"text"_s);
        QVERIFY(s.value(u"whatsapp/app_secret"_s).isEmpty());
        bool ok = false;
        QCOMPARE(s.intValue(u"server/max_connections"_s, &ok), 1024);
        QVERIFY(ok);
        // Every declared setting has its default loaded.
        for (const SettingDef &d : Settings::definitions())
            QCOMPARE(s.value(d.key), d.defaultValue);
        QCOMPARE(messagesOf(s.validate()), QStringList());
        QVERIFY(!s.dataDir().isEmpty());
    }

    void missingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"nope.ini"_s);
        Settings implicit;
        QString error;
        QVERIFY2(implicit.load(path, false, emptyEnv(), &error), qPrintable(error));
        QCOMPARE(implicit.value(u"server/listen"_s), u"127.0.0.1:8080"_s);

        Settings explicitPath;
        error.clear();
        QVERIFY(!explicitPath.load(path, true, emptyEnv(), &error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    void emptyFileIsValid()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeIni(dir, QByteArray());
        Settings s;
        QString error;
        QVERIFY2(s.load(path, true, emptyEnv(), &error), qPrintable(error));
        QCOMPARE(s.configPath(), path);
        QCOMPARE(s.value(u"server/listen"_s), u"127.0.0.1:8080"_s);
        QCOMPARE(messagesOf(s.validate()), QStringList());
    }

    void iniValues()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeIni(dir,
                                      "; comment\n"
                                      "[server]\n"
                                      "listen=127.0.0.1:9090\n"
                                      "max_connections=64\n"
                                      "[storage]\n"
                                      "data_dir=/var/lib/gerbang-test\n"
                                      "[dedup]\n"
                                      "ttl_hours=48\n",
                                      0644);
        Settings s;
        QString error;
        QVERIFY2(s.load(path, true, emptyEnv(), &error), qPrintable(error));
        QCOMPARE(s.value(u"server/listen"_s), u"127.0.0.1:9090"_s);
        QCOMPARE(s.listenPort(), quint16(9090));
        QCOMPARE(s.value(u"server/max_connections"_s), u"64"_s);
        QCOMPARE(s.dataDir(), u"/var/lib/gerbang-test"_s);
        QCOMPARE(s.value(u"dedup/ttl_hours"_s), u"48"_s);
        // Untouched keys keep their defaults.
        QCOMPARE(s.value(u"server/idle_timeout_ms"_s), u"30000"_s);
        QCOMPARE(messagesOf(s.validate()), QStringList());
    }

    void environmentBeatsIni()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeIni(dir, "[server]\nlisten=127.0.0.1:9090\n"
                                           "[limits]\nrate_global=100\nrate_per_ip=10\n");
        QProcessEnvironment env;
        env.insert(u"GERBANG_LISTEN"_s, u"127.0.0.1:7070"_s);
        env.insert(u"GERBANG_RATE_GLOBAL"_s, u"0"_s);
        env.insert(u"GERBANG_UNRELATED"_s, u"ignored"_s);
        Settings s;
        QString error;
        QVERIFY2(s.load(path, true, env, &error), qPrintable(error));
        QCOMPARE(s.value(u"server/listen"_s), u"127.0.0.1:7070"_s);
        QCOMPARE(s.listenPort(), quint16(7070));
        QCOMPARE(s.value(u"limits/rate_global"_s), u"0"_s);
        QCOMPARE(s.value(u"limits/rate_per_ip"_s), u"10"_s); // INI, no env
        // A command-line override beats the environment.
        s.setOverride(u"server/listen"_s, u"127.0.0.1:0"_s);
        QCOMPARE(s.value(u"server/listen"_s), u"127.0.0.1:0"_s);
        QCOMPARE(messagesOf(s.validate()), QStringList());
    }

    void environmentWithoutFile()
    {
        QProcessEnvironment env;
        env.insert(u"GERBANG_WHATSAPP_APP_SECRET"_s, u"from-env"_s);
        env.insert(u"GERBANG_LOG_FORMAT"_s, u"json"_s);
        Settings s;
        QString error;
        QVERIFY2(s.load(QString(), false, env, &error), qPrintable(error));
        QCOMPARE(s.value(u"whatsapp/app_secret"_s), u"from-env"_s);
        QCOMPARE(s.value(u"log/format"_s), u"json"_s);
    }

    void secretInReadableFileRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("key");
        QTest::newRow("app_secret")
            << QByteArray("[whatsapp]\napp_secret=x\n") << u"whatsapp/app_secret"_s;
        QTest::newRow("verify_token")
            << QByteArray("[whatsapp]\nverify_token=tok\n") << u"whatsapp/verify_token"_s;
        QTest::newRow("master_key")
            << QByteArray("[security]\nmaster_key=AAAA\n") << u"security/master_key"_s;
        QTest::newRow("sink secret")
            << QByteArray("[sink]\nsecret=whsec_abc\n") << u"sink/secret"_s;
        QTest::newRow("database url")
            << QByteArray("[storage]\ndatabase_url=postgresql://u:pw@db/gerbang\n")
            << u"storage/database_url"_s;
    }
    void secretInReadableFileRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, key);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        const QString path = writeIni(dir, content, 0644);
        Settings refused;
        QString error;
        QVERIFY(!refused.load(path, true, emptyEnv(), &error));
        QVERIFY2(error.contains(u"chmod"_s), qPrintable(error));
        QVERIFY2(error.contains(key), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));

        writeIni(dir, content, 0600);
        Settings accepted;
        error.clear();
        QVERIFY2(accepted.load(path, true, emptyEnv(), &error), qPrintable(error));
        QVERIFY(!accepted.value(key).isEmpty());
    }

    void readableFileWithoutSecretsAccepted()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // World-readable is fine when the file holds no secret (or an empty one).
        const QString path = writeIni(dir,
                                      "[server]\nlisten=127.0.0.1:8081\n[whatsapp]\n"
                                      "app_secret=\nbody_limit_bytes=3145728\n",
                                      0644);
        Settings s;
        QString error;
        QVERIFY2(s.load(path, true, emptyEnv(), &error), qPrintable(error));
        QCOMPARE(s.listenPort(), quint16(8081));
        QCOMPARE(s.value(u"whatsapp/body_limit_bytes"_s), u"3145728"_s);
    }

    void valuesWithIniSpecialCharacters_data()
    {
        // A verify token, a database password or a sink URL may contain characters that
        // QSettings' INI format treats specially. The admin's value must arrive intact (or the
        // file be refused), never silently changed.
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("bug");
        QTest::newRow("comma") << QByteArray("verify_token=abc,def") << u"abc,def"_s << true;
        QTest::newRow("semicolon") << QByteArray("verify_token=abc;def") << u"abc;def"_s << true;
        QTest::newRow("backslash") << QByteArray("verify_token=abc\\def") << u"abc\\def"_s << true;
        QTest::newRow("hash") << QByteArray("verify_token=abc#def") << u"abc#def"_s << false;
        QTest::newRow("equals") << QByteArray("verify_token=abc=def") << u"abc=def"_s << false;
        QTest::newRow("quoted comma")
            << QByteArray("verify_token=\"abc,def\"") << u"abc,def"_s << false;
    }
    void valuesWithIniSpecialCharacters()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, expected);
        QFETCH(bool, bug);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeIni(dir, "[whatsapp]\n" + line + "\n", 0600);
        Settings s;
        QString error;
        const bool loaded = s.load(path, true, emptyEnv(), &error);
        Q_UNUSED(bug); // QSettings used to alter these; the plain reader keeps them literally
        QVERIFY(loaded);
        QVERIFY2(s.value(u"whatsapp/verify_token"_s) == expected,
                 qPrintable(s.value(u"whatsapp/verify_token"_s)));
    }

    void secretWithCommaInReadableFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeIni(dir, "[whatsapp]\nverify_token=abc,def\n", 0644);
        Settings s;
        QString error;
        const bool loaded = s.load(path, true, emptyEnv(), &error);
        QVERIFY(!loaded);
        QVERIFY2(error.contains(u"readable by other"_s), qPrintable(error));
    }

    void unknownKeyRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("key");
        QTest::newRow("typo") << QByteArray("[server]\nlisen=127.0.0.1:1\n") << u"server/lisen"_s;
        QTest::newRow("unknown section") << QByteArray("[nosuch]\nthing=1\n") << u"nosuch/thing"_s;
    }

    void settingOutsideSectionRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeIni(dir, "listen=127.0.0.1:1\n");
        Settings s;
        QString error;
        QVERIFY(!s.load(path, true, emptyEnv(), &error));
        QVERIFY2(error.contains(u"outside a [section]"_s) && error.contains(u"line 1"_s),
                 qPrintable(error));
    }
    void unknownKeyRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, key);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeIni(dir, content);
        Settings s;
        QString error;
        QVERIFY(!s.load(path, true, emptyEnv(), &error));
        QVERIFY2(error.contains(u"unknown"_s), qPrintable(error));
        QVERIFY2(error.contains(key), qPrintable(error));
    }

    // The rules between settings: one place that the engine, the console, the admin API and
    // gerbangctl all use. Each row breaks one rule (or none) and names the key it reports.
    void rulesBetweenSettings_data()
    {
        QTest::addColumn<QStringList>("overrides"); // key=value
        QTest::addColumn<QString>("key");           // empty: no problem
        QTest::addColumn<QString>("code");
        QTest::newRow("defaults") << QStringList() << QString() << QString();
        QTest::newRow("certificate and key")
            << QStringList{u"tls/certificate=/c.pem"_s, u"tls/private_key=/k.pem"_s} << QString()
            << QString();
        QTest::newRow("certificate alone")
            << QStringList{u"tls/certificate=/c.pem"_s} << u"tls/certificate"_s << u"requires"_s;
        QTest::newRow("client CA without TLS")
            << QStringList{u"tls/client_ca=/ca.pem"_s} << u"tls/client_ca"_s << u"requires"_s;
        QTest::newRow("subject without client CA")
            << QStringList{u"tls/certificate=/c.pem"_s, u"tls/private_key=/k.pem"_s,
                           u"tls/client_subject_cn=core"_s}
            << u"tls/client_subject_cn"_s << u"requires"_s;
        QTest::newRow("routes without client CA")
            << QStringList{u"tls/client_certificate_routes=internal"_s}
            << u"tls/client_certificate_routes"_s << u"requires"_s;
        QTest::newRow("separators only are no routes")
            << QStringList{u"tls/client_certificate_routes=, ,"_s} << QString() << QString();
        QTest::newRow("bad allowlist") << QStringList{u"edge/allowlist=10.0.0.0/33"_s}
                                       << u"edge/allowlist"_s << u"invalid_value"_s;
        QTest::newRow("missing allowlist file")
            << QStringList{u"edge/allowlist_file=/nonexistent/allow.txt"_s}
            << u"edge/allowlist_file"_s << u"invalid_value"_s;
        QTest::newRow("bad trusted proxy") << QStringList{u"edge/trusted_proxies=proxy.example"_s}
                                           << u"edge/trusted_proxies"_s << u"invalid_value"_s;
        QTest::newRow("alert URL not http") << QStringList{u"alerts/url=ftp://x.example/"_s}
                                            << u"alerts/url"_s << u"invalid_value"_s;
        QTest::newRow("alert secret not base64") << QStringList{u"alerts/secret=whsec_***"_s}
                                                 << u"alerts/secret"_s << u"invalid_value"_s;
        QTest::newRow("database URL") << QStringList{u"storage/database_url=mysql://x/y"_s}
                                      << u"storage/database_url"_s << u"invalid_value"_s;
        QTest::newRow("admin on the webhook port")
            << QStringList{u"server/listen=127.0.0.1:8080"_s, u"admin/listen=127.0.0.1:8080"_s}
            << u"admin/listen"_s << u"invalid_value"_s;
    }
    void rulesBetweenSettings()
    {
        QFETCH(QStringList, overrides);
        QFETCH(QString, key);
        QFETCH(QString, code);
        Settings s;
        QString error;
        QVERIFY(s.load(QString(), false, emptyEnv(), &error));
        for (const QString &kv : std::as_const(overrides))
            s.setOverride(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        const SettingProblems found = settingRulesBetween(s);
        if (key.isEmpty()) {
            QCOMPARE(messagesOf(found), QStringList());
            return;
        }
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().key, key);
        QCOMPARE(found.first().code, code);
        // The engine reports the same when it starts, and checkSettings() adds validate()'s.
        SettingProblems atStart;
        EngineConfig::fromSettings(s, nullptr, &atStart);
        QCOMPARE(messagesOf(atStart), messagesOf(found));
        QVERIFY(messagesOf(checkSettings(s)).contains(found.first().message));
    }

    void validateRanges_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ttl 12h") << u"dedup/ttl_hours"_s << u"12"_s << false;
        QTest::newRow("ttl 23h") << u"dedup/ttl_hours"_s << u"23"_s << false;
        QTest::newRow("ttl 24h") << u"dedup/ttl_hours"_s << u"24"_s << true;
        QTest::newRow("ttl 1 year") << u"dedup/ttl_hours"_s << u"8760"_s << true;
        QTest::newRow("ttl over a year") << u"dedup/ttl_hours"_s << u"8761"_s << false;
        QTest::newRow("ttl text") << u"dedup/ttl_hours"_s << u"a week"_s << false;
        QTest::newRow("ttl empty") << u"dedup/ttl_hours"_s << QString() << false;
        QTest::newRow("ttl fraction") << u"dedup/ttl_hours"_s << u"24.5"_s << false;
        QTest::newRow("ttl padded") << u"dedup/ttl_hours"_s << u" 48 "_s << true;
        QTest::newRow("max_connections 0") << u"server/max_connections"_s << u"0"_s << false;
        QTest::newRow("max_connections 1") << u"server/max_connections"_s << u"1"_s << true;
        QTest::newRow("header limit 512") << u"server/header_limit_bytes"_s << u"512"_s << false;
        QTest::newRow("read timeout 50") << u"server/read_timeout_ms"_s << u"50"_s << false;
        QTest::newRow("rate negative") << u"limits/rate_per_ip"_s << u"-1"_s << false;
        QTest::newRow("rate unlimited") << u"limits/rate_per_ip"_s << u"0"_s << true;
        QTest::newRow("raw days 0") << u"retention/raw_days"_s << u"0"_s << false;
        QTest::newRow("wa body 64MiB+1")
            << u"whatsapp/body_limit_bytes"_s << QString::number((64 << 20) + 1) << false;
        QTest::newRow("int overflow") << u"storage/max_pending"_s << u"99999999999"_s << false;
        QTest::newRow("log xml") << u"log/format"_s << u"xml"_s << false;
        QTest::newRow("log json") << u"log/format"_s << u"json"_s << true;
    }
    void validateRanges()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        Settings s;
        QString error;
        QVERIFY(s.load(QString(), false, emptyEnv(), &error));
        s.setOverride(key, value);
        const SettingProblems found = s.validate();
        const QStringList problems = messagesOf(found);
        if (valid) {
            QCOMPARE(problems, QStringList());
        } else {
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().contains(key), qPrintable(problems.first()));
            // Callers act on the key and code, never on the English message.
            QCOMPARE(found.first().key, key);
            QVERIFY(!found.first().code.isEmpty());
        }
    }

    void everyWholeNumberSettingDeclaresItsRange()
    {
        // The one table holds every range: each whole-number setting's default lies in it,
        // and a value just outside it is refused with that setting's key and out_of_range.
        int numbers = 0;
        for (const SettingDef &d : Settings::definitions()) {
            if (!d.isInteger())
                continue;
            ++numbers;
            bool ok = false;
            const int def = d.defaultValue.toInt(&ok);
            QVERIFY2(ok && def >= d.min && def <= d.max, qPrintable(d.key));
            for (const qint64 outside : {qint64(d.min) - 1, qint64(d.max) + 1}) {
                Settings s;
                QString error;
                QVERIFY(s.load(QString(), false, emptyEnv(), &error));
                s.setOverride(d.key, QString::number(outside));
                const SettingProblems found = s.validate();
                QCOMPARE(found.size(), 1);
                QCOMPARE(found.first().key, d.key);
                QCOMPARE(found.first().code, u"out_of_range"_s);
            }
        }
        QVERIFY(numbers >= 30);
        QCOMPARE(Settings::definition(u"retention/raw_days"_s)->apply, SettingApply::Reload);
        QCOMPARE(Settings::definition(u"server/listen"_s)->apply, SettingApply::Restart);
    }

    void everySettingHasALabelAndHelp()
    {
        // The console shows the label and the help (translated), gerbang.ini and the manual
        // pages the help (English): every setting has both, in the form they expect.
        QSet<QString> labels;
        for (const SettingDef &d : Settings::definitions()) {
            const QString label = d.englishLabel();
            const QString help = d.englishHelp();
            QVERIFY2(!label.trimmed().isEmpty(), qPrintable(d.key));
            QVERIFY2(!help.trimmed().isEmpty(), qPrintable(d.key));
            // The console adds the colon and the mnemonic; the generated texts the full stop.
            QVERIFY2(!label.contains(u'&') && !label.endsWith(u':'), qPrintable(label));
            QVERIFY2(!help.endsWith(u'.'), qPrintable(help));
            QVERIFY2(!labels.contains(label), qPrintable(label));
            labels.insert(label);
            // No translator installed: English.
            QCOMPARE(d.translatedLabel(), label);
            QCOMPARE(d.translatedHelp(), help);
        }
    }

    void partsBuiltWithoutSettingsHaveTheTablesDefaults()
    {
        for (const SettingDef &d : Settings::definitions()) {
            if (d.isInteger())
                QCOMPARE(QString::number(Settings::defaultInt(d.key)), d.defaultValue);
        }
        // What the engine's parts start with (a test, a benchmark) is what the engine gets
        // from a configuration that sets nothing.
        Settings s;
        QString error;
        QVERIFY2(s.load(QString(), false, emptyEnv(), &error), qPrintable(error));
        const EngineConfig resolved = EngineConfig::fromSettings(s, nullptr);
        const EngineConfig initial;
        QCOMPARE(initial.maxConnections, resolved.maxConnections);
        QCOMPARE(initial.maxConnectionsPerIp, resolved.maxConnectionsPerIp);
        QCOMPARE(initial.connection.headerLimit, resolved.connection.headerLimit);
        QCOMPARE(initial.connection.readTimeoutMs, resolved.connection.readTimeoutMs);
        QCOMPARE(initial.connection.idleTimeoutMs, resolved.connection.idleTimeoutMs);
        QCOMPARE(initial.connection.firstByteTimeoutMs, resolved.connection.firstByteTimeoutMs);
        QCOMPARE(http::ParserLimits().headerLimit, resolved.connection.headerLimit);
        QCOMPARE(initial.bodyLimit, resolved.bodyLimit);
        QCOMPARE(initial.whatsappBodyLimit, resolved.whatsappBodyLimit);
        QCOMPARE(initial.busyTimeoutMs, resolved.busyTimeoutMs);
        QCOMPARE(Database::Options().busyTimeoutMs, resolved.busyTimeoutMs);
        QCOMPARE(initial.maxPending, resolved.maxPending);
        QCOMPARE(initial.dedupTtlMs, resolved.dedupTtlMs);
        const StoreWriterOptions store;
        QCOMPARE(store.busyTimeoutMs, resolved.busyTimeoutMs);
        QCOMPARE(store.maxPending, resolved.maxPending);
        QCOMPARE(store.dedupTtlMs, resolved.dedupTtlMs);
        QCOMPARE(initial.retention.rawDays, resolved.retention.rawDays);
        QCOMPARE(initial.retention.auditDays, resolved.retention.auditDays);
        QCOMPARE(initial.retention.deliveredDays, resolved.retention.deliveredDays);
        QCOMPARE(initial.retention.intervalMs, resolved.retention.intervalMs);
        QCOMPARE(initial.delivery.timeoutMs, resolved.delivery.timeoutMs);
        QCOMPARE(initial.delivery.concurrency, resolved.delivery.concurrency);
        QCOMPARE(initial.delivery.retry.baseMs, resolved.delivery.retry.baseMs);
        QCOMPARE(initial.delivery.retry.capMs, resolved.delivery.retry.capMs);
        QCOMPARE(initial.delivery.retry.maxAttempts, resolved.delivery.retry.maxAttempts);
        QCOMPARE(initial.delivery.retry.maxAgeMs, resolved.delivery.retry.maxAgeMs);
        QCOMPARE(initial.edge.rates.globalRate, resolved.edge.rates.globalRate);
        QCOMPARE(initial.edge.rates.globalBurst, resolved.edge.rates.globalBurst);
        QCOMPARE(initial.edge.rates.perIpRate, resolved.edge.rates.perIpRate);
        QCOMPARE(initial.edge.rates.perIpBurst, resolved.edge.rates.perIpBurst);
        QCOMPARE(initial.edge.rates.offenderStrikes, resolved.edge.rates.offenderStrikes);
        QCOMPARE(initial.edge.rates.offenderPenaltySecs, resolved.edge.rates.offenderPenaltySecs);
        QCOMPARE(initial.alerts.threshold, resolved.alerts.threshold);
        QCOMPARE(initial.alerts.windowMs, resolved.alerts.windowMs);
        QCOMPARE(initial.alerts.cooldownMs, resolved.alerts.cooldownMs);
    }

    void ttlFromIniValidated()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeIni(dir, "[dedup]\nttl_hours=12\n");
        Settings s;
        QString error;
        QVERIFY2(s.load(path, true, emptyEnv(), &error), qPrintable(error));
        const QStringList problems = messagesOf(s.validate());
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(u"dedup/ttl_hours"_s));
        QVERIFY(problems.first().contains(u"24"_s));
        bool ok = true;
        QCOMPARE(s.intValue(u"dedup/ttl_hours"_s, &ok), 24); // clamped
        QVERIFY(!ok);
    }

    void validateListen_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << u"0.0.0.0:443"_s << true << u"0.0.0.0"_s << 443;
        QTest::newRow("ephemeral") << u"127.0.0.1:0"_s << true << u"127.0.0.1"_s << 0;
        QTest::newRow("ipv6") << u"[::1]:8443"_s << true << u"::1"_s << 8443;
        QTest::newRow("hostname") << u"localhost:8080"_s << false << u"localhost"_s << 8080;
        QTest::newRow("no port") << u"127.0.0.1"_s << false << QString() << 0;
        QTest::newRow("port too big") << u"127.0.0.1:70000"_s << false << QString() << 0;
        QTest::newRow("port text") << u"127.0.0.1:http"_s << false << QString() << 0;
        QTest::newRow("empty") << QString() << false << QString() << 0;
        QTest::newRow("bad ip") << u"300.1.1.1:80"_s << false << u"300.1.1.1"_s << 80;
    }
    void validateListen()
    {
        QFETCH(QString, listen);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        QProcessEnvironment env;
        env.insert(u"GERBANG_LISTEN"_s, listen);
        Settings s;
        QString error;
        QVERIFY(s.load(QString(), false, env, &error));
        const QStringList problems = messagesOf(s.validate());
        if (valid) {
            QCOMPARE(problems, QStringList());
        } else {
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().contains(u"server/listen"_s), qPrintable(problems.first()));
        }
        if (!host.isEmpty())
            QCOMPARE(s.listenHost(), host);
        QCOMPARE(int(s.listenPort()), port);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
