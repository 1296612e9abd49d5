// SPDX-License-Identifier: GPL-3.0-or-later
#include "Forwarder.h"

#include "DeliveryEnvelope.h"
#include "Stats.h"
#include "crypto/Vault.h"
#include "domain/Clock.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"
#include "normalize/Normalizer.h"
#include "storage/EventRepository.h"
#include "storage/SecretRepository.h"
#include "store/StoreWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDelivery, "gerbang.delivery")

namespace gerbang {
namespace {

constexpr int kPayloadCache = 16;
constexpr qint64 kLeaseSlackMs = 15'000;

qint64 retryAfterMs(const QNetworkReply *reply)
{
    bool ok = false;
    const qint64 secs = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
    return ok && secs > 0 ? std::min<qint64>(secs, 86'400) * 1000 : 0;
}

} // namespace

Forwarder::Forwarder(DeliveryConfig config, Database::Options db, const Vault &vault,
                     std::shared_ptr<Stats> stats, StoreWriter *writer, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_dbOptions(std::move(db))
    , m_vault(vault)
    , m_stats(std::move(stats))
    , m_writer(writer)
    , m_workerId(newRecordId(u"fw_"))
{
}

Forwarder::~Forwarder() = default;

bool Forwarder::open(QString *error)
{
    m_db = Database::open(m_dbOptions, error);
    if (!m_db)
        return false;
    m_outbox = std::make_unique<OutboxRepository>(*m_db);
    if (!m_db->isPostgres()) {
        // SQLite has one engine per data directory (DataDirLock): leases still held belong to
        // a previous process that died, and can be taken back at once. (On PostgreSQL they may
        // be another running gateway's: they come free when they expire.)
        QString ignored;
        if (!write([](OutboxRepository &o, QString *e) { return o.release(u""_s, e); }, &ignored))
            qCWarning(lcDelivery) << "cannot take back stale delivery leases:" << ignored;
    }
    m_network = new QNetworkAccessManager(this);
    m_network->setAutoDeleteReplies(false);

    m_poll.setInterval(m_config.pollMs);
    connect(&m_poll, &QTimer::timeout, this, &Forwarder::tick);
    m_wakeSoon.setSingleShot(true);
    m_wakeSoon.setInterval(20);
    connect(&m_wakeSoon, &QTimer::timeout, this, &Forwarder::tick);
    m_flushSoon.setSingleShot(true);
    m_flushSoon.setInterval(50);
    connect(&m_flushSoon, &QTimer::timeout, this, &Forwarder::flush);
    m_counts.start();
    if (m_config.sinkUrl.isEmpty()) {
        qCInfo(lcDelivery) << "no sink configured (sink/url): accepted events stay queued";
        return true;
    }
    m_poll.start();
    QTimer::singleShot(0, this, &Forwarder::tick);
    return true;
}

void Forwarder::wake()
{
    if (!m_config.sinkUrl.isEmpty() && !m_stopping && !m_wakeSoon.isActive())
        m_wakeSoon.start();
}

void Forwarder::tick()
{
    if (m_stopping || !m_outbox)
        return;
    const int room = m_config.concurrency - m_inFlight;
    if (room <= 0)
        return;
    // Lease only what starts now, so that a lease covers one request and a crashed worker's
    // rows come free soon (timeout + slack).
    const QString token = m_workerId + u'.' + QString::number(++m_claimSeq);
    QString error;
    const qint64 lease = qint64(m_config.timeoutMs) + kLeaseSlackMs;
    QList<OutboxItem> items;
    write(
        [&](OutboxRepository &o, QString *e) {
            items = o.claim(token, nowMs(), lease, room, e);
            return e->isEmpty();
        },
        &error);
    if (!error.isEmpty())
        qCWarning(lcDelivery) << "cannot read the outbox:" << error;
    for (const OutboxItem &item : items)
        dispatch({item, token});
    // A full claim means more is due: come back as soon as slots free up.
    m_moreDue = items.size() == room;
}

QByteArray Forwarder::payload(const QString &rawRef, bool *retained, QString *error)
{
    *retained = true;
    if (const auto it = m_payloads.constFind(rawRef); it != m_payloads.cend())
        return *it;
    const QByteArray sealed = EventRepository(*m_db).sealedRaw(rawRef, error);
    if (sealed.isNull()) {
        *retained = error->isEmpty() ? false : true;
        return {};
    }
    bool ok = false;
    QByteArray plain = m_vault.open(Vault::Purpose::RawPayload, sealed, rawRef.toLatin1(), &ok);
    if (!ok) {
        *error = u"cannot decrypt the raw payload (is this gateway's master key the one that "
                 "sealed it?)"_s;
        return {};
    }
    m_payloads.insert(rawRef, plain);
    m_payloadOrder << rawRef;
    if (m_payloadOrder.size() > kPayloadCache)
        m_payloads.remove(m_payloadOrder.takeFirst());
    return plain;
}

QByteArray Forwarder::senderKey(const QString &tenant, QString *error)
{
    if (const auto it = m_senderKeys.constFind(tenant); it != m_senderKeys.cend())
        return *it;
    // A random key per tenant, not derived from the master key: rotating the master key must
    // not change every sender's pseudonym.
    const QByteArray key =
        SecretRepository(*m_db, m_vault).ensureGenerated(u"sender-hash:"_s + tenant, 32, error);
    if (!key.isEmpty())
        m_senderKeys.insert(tenant, key);
    return key;
}

Forwarder::Content Forwarder::content(const QString &eventId)
{
    Content c;
    if (!m_db)
        return c;
    QString error;
    const std::optional<WebhookEvent> event = EventRepository(*m_db).find(eventId, &error);
    if (!event)
        return c;
    c.tenant = event->tenant;
    bool retained = true;
    const QByteArray raw = payload(event->rawRef, &retained, &error);
    const QByteArray key =
        retained && !raw.isNull() ? senderKey(event->tenant, &error) : QByteArray();
    if (!retained || raw.isNull() || key.isEmpty()) {
        c.status = 410;
        if (retained)
            qCWarning(lcDelivery) << "cannot serve event content:" << error;
        return c;
    }
    const NormalizeResult n = normalizeEvent(*event, raw, key);
    if (!n.ok) {
        c.status = 410;
        return c;
    }
    c.status = 200;
    c.body = QJsonDocument(QJsonObject{{u"event"_s, n.normalized}, {u"content"_s, n.original}})
                 .toJson(QJsonDocument::Compact);
    return c;
}

void Forwarder::dispatch(Claimed claimed)
{
    const WebhookEvent &event = claimed.item.event;
    QString error;
    bool retained = true;
    const QByteArray raw = payload(event.rawRef, &retained, &error);
    if (!retained) {
        record(claimed, 0, 0, u"the raw payload is no longer retained"_s, true);
        return;
    }
    if (raw.isNull()) {
        record(claimed, 0, 0, error);
        return;
    }
    const QByteArray key = senderKey(event.tenant, &error);
    if (key.isEmpty()) {
        record(claimed, 0, 0, u"no sender-hash key: "_s + error);
        return;
    }
    const NormalizeResult normalized = normalizeEvent(event, raw, key);
    if (!normalized.ok) {
        record(claimed, 0, 0, u"cannot normalize: "_s + normalized.error, true);
        return;
    }
    const DeliveryEnvelope envelope = DeliveryEnvelope::build(
        event, normalized.normalized,
        m_config.withContent ? normalized.original : QJsonValue(QJsonValue::Undefined),
        m_config.sinkSecret, nowMs());
    QNetworkRequest request(m_config.sinkUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"Gerbang"_s);
    request.setTransferTimeout(m_config.timeoutMs);
    request.setRawHeader("webhook-id", envelope.id);
    request.setRawHeader("webhook-timestamp", envelope.timestamp);
    if (!envelope.signature.isNull())
        request.setRawHeader("webhook-signature", envelope.signature);
    ++m_inFlight;
    QNetworkReply *reply = m_network->post(request, envelope.body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, claimed = std::move(claimed)] { finished(reply, claimed); });
}

void Forwarder::finished(QNetworkReply *reply, const Claimed &claimed)
{
    reply->deleteLater();
    --m_inFlight;
    if (m_stopping)
        return; // shutdown() gives the lease back: not an attempt
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    if (status == 0)
        // Qt's message names the URL: never let a password in it reach the log or the DLQ.
        error = reply->errorString().replace(m_config.sinkUrl.toString(),
                                             m_config.sinkUrl.toString(QUrl::RemoveUserInfo));
    else if (status / 100 != 2)
        error = u"HTTP %1 from the sink"_s.arg(status);
    record(claimed, status, retryAfterMs(reply), error);
    // Refill in waves of at least half the slots: one claim transaction per wave.
    if (m_moreDue && m_inFlight <= m_config.concurrency / 2)
        tick();
}

void Forwarder::record(const Claimed &claimed, int httpStatus, qint64 retryAfter,
                       const QString &error, bool forceDead)
{
    const OutboxItem &item = claimed.item;
    OutboxOutcome out;
    out.eventId = item.event.id;
    out.attempts = item.attempts + 1;
    out.lastStatus = httpStatus;
    out.lastError = error;
    const qint64 now = nowMs();
    RetryPolicy::Decision d =
        m_config.retry.decide(httpStatus, out.attempts, item.createdAtMs, now, retryAfter,
                              QRandomGenerator::global()->generateDouble());
    if (forceDead && d.verdict != RetryPolicy::Verdict::Delivered) {
        d.verdict = RetryPolicy::Verdict::Dead;
        d.reason = error;
    }
    switch (d.verdict) {
    case RetryPolicy::Verdict::Delivered:
        out.state = wire(DeliveryState::Delivered);
        out.nextAttemptAtMs = now;
        m_stats->addDeliveries(1, 0);
        break;
    case RetryPolicy::Verdict::Retry:
        out.state = wire(DeliveryState::Pending);
        out.nextAttemptAtMs = d.nextAttemptAtMs;
        m_stats->addDeliveries(0, 1);
        break;
    case RetryPolicy::Verdict::Dead:
        out.state = wire(DeliveryState::Dead);
        out.nextAttemptAtMs = now;
        if (d.reason != error)
            out.lastError = error.isEmpty() ? d.reason : d.reason + u": "_s + error;
        m_stats->addDeliveries(0, 1);
        qCWarning(lcDelivery).noquote() << u"event %1 (%2 %3) is a dead letter: %4"_s.arg(
            item.event.id, item.event.provider, item.event.type, out.lastError);
        break;
    }
    m_outcomes[claimed.claimToken] << out;
    if (!m_flushSoon.isActive())
        m_flushSoon.start();
}

void Forwarder::flush()
{
    for (auto it = m_outcomes.begin(); it != m_outcomes.end();) {
        QString error;
        const auto finish = [&](OutboxRepository &o, QString *e) {
            return o.finish(it.key(), it.value(), nowMs(), e);
        };
        if (!write(finish, &error)) {
            // Kept in memory and written with the next flush; should the process die first,
            // the lease expires and the rows are delivered again (at least once).
            qCWarning(lcDelivery) << "cannot record delivery outcomes:" << error;
            if (!m_flushSoon.isActive())
                m_flushSoon.start(500);
            return;
        }
        it = m_outcomes.erase(it);
    }
}

bool Forwarder::write(const std::function<bool(OutboxRepository &, QString *)> &body,
                      QString *error)
{
    return writeTransaction(
        [&body](Database &db, QString *e) {
            OutboxRepository outbox(db);
            return body(outbox, e);
        },
        error);
}

bool Forwarder::writeTransaction(const std::function<bool(Database &, QString *)> &work,
                                 QString *error)
{
    if (m_writer)
        return m_writer->runInTransaction(work, error);
    return m_db->inWriteTransaction(error, [&] { return work(*m_db, error); });
}

void Forwarder::refreshCounts()
{
    QString error;
    if (const auto counts = m_outbox->counts(&error))
        m_stats->setOutbox(counts->pending, counts->dead);
    else if (!m_db->recoverConnection(&error)) // PostgreSQL: the server may have closed it
        qCWarning(lcDelivery) << error;
}

void Forwarder::shutdown()
{
    m_stopping = true;
    m_poll.stop();
    m_wakeSoon.stop();
    m_counts.stop();
    if (m_network) {
        const auto replies = m_network->findChildren<QNetworkReply *>();
        for (QNetworkReply *reply : replies)
            reply->abort();
    }
    m_flushSoon.stop();
    flush();
    if (m_outbox) {
        QString error;
        const auto release = [this](OutboxRepository &o, QString *e) {
            return o.release(m_workerId + u'.', e);
        };
        if (!write(release, &error))
            qCWarning(lcDelivery) << "cannot give back delivery leases:" << error;
    }
    m_outbox.reset();
    m_db.reset();
}

} // namespace gerbang
