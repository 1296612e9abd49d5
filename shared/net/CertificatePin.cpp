// SPDX-License-Identifier: GPL-3.0-or-later
#include "CertificatePin.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace gerbang::certificatepin {

QString normalized(const QString &text)
{
    QString hex = text.trimmed();
    if (hex.startsWith(u"SHA256:"_s, Qt::CaseInsensitive))
        hex = hex.mid(7);
    hex.remove(u':');
    return hex.toLower();
}

QString displayed(const QString &hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return u"SHA256:"_s + pairs.join(u':');
}

void guard(QNetworkReply *reply, const QString &pin,
           std::function<void(Verdict verdict, const QString &presented)> verdict)
{
    // Both signals may come (sslErrors for a self-signed certificate, then encrypted once the
    // errors were ignored): the verdict is given once.
    auto decided = std::make_shared<bool>(false);
    const auto check = [reply, pin, verdict, decided] {
        if (*decided)
            return true;
        *decided = true;
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        const QString presented =
            QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex());
        const Verdict v = pin.isEmpty()      ? Verdict::Unknown
                          : presented == pin ? Verdict::Trusted
                                             : Verdict::Mismatch;
        verdict(v, presented);
        if (v != Verdict::Trusted) {
            reply->abort();
            return false;
        }
        return true;
    };
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [reply, check](const QList<QSslError> &) {
                         // A self-signed certificate is expected; only the pin may vouch for it.
                         if (check())
                             reply->ignoreSslErrors();
                     });
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [check] { check(); });
}

} // namespace gerbang::certificatepin
