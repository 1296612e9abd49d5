// SPDX-License-Identifier: GPL-3.0-or-later
// The admin API's audit query string, written by an attached console and read by the gateway:
// every filter survives the trip, and the export's format is one of the two it knows.
#include "admin/AdminQueries.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

class TestAdminQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void auditQueryReadsBackAsTheSameFilter()
    {
        AuditFilter f;
        f.fromMs = 1'800'000'000'123;
        f.toMs = 1'800'086'399'999;
        f.tenant = u"firm a&b"_s; // characters a query must escape
        f.provider = u"whatsapp"_s;
        f.outcome = u"rejected"_s;
        f.signatureStatus = u"mismatch"_s;
        f.sourceIp = u"2001:db8::7"_s;
        f.eventIdContains = u"ev_+/="_s;
        f.limit = 500;
        f.after = std::pair<qint64, qint64>{1'800'000'500'000, 4242};
        const auto back = adminquery::auditFilter(adminquery::auditQuery(f));
        QVERIFY(std::holds_alternative<AuditFilter>(back));
        const AuditFilter &r = std::get<AuditFilter>(back);
        QCOMPARE(r.fromMs, f.fromMs);
        QCOMPARE(r.toMs, f.toMs);
        QCOMPARE(r.tenant, f.tenant);
        QCOMPARE(r.provider, f.provider);
        QCOMPARE(r.outcome, f.outcome);
        QCOMPARE(r.signatureStatus, f.signatureStatus);
        QCOMPARE(r.sourceIp, f.sourceIp);
        QCOMPARE(r.eventIdContains, f.eventIdContains);
        QCOMPARE(r.limit, 500);
        QCOMPARE(r.after, f.after);

        // An empty filter is an empty query; the export's has no page parameters.
        QCOMPARE(adminquery::auditQuery(AuditFilter{}, false), QByteArray());
        QVERIFY(!adminquery::auditQuery(f, false).contains("after"));
        QVERIFY(!adminquery::auditQuery(f, false).contains("limit"));
    }

    void eventQueryReadsBackAsTheSameFilter()
    {
        EventFilter f;
        f.tenant = u"firm-a"_s;
        f.provider = u"stripe"_s;
        f.type = u"payment_intent.succeeded"_s;
        f.deliveryState = u"dead"_s;
        f.fromMs = 1'800'000'000'000;
        f.toMs = 1'800'000'999'999;
        f.limit = 250;
        const auto back = adminquery::eventFilter(adminquery::eventQuery(f));
        QVERIFY(std::holds_alternative<EventFilter>(back));
        const EventFilter &r = std::get<EventFilter>(back);
        QCOMPARE(r.tenant, f.tenant);
        QCOMPARE(r.provider, f.provider);
        QCOMPARE(r.type, f.type);
        QCOMPARE(r.deliveryState, f.deliveryState);
        QCOMPARE(r.fromMs, f.fromMs);
        QCOMPARE(r.toMs, f.toMs);
        QCOMPARE(r.limit, 250);
        // A state outside the vocabulary is refused, naming the ones it knows.
        QVERIFY(std::get<adminquery::Refusal>(adminquery::eventFilter("state=lost"))
                    .message.contains(u"delivered"_s));
    }

    void exportFormatIsCsvOrNdjson()
    {
        using adminquery::ExportFormat;
        using Parsed = std::pair<AuditFilter, ExportFormat>;
        const auto csv = adminquery::auditExport("tenant=firm-a");
        QVERIFY(std::holds_alternative<Parsed>(csv));
        QCOMPARE(std::get<0>(csv).second, ExportFormat::Csv);
        QCOMPARE(std::get<0>(csv).first.tenant, u"firm-a"_s);
        const auto nd = adminquery::auditExport("format=ndjson");
        QCOMPARE(std::get<0>(nd).second, ExportFormat::Ndjson);
        const auto bad = adminquery::auditExport("format=xml");
        QVERIFY(std::get<adminquery::Refusal>(bad).message.contains(u"ndjson"_s));
        // Paging is not an export's: refused like any unknown parameter.
        QVERIFY(std::holds_alternative<adminquery::Refusal>(adminquery::auditExport("after=1.2")));
    }
};

QTEST_GUILESS_MAIN(TestAdminQueries)
#include "tst_admin_queries.moc"
