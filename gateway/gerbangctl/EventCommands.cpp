// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl events list|show|payload|replay. Events hold ids and references only; payload
// content is read by "payload" alone, and every such read is audited.
#include "Cli.h"
#include "Output.h"
#include "crypto/SecretFile.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"
#include "storage/EventReplay.h"
#include "storage/EventRepository.h"
#include "storage/RecordJson.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

const QStringList kProviders = wireNames<Provider>();

int list(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.addOption(u"tenant"_s, u"Only this tenant's events."_s, u"ID"_s);
    inv.addOption(u"provider"_s, u"Only this provider's events (%1)."_s.arg(kProviders.join(u'|')),
                  u"P"_s);
    inv.addOption(u"limit"_s, u"At most N events (default 100, 0: all)."_s, u"N"_s);
    if (auto rc = inv.parse(0, 0))
        return *rc;
    EventFilter filter;
    int rc = ExitOk;
    if (!inv.limit(&filter.limit, &rc))
        return rc;
    filter.tenant = inv.value(u"tenant"_s);
    filter.provider = inv.value(u"provider"_s);
    if (!filter.provider.isEmpty() && !kProviders.contains(filter.provider))
        return inv.usageError(
            u"unknown provider '%1' (one of %2)"_s.arg(filter.provider, kProviders.join(u", "_s)));
    if (!inv.open(false))
        return ExitFailed;
    QString error;
    const QList<WebhookEvent> events = EventRepository(inv.database()).list(filter, &error);
    if (!error.isEmpty())
        return inv.fail(error);
    if (inv.isSet(u"json"_s)) {
        QJsonArray array;
        for (const WebhookEvent &e : events)
            array << eventJson(e);
        printJson(array);
        return ExitOk;
    }
    Table table({u"RECEIVED"_s, u"ID"_s, u"TENANT"_s, u"PROVIDER"_s, u"TYPE"_s, u"STATE"_s,
                 u"PROVIDER EVENT ID"_s});
    for (const WebhookEvent &e : events)
        table.addRow({isoUtc(e.receivedAtMs), e.id, e.tenant, e.provider, e.type, e.deliveryState,
                      e.providerEventId});
    table.print(u"no events"_s);
    return ExitOk;
}

int show(Invocation &inv)
{
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(1, 1))
        return *rc;
    const QString id = inv.positional().first();
    if (inv.remote()) {
        const std::optional<QJsonObject> event =
            inv.get(u"/admin/v1/events/%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(id))));
        if (!event)
            return ExitFailed;
        printJson(*event);
        return ExitOk;
    }
    QString error;
    const QJsonObject event = eventDetailJson(inv.database(), id, &error);
    if (event.isEmpty())
        return inv.fail(error.isEmpty() ? u"no event '%1'"_s.arg(id) : error);
    printJson(event);
    return ExitOk;
}

// The decrypted raw payload: the whole request body the event came in, byte for byte.
int payload(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"output"_s,
                  u"Write the payload to FILE (created with mode 0600) instead of "
                  "standard output."_s,
                  u"FILE"_s);
    if (auto rc = inv.parseAndOpen(1, 1, true))
        return *rc;
    const QString id = inv.positional().first();
    const ChangeResult r = inv.change(
        "GET",
        u"/admin/v1/events/%1/payload"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(id))),
        nullptr, [&](AdminService &s) { return s.readEventPayload(id); });
    if (!r.ok())
        return inv.fail(r.message);
    QByteArray bytes =
        QByteArray::fromBase64(r.result.value(u"payload_base64"_s).toString().toLatin1());
    const QString path = inv.value(u"output"_s);
    QString error;
    bool written = true;
    if (path.isEmpty())
        printBytes(bytes);
    else
        written = writePrivateFile(path, bytes, &error);
    bytes.fill('\0');
    return written ? ExitOk : inv.fail(error);
}

int replay(Invocation &inv)
{
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(1, 1000))
        return *rc;
    const QStringList ids = inv.positional();
    const QJsonObject body{{u"ids"_s, toJsonArray(ids)}};
    const ChangeResult r = inv.change("POST", u"/admin/v1/events/replay"_s, &body,
                                      [&](AdminService &s) { return s.replayEvents(ids); });
    if (!r.ok() || !r.message.isEmpty())
        return inv.fail(r.message);
    const int queued = r.result.value(u"queued"_s).toInt();
    printOut(u"%1 event(s) queued for delivery\n"_s.arg(queued));
    return ExitOk;
}

} // namespace

Group eventsGroup()
{
    return {u"events"_s,
            u"Stored provider events (ids and references, never message content)."_s,
            {
                {u"list"_s, u"[--json] [--tenant ID] [--provider P] [--limit N]"_s,
                 u"List events, newest first (100 unless --limit)."_s, list},
                {u"show"_s, u"ID"_s,
                 u"Show one event as a JSON object, with raw_retained telling whether its raw "
                 "payload is still stored."_s,
                 show},
                {u"payload"_s, u"ID [--output FILE]"_s,
                 u"Print one event's decrypted raw payload (the request body it came in) while "
                 "it is retained. Audited: the audit log records who read it."_s,
                 payload},
                {u"replay"_s, u"ID…"_s,
                 u"Deliver stored events to the core again, from their raw payloads while these "
                 "are retained (audited)."_s,
                 replay},
            }};
}

} // namespace gerbang::ctl
