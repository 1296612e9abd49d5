// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace gerbang {

// The admin listener's own certificate when the admin configured none: an ECDSA P-256 key and
// a self-signed certificate (SHA-256, 825 days, serverAuth, the given DNS names and addresses
// as subject alternative names), written as PEM files with mode 0600. Clients trust it by its
// fingerprint (trust on first use, as SSH does), not by a CA.
struct SelfSignedCertificate
{
    QString certificatePath;
    QString privateKeyPath;

    // Creates both files, or keeps them when they exist already. False with `error`.
    static bool ensure(const QString &certificatePath, const QString &privateKeyPath,
                       const QString &commonName, const QStringList &subjectAltNames, bool *created,
                       QString *error);
};

// The SHA-256 of a PEM certificate's DER form, as upper-case hex pairs joined by ':' (the form
// `openssl x509 -fingerprint -sha256` prints), or empty with `error`.
QString certificateFingerprint(const QString &certificatePath, QString *error);

} // namespace gerbang
