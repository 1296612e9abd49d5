// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Crypto.h"
#include "crypto/Vault.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <stdexcept>
#include <sys/stat.h>

using namespace gerbang;
using namespace Qt::StringLiterals;

namespace {

int fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

bool setFileMode(const QString &path, int mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

QByteArray keyA()
{
    return QByteArray(32, '\x11');
}
QByteArray keyB()
{
    return QByteArray(32, '\x22');
}

} // namespace

class TestVault : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sealOpenRoundTrip_data()
    {
        QTest::addColumn<int>("purpose");
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("raw payload") << int(Vault::Purpose::RawPayload)
                                     << QByteArray("{\"object\":\"whatsapp_business_account\"}");
        QTest::newRow("secret") << int(Vault::Purpose::Secret)
                                << QByteArray("test-app-secret-0123456789abcdef");
        QTest::newRow("empty") << int(Vault::Purpose::RawPayload) << QByteArray();
        QTest::newRow("binary") << int(Vault::Purpose::Secret) << QByteArray("\0\1\2\xff", 4);
    }
    void sealOpenRoundTrip()
    {
        QFETCH(int, purpose);
        QFETCH(QByteArray, plaintext);
        const auto p = Vault::Purpose(purpose);
        const Vault vault(keyA());
        const QByteArray sealed = vault.seal(p, plaintext, "raw-0001");
        // 'G' '1' | key id (8) | nonce (12) | ciphertext | tag (16)
        QCOMPARE(sealed.size(), 2 + 8 + 12 + plaintext.size() + 16);
        QVERIFY(sealed.startsWith("G1"));
        QCOMPARE(sealed.mid(2, 8), vault.keyId());
        bool ok = false;
        QCOMPARE(vault.open(p, sealed, "raw-0001", &ok), plaintext);
        QVERIFY(ok);
        // Same key, new Vault object: still opens.
        ok = false;
        QCOMPARE(Vault(keyA()).open(p, sealed, "raw-0001", &ok), plaintext);
        QVERIFY(ok);
    }

    void ciphertextDoesNotContainPlaintext()
    {
        const Vault vault(keyA());
        const QByteArray plaintext =
            "{\"text\":{\"body\":\"Selamat pagi, saya ingin konsultasi\"}}";
        const QByteArray sealed = vault.seal(Vault::Purpose::RawPayload, plaintext, "r1");
        QVERIFY(!sealed.contains(plaintext));
        QVERIFY(!sealed.contains("Selamat"));
        QVERIFY(!sealed.contains("konsultasi"));
        // Random nonce: sealing the same value twice gives different bytes.
        QVERIFY(vault.seal(Vault::Purpose::RawPayload, plaintext, "r1") != sealed);
    }

    void wrongRecordIdFails()
    {
        const Vault vault(keyA());
        const QByteArray sealed = vault.seal(Vault::Purpose::RawPayload, "payload", "raw-0001");
        for (const QByteArray &other : {QByteArray("raw-0002"), QByteArray("raw-000"),
                                        QByteArray("raw-00010"), QByteArray()}) {
            bool ok = true;
            const QByteArray out = vault.open(Vault::Purpose::RawPayload, sealed, other, &ok);
            QVERIFY2(!ok, other.constData());
            QVERIFY(out.isEmpty());
        }
    }

    void wrongPurposeFails()
    {
        const Vault vault(keyA());
        const QByteArray sealed = vault.seal(Vault::Purpose::Secret, "s3cret", "secret-1");
        bool ok = true;
        QVERIFY(vault.open(Vault::Purpose::RawPayload, sealed, "secret-1", &ok).isEmpty());
        QVERIFY(!ok);
    }

