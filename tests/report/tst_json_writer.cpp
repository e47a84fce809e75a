#include "report/json_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace focalscope;

class TestJsonWriter : public QObject {
    Q_OBJECT

private slots:
    void numbers_data();
    void numbers();
    void nonFiniteIsNull();
    void nestedStructureParses();
    void stringsAreEscaped();
};

void TestJsonWriter::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("half") << 0.5 << "0.5";
    QTest::newRow("seven ninths") << 7.0 / 9.0 << "0.77777777777777779";
    QTest::newRow("one third") << 1.0 / 3.0 << "0.33333333333333331";
    QTest::newRow("integer") << 3.0 << "3";
    QTest::newRow("tiny") << 1.25e-300 << "1.25e-300";
    QTest::newRow("negative zero") << -0.0 << "-0";
}

void TestJsonWriter::numbers()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    JsonWriter json;
    json.value(value);
    QCOMPARE(QString::fromStdString(json.text()), text);
    // 17 significant digits round-trip exactly.
    QCOMPARE(std::stod(json.text()), value);
}

void TestJsonWriter::nonFiniteIsNull()
{
    JsonWriter json;
    json.beginArray();
    json.value(std::numeric_limits<double>::quiet_NaN());
    json.value(std::numeric_limits<double>::infinity());
    json.value(-std::numeric_limits<double>::infinity());
    json.endArray();
    QCOMPARE(QString::fromStdString(json.text()), QStringLiteral("[null,null,null]"));
}

void TestJsonWriter::nestedStructureParses()
{
    JsonWriter json;
    json.beginObject();
    json.key("schema");
    json.value(1LL);
    json.key("list");
    json.beginArray();
    json.beginArray();
    json.value(0.25);
    json.value(0.75);
    json.endArray();
    json.beginObject();
    json.key("flag");
    json.value(true);
    json.endObject();
    json.endArray();
    json.key("none");
    json.null();
    json.endObject();

    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromStdString(json.text()), &error);
    QVERIFY2(!doc.isNull(), qPrintable(error.errorString()));
    const QJsonObject root = doc.object();
    QCOMPARE(root.value("schema").toInt(), 1);
    QCOMPARE(root.value("list").toArray().at(0).toArray().at(1).toDouble(), 0.75);
    QCOMPARE(root.value("list").toArray().at(1).toObject().value("flag").toBool(), true);
    QVERIFY(root.value("none").isNull());
}

void TestJsonWriter::stringsAreEscaped()
{
    JsonWriter json;
    json.value(std::string_view("a \"quoted\" back\\slash\nnew line\ttab \x01 ünïcode"));
    const QJsonDocument doc
        = QJsonDocument::fromJson("[" + QByteArray::fromStdString(json.text()) + "]");
    QVERIFY(!doc.isNull());
    QCOMPARE(doc.array().at(0).toString(),
        QString::fromUtf8("a \"quoted\" back\\slash\nnew line\ttab \x01 ünïcode"));
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_json_writer.moc"
