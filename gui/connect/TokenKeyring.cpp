// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenKeyring.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace gerbang::tokenkeyring {
namespace {

const QString kService = u"Gerbang"_s;

QString keyOf(const QString &profile)
{
    return u"admin-token:"_s + profile;
}

template <typename Job> Job *makeJob(const QString &profile)
{
    auto *job = new Job(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyOf(profile));
    return job;
}

} // namespace

void read(const QString &profile, QObject *receiver,
          std::function<void(QByteArray token, QString error)> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(profile);
    QObject::connect(job, &QKeychain::Job::finished, receiver,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         auto *r = static_cast<QKeychain::ReadPasswordJob *>(finished);
                         if (r->error() == QKeychain::EntryNotFound)
                             return done({}, {});
                         if (r->error() != QKeychain::NoError)
                             return done({}, r->errorString());
                         done(r->binaryData(), {});
                     });
    job->start();
}

void write(const QString &profile, const QByteArray &token, QObject *receiver,
           std::function<void(QString error)> done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(profile);
    job->setBinaryData(token);
    QObject::connect(job, &QKeychain::Job::finished, receiver,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         done(finished->error() == QKeychain::NoError ? QString()
                                                                      : finished->errorString());
                     });
    job->start();
}

void forget(const QString &profile, QObject *receiver, std::function<void(QString error)> done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(profile);
    QObject::connect(job, &QKeychain::Job::finished, receiver,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         const bool gone = finished->error() == QKeychain::NoError ||
                                           finished->error() == QKeychain::EntryNotFound;
                         done(gone ? QString() : finished->errorString());
                     });
    job->start();
}

} // namespace gerbang::tokenkeyring
