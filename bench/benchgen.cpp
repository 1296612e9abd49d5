// SPDX-License-Identifier: GPL-3.0-or-later
// gerbang-benchgen: writes N distinct, correctly signed WhatsApp Cloud API text webhooks, one
// per line as "<hex HMAC-SHA256>\t<compact JSON body>\n", for bench/whatsapp.lua. Every body
// carries its own wamid, so a durable gateway must store exactly one event per line.
#include "crypto/Crypto.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kIndexDigits = 12;

// Shaped like tests/data/wa_text.json, compact and on one line, padded in the text body to
// `targetSize` bytes.
QByteArray makeBody(const QByteArray &waba, qint64 index, int targetSize)
{
    // Shaped like Meta's: "HBgN" + base64 of the sender's number + "FQIAEhgU" + a random
    // message id. Senders and ids come from a hash of the index, so consecutive payloads land
    // all over the dedup index as real traffic from many clients does (ids that only counted
    // up made every insert an append, kinder than production). The wamid still ends in the
    // zero-padded index, so bench/run.sh can tell from the database which payload each stored
    // event came from.
    const QByteArray n = QByteArray::number(index).rightJustified(kIndexDigits, '0');
    const QByteArray hash =
        gerbang::crypto::sha256(QByteArray("bench-wamid-" + n)).toHex().toUpper();
    const QByteArray from =
        "62813" + QByteArray::number(10000000 + hash.left(8).toLongLong(nullptr, 16) % 90000000);
    const QByteArray wamid = "wamid.HBgN" + from.toBase64(QByteArray::OmitTrailingEquals) +
                             "FQIAEhgU" + hash.mid(8, 20) + n;
    const QByteArray ts = QByteArray::number(1767225600 + index);
    const QByteArray head =
        R"({"object":"whatsapp_business_account","entry":[{"id":")" + waba +
        R"(","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281200000001","phone_number_id":"200000000000001"},"contacts":[{"profile":{"name":"Budi Santoso"},"wa_id":")" +
        from + R"("}],"messages":[{"from":")" + from + R"(","id":")" + wamid +
        R"(","timestamp":")" + ts + R"(","type":"text","text":{"body":")";
    const QByteArray tail = R"("}}]},"field":"messages"}]}]})";
    QByteArray text = "Selamat pagi, saya ingin konsultasi mengenai kontrak kerja nomor " + n +
                      ". Mohon dibantu. ";
    static const QByteArray filler =
        "Kami mohon penjelasan mengenai pasal-pasal perjanjian, jangka waktu, dan hak para pihak. ";
    while (head.size() + text.size() + tail.size() < targetSize)
        text += filler;
    text.truncate(qMax<qsizetype>(16, targetSize - head.size() - tail.size()));
    return head + text + tail;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"gerbang-benchgen"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Writes N distinct signed WhatsApp text webhooks as '<hex sig>\\t<body>' lines."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"count"_s, u"Number of payloads (default 100000)."_s, u"n"_s, u"100000"_s},
        {u"first"_s, u"Index of the first payload (default 0); wamids end in the index."_s, u"n"_s,
         u"0"_s},
        {u"secret"_s, u"Meta app secret to sign with (default $GERBANG_WHATSAPP_APP_SECRET)."_s,
         u"secret"_s},
        {u"waba"_s, u"WABA ID in entry[].id (default 100000000000001)."_s, u"id"_s,
         u"100000000000001"_s},
        {u"size"_s, u"Body size in bytes (default 1500)."_s, u"bytes"_s, u"1500"_s},
        {u"out"_s, u"Output file (required)."_s, u"file"_s},
    });
    parser.process(app);

    bool ok = false;
    const qint64 count = parser.value(u"count"_s).toLongLong(&ok);
    bool firstOk = false;
    const qint64 first = parser.value(u"first"_s).toLongLong(&firstOk);
    bool sizeOk = false;
    const int size = parser.value(u"size"_s).toInt(&sizeOk);
    QByteArray secret = parser.value(u"secret"_s).toUtf8();
    if (secret.isEmpty())
        secret = qgetenv("GERBANG_WHATSAPP_APP_SECRET");
    if (!ok || count < 1 || !firstOk || first < 0 || first + count > 999'999'999'999 || !sizeOk ||
        size < 600 || size > 1 << 20 || secret.isEmpty() || !parser.isSet(u"out"_s)) {
        std::fprintf(stderr,
                     "usage: gerbang-benchgen --out FILE [--count N] [--first N] [--size BYTES] "
                     "[--waba ID] [--secret S | $GERBANG_WHATSAPP_APP_SECRET]\n");
        return 2;
    }
    QFile out(parser.value(u"out"_s));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "gerbang-benchgen: cannot write %s: %s\n", qPrintable(out.fileName()),
                     qPrintable(out.errorString()));
        return 1;
    }
    const QByteArray waba = parser.value(u"waba"_s).toLatin1();
    qint64 bytes = 0;
    for (qint64 i = first; i < first + count; ++i) {
        const QByteArray body = makeBody(waba, i, size);
        const QByteArray line =
            gerbang::crypto::hmacSha256(secret, body).toHex() + '\t' + body + '\n';
        if (out.write(line) != line.size()) {
            std::fprintf(stderr, "gerbang-benchgen: write failed: %s\n",
                         qPrintable(out.errorString()));
            return 1;
        }
        bytes += body.size();
    }
    out.close();
    std::printf("wrote %lld payloads (%lld bytes of body, %lld on average) to %s\n",
                static_cast<long long>(count), static_cast<long long>(bytes),
                static_cast<long long>(bytes / count), qPrintable(out.fileName()));
    return 0;
}
