// The argmax confusion matrix against scikit-learn's confusion_matrix (gen_thresholds.py).

#include "roc/confusion_matrix.h"
#include "threshold_cases.h"

#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestConfusionMatrix : public QObject {
    Q_OBJECT

private slots:
    void matchesScikitLearn_data();
    void matchesScikitLearn();
    void tiesIgnoredRowsAndNormalisation();
    void binaryTaskThrows();
};

void TestConfusionMatrix::matchesScikitLearn_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    for (const QJsonValue& c : thresholdFixture()["cases"].toArray())
        if (c["task"].toString() == QLatin1String("multiclass"))
            QTest::newRow(qPrintable(c["name"].toString())) << c.toObject();
}

void TestConfusionMatrix::matchesScikitLearn()
{
    QFETCH(QJsonObject, testCase);
    const ConfusionMatrix matrix = argmaxConfusionMatrix(thresholdCasePredictions(testCase));
    const QJsonArray expected = testCase["confusion_matrix"].toArray();
    QCOMPARE(qsizetype(matrix.classes), expected.size());
    for (Index t = 0; t < matrix.classes; ++t)
        for (Index p = 0; p < matrix.classes; ++p)
            QCOMPARE(qint64(matrix.at(t, p)), expected[t].toArray()[p].toInteger());
}

void TestConfusionMatrix::tiesIgnoredRowsAndNormalisation()
{
    Predictions p;
    p.scores.resize(5, 3);
    p.scores << 0.4, 0.4, 0.2, // tie of 0 and 1: the first, 0
        0.1, 0.45, 0.45, // tie of 1 and 2: 1
        0.2, 0.3, 0.5, //
        0.9, 0.05, 0.05, // ignored
        2.0, -1.0, 3.0; // logits work alike
    p.labels.resize(5);
    p.labels << 1, 1, 2, -100, 2;
    const ConfusionMatrix m = argmaxConfusionMatrix(p);
    QCOMPARE(m.at(1, 0), std::int64_t(1));
    QCOMPARE(m.at(1, 1), std::int64_t(1));
    QCOMPARE(m.at(2, 2), std::int64_t(2));
    QCOMPARE(m.rowTotal(0), std::int64_t(0));
    QCOMPARE(m.rowTotal(1) + m.rowTotal(2), std::int64_t(4));
    QCOMPARE(m.rowNormalised(1, 0), 0.5);
    QVERIFY(std::isnan(m.rowNormalised(0, 0))); // no rows of class 0
}

void TestConfusionMatrix::binaryTaskThrows()
{
    Predictions p;
    p.scores.resize(2, 1);
    p.scores << 0.2, 0.8;
    p.labels.resize(2);
    p.labels << 0, 1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, argmaxConfusionMatrix(p));
}

QTEST_GUILESS_MAIN(TestConfusionMatrix)
#include "tst_confusion_matrix.moc"
