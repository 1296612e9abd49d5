// SPDX-License-Identifier: GPL-3.0-or-later
// The admin API's strict body reader: one JSON object, known fields, typed values.
#include "admin/JsonBody.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

class TestJsonBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesWhatIsNotOneObjectOfKnownFields_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QByteArray() << u"invalid_json"_s;
        QTest::newRow("garbage") << QByteArray("{name") << u"invalid_json"_s;
        QTest::newRow("array") << QByteArray("[1]") << u"invalid_json"_s;
        QTest::newRow("string") << QByteArray("\"x\"") << u"invalid_json"_s;
        QTest::newRow("unknown") << QByteArray(R"({"name":"a","nmae":"b"})") << u"unknown_field"_s;
        QTest::newRow("missing") << QByteArray(R"({"flag":true})") << u"invalid_value"_s;
        QTest::newRow("type") << QByteArray(R"({"name":1})") << u"invalid_value"_s;
        QTest::newRow("too long") << (R"({"name":")" + QByteArray(300, 'x') + R"("})")
                                  << u"invalid_value"_s;
        QTest::newRow("flag") << QByteArray(R"({"name":"a","flag":"yes"})") << u"invalid_value"_s;
        QTest::newRow("fraction") << QByteArray(R"({"name":"a","count":1.5})")
                                  << u"invalid_value"_s;
        QTest::newRow("range") << QByteArray(R"({"name":"a","count":11})") << u"invalid_value"_s;
        QTest::newRow("list") << QByteArray(R"({"name":"a","list":["x",2]})") << u"invalid_value"_s;
    }
    void refusesWhatIsNotOneObjectOfKnownFields()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        JsonBody b(body, {"name"_L1, "flag"_L1, "count"_L1, "list"_L1});
        b.text("name"_L1, true);
        b.flag("flag"_L1);
        b.number("count"_L1, 0, 10);
        b.textList("list"_L1);
        QVERIFY(b.refusal().has_value());
        QCOMPARE(wire(b.refusal()->code), code);
        QVERIFY(!b.refusal()->message.isEmpty());
    }

    void readsTypedValues()
    {
        JsonBody b(R"({"name":"a","flag":false,"count":7,"list":["x","y"]})",
                   {"name"_L1, "flag"_L1, "count"_L1, "list"_L1, "absent"_L1});
        QCOMPARE(b.text("name"_L1, true), std::optional<QString>(u"a"_s));
        QCOMPARE(b.flag("flag"_L1), std::optional<bool>(false));
        QCOMPARE(b.number("count"_L1, 0, 10), std::optional<qint64>(7));
        QCOMPARE(b.textList("list"_L1), std::optional<QStringList>({u"x"_s, u"y"_s}));
        QVERIFY(!b.text("absent"_L1).has_value());
        QVERIFY(!b.refusal().has_value());
    }

    void theFirstProblemIsTheOneReported()
    {
        JsonBody b(R"({"name":1,"flag":"x"})", {"name"_L1, "flag"_L1});
        b.text("name"_L1);
        b.flag("flag"_L1);
        QVERIFY(b.refusal()->message.contains(u"'name'"_s));
    }
};

QTEST_GUILESS_MAIN(TestJsonBody)
#include "tst_json_body.moc"
