#include "data/utf8.h"
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
    void invalidUtf8Replaced_data();
    void invalidUtf8Replaced();
};

void TestJsonWriter::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("half") << 0.5 << "0.5";
    QTest::newRow("gamma 0.1") << 0.1 << "0.1";
    QTest::newRow("seven ninths") << 7.0 / 9.0 << "0.7777777777777778";
    QTest::newRow("one third") << 1.0 / 3.0 << "0.3333333333333333";
    QTest::newRow("float32 0.34 widened") << static_cast<double>(0.34f) << "0.3400000035762787";
    QTest::newRow("huge") << 4e38 << "4e+38";
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
    // The shortest form still reads back to the same double.
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

// Bytes that are not UTF-8 (a Latin-1 header, a cut sequence, a surrogate, an overlong form)
// become U+FFFD, so that the output always parses; valid text is kept byte for byte.
void TestJsonWriter::invalidUtf8Replaced_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("latin-1 cafe") << QByteArray("caf\xe9") << QStringLiteral("caf\uFFFD");
    QTest::newRow("valid accents")
        << QByteArray("v\xc3\xa9lo \xe7\x8a\xac") << QStringLiteral("v\u00e9lo \u72ac");
    QTest::newRow("cut sequence") << QByteArray("a\xe7\x8a") << QStringLiteral("a\uFFFD\uFFFD");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80")
                               << QStringLiteral("\uFFFD\uFFFD\uFFFD");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QStringLiteral("\uFFFD\uFFFD");
    QTest::newRow("four bytes") << QByteArray("\xf0\x9f\x98\x80") << QStringLiteral("\U0001F600");
}

void TestJsonWriter::invalidUtf8Replaced()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    JsonWriter json;
    json.beginArray();
    json.value(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    json.endArray();
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromStdString(json.text()), &error);
    QVERIFY2(!doc.isNull(), qPrintable(error.errorString()));
    QCOMPARE(doc.array().at(0).toString(), expected);
    // QJsonDocument replaces bad bytes itself; the bytes written must already be valid UTF-8.
    QVERIFY(isValidUtf8(json.text()));
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_json_writer.moc"
