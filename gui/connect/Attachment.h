// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConnectionProfiles.h"
#include "backend/RemoteBackend.h"

#include <QObject>
#include <QPointer>
#include <optional>

class QWidget;

namespace gerbang {

// One attachment of the console to a running gateway: the profile it came from, the
// RemoteBackend, and trust on first use. The first time a gateway shows its certificate the
// admin is asked to compare the fingerprint and trust it; it is then pinned in the profile.
// A certificate that differs from the pinned one is refused with both fingerprints, and not
// offered for trust: an admin who replaced the certificate forgets the old pin on purpose
// (File → Connect…), as with an SSH host key.
class Attachment : public QObject
{
    Q_OBJECT
public:
    // `connect`: an address ("https://gw:8443", "gw:8443") or a saved profile's name. A
    // `trustFingerprint` that contradicts the profile's pin refuses (null, `error` says why).
    static std::optional<ConnectionProfile>
    resolve(const QString &connect, const QString &trustFingerprint, QString *error);

    // `askParent` null: never asks (an unattended start); an unknown certificate is refused.
    // `remember`: once attached, the profile (with its pin) is saved and reopens next time.
    Attachment(ConnectionProfile profile, QByteArray token, bool remember = true,
               QWidget *askParent = nullptr, QObject *parent = nullptr);

    RemoteBackend &backend() { return *m_backend; }
    const ConnectionProfile &profile() const { return m_profile; }
    void setAskParent(QWidget *parent) { m_askParent = parent; }

private:
    void trustRequested(const QString &presented, const QString &previous);
    void linkChanged(Backend::Link link);

    ConnectionProfile m_profile;
    RemoteBackend *m_backend;
    QPointer<QWidget> m_askParent;
    bool m_asking = false;
    bool m_remember;
};

} // namespace gerbang
