// SPDX-License-Identifier: GPL-3.0-or-later
#include "Attachment.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace gerbang {

std::optional<ConnectionProfile>
Attachment::resolve(const QString &connect, const QString &trustFingerprint, QString *error)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Attachment", text);
    };
    std::optional<ConnectionProfile> profile = ConnectionProfiles::named(connect);
    if (!profile) {
        const QUrl url = ConnectionProfiles::parseAddress(connect);
        if (url.isEmpty()) {
            *error = tr("'%1' is neither a saved connection nor a gateway address.").arg(connect);
            return std::nullopt;
        }
        profile = ConnectionProfiles::forUrl(url);
        if (!profile)
            profile = ConnectionProfile{ConnectionProfiles::nameFor(url), url, {}};
    }
    const QString given = certificatepin::normalized(trustFingerprint);
    if (!given.isEmpty()) {
        if (!profile->pin.isEmpty() && profile->pin != given) {
            *error = tr("The fingerprint given (%1) is not the one pinned for %2 (%3). If the "
                        "gateway's certificate really changed, forget the old one first "
                        "(File → Connect…).")
                         .arg(certificatepin::displayed(given), profile->name,
                              certificatepin::displayed(profile->pin));
            return std::nullopt;
        }
        profile->pin = given;
    }
    return profile;
}

Attachment::Attachment(ConnectionProfile profile, QByteArray token, bool remember,
                       QWidget *askParent, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_backend(new RemoteBackend({m_profile.url, std::move(token), m_profile.pin}, this))
    , m_askParent(askParent)
    , m_remember(remember)
{
    connect(m_backend, &RemoteBackend::trustRequested, this, &Attachment::trustRequested);
    connect(m_backend, &Backend::linkChanged, this, &Attachment::linkChanged);
}

void Attachment::linkChanged(Backend::Link link)
{
    if (link != Backend::Link::Up || !m_remember)
        return;
    // Attached: remember the profile, with the pin that was just verified, for the next start.
    m_profile.pin = m_backend->pinnedFingerprint();
    ConnectionProfiles::save(m_profile);
    ConnectionProfiles::setLast(m_profile.name);
}

void Attachment::trustRequested(const QString &presented, const QString &previous)
{
    // A changed certificate is never offered for trust; the banner shows the refusal.
    if (!previous.isEmpty() || !m_askParent || m_asking)
        return;
    m_asking = true;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Trust this gateway?"),
        tr("This is the first connection to %1. Its certificate's fingerprint is:\n\n%2\n\n"
           "Compare it with what 'gerbangctl admin fingerprint' prints on the gateway. Trust "
           "it only if both are the same; the console then remembers it and refuses any other "
           "certificate for this connection.")
            .arg(m_backend->where(), certificatepin::displayed(presented)),
        QMessageBox::NoButton, m_askParent);
    box->setObjectName(u"trustDialog"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *trust = box->addButton(tr("&Trust"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, trust, presented] {
        m_asking = false;
        if (box->clickedButton() == trust)
            m_backend->trust(presented);
    });
    box->open();
}

} // namespace gerbang