    void wrongKeyFails()
    {
        const Vault a(keyA());
        const Vault b(keyB());
        QVERIFY(a.keyId() != b.keyId());
        const QByteArray sealed = a.seal(Vault::Purpose::RawPayload, "payload", "r1");
        bool ok = true;
        QVERIFY(b.open(Vault::Purpose::RawPayload, sealed, "r1", &ok).isEmpty());
        QVERIFY(!ok);

        // Even with the key id patched to B's, the GCM tag check refuses it.
        QByteArray forged = sealed;
        forged.replace(2, 8, b.keyId());
        ok = true;
        QVERIFY(b.open(Vault::Purpose::RawPayload, forged, "r1", &ok).isEmpty());
        QVERIFY(!ok);
    }

    void tamperedOrTruncatedFails_data()
    {
        QTest::addColumn<int>("index"); // byte to flip; -1: truncate; -2: bad magic
        QTest::newRow("magic") << -2;
        QTest::newRow("key id") << 5;
        QTest::newRow("nonce") << 12;
        QTest::newRow("ciphertext") << 23;
        QTest::newRow("tag") << 2 + 8 + 12 + 7 + 3;
        QTest::newRow("truncated") << -1;
    }
    void tamperedOrTruncatedFails()
    {
        QFETCH(int, index);
        const Vault vault(keyA());
        QByteArray sealed = vault.seal(Vault::Purpose::RawPayload, "payload", "r1"); // 7 bytes
        if (index == -1)
            sealed = sealed.left(10);
        else if (index == -2)
            sealed[1] = '2';
        else
            sealed[index] = char(sealed[index] ^ 0x04);
        bool ok = true;
        QVERIFY(vault.open(Vault::Purpose::RawPayload, sealed, "r1", &ok).isEmpty());
        QVERIFY(!ok);
    }

    void keyIdAndDerivedKeys()
    {
        const Vault a(keyA());
        QCOMPARE(a.keyId().size(), 8);
        QCOMPARE(Vault(keyA()).keyId(), a.keyId());
        const QByteArray raw = a.derivedKey(Vault::Purpose::RawPayload);
        const QByteArray secret = a.derivedKey(Vault::Purpose::Secret);
        const QByteArray sender = a.derivedKey(Vault::Purpose::SenderHash);
        const QByteArray senderT1 = a.derivedKey(Vault::Purpose::SenderHash, "tenant-1");
        QCOMPARE(raw.size(), 32);
        QCOMPARE(senderT1.size(), 32);
        QCOMPARE(QSet<QByteArray>({raw, secret, sender, senderT1, keyA()}).size(), 5);
        QCOMPARE(a.derivedKey(Vault::Purpose::SenderHash, "tenant-1"), senderT1);
        QVERIFY(a.derivedKey(Vault::Purpose::SenderHash, "tenant-2") != senderT1);
        QVERIFY(Vault(keyB()).derivedKey(Vault::Purpose::RawPayload) != raw);
    }

    void fingerprint()
    {
        const Vault a(keyA());
        const QByteArray fp = a.fingerprint("test-app-secret-0123456789abcdef");
        QCOMPARE(fp.size(), 12);
        QByteArray decoded;
        QVERIFY(crypto::decodeHex(fp, &decoded));
        QCOMPARE(a.fingerprint("test-app-secret-0123456789abcdef"), fp);
        QVERIFY(a.fingerprint("test-app-secret-0123456789abcdeF") != fp);
        // Keyed: another installation shows another fingerprint for the same secret.
        QVERIFY(Vault(keyB()).fingerprint("test-app-secret-0123456789abcdef") != fp);
    }

