// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Crypto.h"

#include <QTest>

using namespace gerbang;

class TestCrypto : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishedHmacVector()
    {
        // GitHub's "Validating webhook deliveries" vector (same scheme as Meta's).
        QCOMPARE(crypto::hmacSha256("It's a Secret to Everybody", "Hello, World!").toHex(),
                 QByteArray("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
