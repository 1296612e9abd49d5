// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditCheckpointer.h"

#include "audit/AuditChain.h"
#include "audit/AuditCheckpoints.h"
#include "audit/AuditSigningKey.h"
#include "domain/Clock.h"

#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAuditCheckpoint, "gerbang.audit")

namespace gerbang {

AuditCheckpointer::AuditCheckpointer(Database::Options db, QString dataDir, qint64 intervalMs,
                                     QObject *parent)
    : QObject(parent)
    , m_dbOptions(std::move(db))
    , m_dataDir(std::move(dataDir))
{
    m_timer.setInterval(int(std::clamp<qint64>(intervalMs, 1000, 24 * 3600 * 1000)));
}

AuditCheckpointer::~AuditCheckpointer() = default;

bool AuditCheckpointer::open(QString *error)
{
    bool created = false;
    std::optional<AuditSigningKey> key = AuditSigningKey::loadOrCreate(m_dataDir, &created, error);
    if (!key) {
        *error = u"audit signing key: "_s + *error;
        return false;
    }
    if (created)
        qCInfo(lcAuditCheckpoint).noquote()
            << "created the audit signing key" << AuditSigningKey::filePath(m_dataDir)
            << "(public key" << AuditSigningKey::publicKeyText(key->publicKey())
            << "); back it up with the master key";
    m_key = std::make_unique<AuditSigningKey>(std::move(*key));
    m_db = Database::open(m_dbOptions, error);
    if (!m_db)
        return false;
    connect(&m_timer, &QTimer::timeout, this, &AuditCheckpointer::tick);
    m_timer.start();
    tick(); // before the gateway serves: its first checkpoint is what it found

    return true;
}

void AuditCheckpointer::shutdown()
{
    m_timer.stop();
    m_db.reset();
}

void AuditCheckpointer::tick()
{
    if (!m_db)
        return;
    AuditCheckpoints checkpoints(*m_db);
    QString error;
    // The rows written before the chain existed are signed once, by the first gateway that
    // starts after the migration: from then on they are evidence.
    QStringList chains = checkpoints.unsignedChains(&error);
    if (!error.isEmpty()) {
        qCWarning(lcAuditCheckpoint).noquote()
            << "audit checkpoint: cannot read the chains:" << error;
        return;
    }
    for (const QString &chain : std::as_const(chains)) {
        if (chain != m_db->auditChain() && chain != auditchain::kLegacyChain)
            continue; // another gateway's chain: its own key signs it
        const QString reason = chain == m_db->auditChain() ? u"interval"_s : u"legacy"_s;
        bool fresh = false;
        const auto c = checkpoints.sign(chain, *m_key, reason, nowMs(), &fresh, &error);
        if (!c) {
            qCWarning(lcAuditCheckpoint).noquote()
                << "audit checkpoint of chain" << chain << "failed:" << error;
            continue;
        }
        if (fresh)
            Q_EMIT signedCheckpoint(c->toJson());
    }
}

bool AuditCheckpointer::signOnce(Database &db, const QString &dataDir, const QString &reason,
                                 QString *error)
{
    bool created = false;
    const std::optional<AuditSigningKey> key =
        AuditSigningKey::loadOrCreate(dataDir, &created, error);
    if (!key)
        return false;
    AuditCheckpoints checkpoints(db);
    QString readError;
    if (!checkpoints.unsignedChains(&readError).contains(db.auditChain()))
        return readError.isEmpty() || (*error = readError, false);
    bool fresh = false;
    return checkpoints.sign(db.auditChain(), *key, reason, nowMs(), &fresh, error).has_value();
}

} // namespace gerbang