    void constructorRejectsWrongKeySize()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)Vault(QByteArray(31, 'k')));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)Vault(QByteArray(33, 'k')));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)Vault(QByteArray()));
    }

    void loadCreatesKeyFileWithMode0600()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString keyPath = dir.filePath(u"master.key"_s);
        QVERIFY(!QFile::exists(keyPath));

        bool created = false;
        QString error;
        const auto first = Vault::load(QString(), dir.path(), &created, &error);
        QVERIFY2(first.has_value(), qPrintable(error));
        QVERIFY(created);
        QVERIFY(QFile::exists(keyPath));
        QCOMPARE(fileMode(keyPath), 0600);

        // The file holds base64 of 32 bytes, and is the key the Vault uses.
        QFile f(keyPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray key = QByteArray::fromBase64(f.readAll().trimmed());
        QCOMPARE(key.size(), 32);
        QCOMPARE(Vault(key).keyId(), first->keyId());

        const QByteArray sealed = first->seal(Vault::Purpose::Secret, "s3cret", "secret-1");

        created = true;
        error.clear();
        const auto second = Vault::load(QString(), dir.path(), &created, &error);
        QVERIFY2(second.has_value(), qPrintable(error));
        QVERIFY(!created);
        QCOMPARE(second->keyId(), first->keyId());
        bool ok = false;
        QCOMPARE(second->open(Vault::Purpose::Secret, sealed, "secret-1", &ok),
                 QByteArray("s3cret"));
        QVERIFY(ok);
        QCOMPARE(fileMode(keyPath), 0600);
    }

    void loadRefusesReadableKeyFile_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0660") << 0660;
    }
    void loadRefusesReadableKeyFile()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        bool created = false;
        QString error;
        QVERIFY(Vault::load(QString(), dir.path(), &created, &error).has_value());
        const QString keyPath = dir.filePath(u"master.key"_s);
        QVERIFY(setFileMode(keyPath, mode));

        error.clear();
        const auto again = Vault::load(QString(), dir.path(), &created, &error);
        QVERIFY(!again.has_value());
        QVERIFY(!created);
        QVERIFY2(error.contains(u"chmod"_s), qPrintable(error));
        QVERIFY2(error.contains(keyPath), qPrintable(error));

        // Fixing the mode as the message says makes it load again, with the same key.
        QVERIFY(setFileMode(keyPath, 0600));
        error.clear();
        QVERIFY2(Vault::load(QString(), dir.path(), &created, &error).has_value(),
                 qPrintable(error));
    }

    // The file checked must be the file read: a link is refused even when its target is a
    // proper owner-only key file (stat() of the path used to follow it).
    void loadRefusesSymlinkedKeyFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(u"elsewhere.key"_s);
        QString error;
        QVERIFY2(Vault::writeKeyFile(target, keyA(), &error), qPrintable(error));
        QCOMPARE(fileMode(target), 0600);
        const QString keyPath = Vault::keyFilePath(dir.path());
        QVERIFY(QFile::link(target, keyPath));

        bool created = true;
        QVERIFY(!Vault::load(QString(), dir.path(), &created, &error).has_value());
        QVERIFY(!created);
        QVERIFY2(error.contains(u"is a symbolic link"_s), qPrintable(error));
        QVERIFY2(error.contains(keyPath), qPrintable(error));
        QVERIFY(!error.contains(QString::fromLatin1(keyA().toBase64())));
        error.clear();
        QVERIFY(!Vault::readKeyFile(keyPath, &error).has_value());
        QVERIFY2(error.contains(u"is a symbolic link"_s), qPrintable(error));
        // The target itself reads fine.
        QCOMPARE(Vault::readKeyFile(target, &error).value_or(QByteArray()), keyA());
    }

    void loadRefusesDanglingSymlinkInsteadOfCreatingAKey()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(u"not-yet.key"_s);
        QVERIFY(QFile::link(target, Vault::keyFilePath(dir.path())));
        bool created = true;
        QString error;
        QVERIFY(!Vault::load(QString(), dir.path(), &created, &error).has_value());
        QVERIFY(!created);
        QVERIFY2(error.contains(u"is a symbolic link"_s), qPrintable(error));
        QVERIFY(!QFile::exists(target)); // no key written through the link
    }

    void loadRefusesSymlinkedPendingKeyFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        bool created = false;
        QString error;
        QVERIFY(Vault::load(QString(), dir.path(), &created, &error).has_value());
        const QString target = dir.filePath(u"pending-elsewhere.key"_s);
        QVERIFY(Vault::writeKeyFile(target, keyB(), &error));
        QVERIFY(QFile::link(target, Vault::pendingKeyFilePath(dir.path())));
        QVERIFY(!Vault::load(QString(), dir.path(), &created, &error).has_value());
        QVERIFY2(error.contains(u"is a symbolic link"_s), qPrintable(error));
        QVERIFY2(error.contains(Vault::pendingKeyFilePath(dir.path())), qPrintable(error));
    }

    void loadRefusesKeyFileThatIsNotARegularFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString keyPath = Vault::keyFilePath(dir.path());
        QVERIFY(QDir().mkdir(keyPath));
        QVERIFY(setFileMode(keyPath, 0700));
        bool created = true;
        QString error;
        QVERIFY(!Vault::load(QString(), dir.path(), &created, &error).has_value());
        QVERIFY(!created);
        QVERIFY2(error.contains(u"is not a regular file"_s), qPrintable(error));
    }

    void loadRefusesCorruptKeyFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not base64") << QByteArray("this is not a key!\n");
        QTest::newRow("16 bytes") << QByteArray(16, 'k').toBase64();
        QTest::newRow("33 bytes") << QByteArray(33, 'k').toBase64();
    }
    void loadRefusesCorruptKeyFile()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString keyPath = dir.filePath(u"master.key"_s);
        QFile f(keyPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(content), content.size());
        f.close();
        QVERIFY(setFileMode(keyPath, 0600));
        bool created = true;
        QString error;
        QVERIFY(!Vault::load(QString(), dir.path(), &created, &error).has_value());
        QVERIFY(!created);
        QVERIFY(!error.isEmpty());
        // The corrupt file is left alone for the admin to inspect, not replaced.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
    }

    void loadFromEnvironment()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray key = crypto::randomBytes(32);
        bool created = true;
        QString error;
        // Surrounding whitespace (a newline from a secret file) is tolerated.
        const auto vault = Vault::load(QString::fromLatin1(key.toBase64()) + u"\n"_s, dir.path(),
                                       &created, &error);
        QVERIFY2(vault.has_value(), qPrintable(error));
        QVERIFY(!created);
        QCOMPARE(vault->keyId(), Vault(key).keyId());
        // The environment wins: no key file is written.
        QVERIFY(!QFile::exists(dir.filePath(u"master.key"_s)));
    }

    void loadFromEnvironmentRejectsBadValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("16 bytes") << QString::fromLatin1(QByteArray(16, 'k').toBase64());
        QTest::newRow("31 bytes") << QString::fromLatin1(QByteArray(31, 'k').toBase64());
        QTest::newRow("33 bytes") << QString::fromLatin1(QByteArray(33, 'k').toBase64());
        QTest::newRow("not base64") << u"%%%%not-base64%%%%"_s;
        QTest::newRow("hex of 32 bytes") << QString::fromLatin1(QByteArray(32, 'k').toHex());
    }
    void loadFromEnvironmentRejectsBadValues()
    {
        QFETCH(QString, value);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        bool created = true;
        QString error;
        QVERIFY(!Vault::load(value, dir.path(), &created, &error).has_value());
        QVERIFY(!created);
        QVERIFY2(error.contains(u"GERBANG_MASTER_KEY"_s), qPrintable(error));
        // A bad environment value never falls back to (or creates) a key file.
        QVERIFY(!QFile::exists(dir.filePath(u"master.key"_s)));
    }

    void loadIntoMissingDirectoryFailsCleanly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        bool created = true;
        QString error;
        QVERIFY(!Vault::load(QString(), dir.filePath(u"does/not/exist"_s), &created, &error)
                     .has_value());
        QVERIFY(!created);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
