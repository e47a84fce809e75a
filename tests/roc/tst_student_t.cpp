// studentTwoSidedP against scipy's 2 * t.sf(|t|, df) (fixture of tests/reference/gen_runs.py),
// including pROC's unpaired aSAH test (D = 1.4349..., df = 206.66...).

#include "fixture.h"
#include "roc/student_t.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace focalscope;
using namespace focalscope::testing;

class TestStudentT : public QObject {
    Q_OBJECT

private slots:
    void againstScipy();
    void limits();
};

void TestStudentT::againstScipy()
{
    const QJsonArray cases = loadJson(QStringLiteral("reference/fixtures/runs/runs.json"))
                                 .object()[QStringLiteral("student_t")]
                                 .toArray();
    QVERIFY(cases.size() >= 10);
    for (const QJsonValue& c : cases) {
        const double t = c[QStringLiteral("t")].toDouble();
        const double df = c[QStringLiteral("df")].toDouble();
        const double expected = c[QStringLiteral("p")].toDouble();
        const double got = studentTwoSidedP(t, df);
        // Relative (some p are tiny), looser for huge df (student_t.h).
        const double tolerance = std::max(1e-12, 1e-16 * df);
        QVERIFY2(std::abs(got - expected) <= tolerance * expected,
            qPrintable(QStringLiteral("t %1, df %2: got %3, expected %4")
                           .arg(t)
                           .arg(df)
                           .arg(got, 0, 'g', 17)
                           .arg(expected, 0, 'g', 17)));
    }
}

void TestStudentT::limits()
{
    QCOMPARE(studentTwoSidedP(0.0, 5.0), 1.0);
    QCOMPARE(studentTwoSidedP(std::numeric_limits<double>::infinity(), 5.0), 0.0);
    QVERIFY(std::isnan(studentTwoSidedP(1.0, 0.0)));
    QVERIFY(std::isnan(studentTwoSidedP(std::numeric_limits<double>::quiet_NaN(), 3.0)));
    // Large df: the normal distribution.
    QVERIFY(std::abs(studentTwoSidedP(1.959963984540054, 1e9) - 0.05) < 1e-8);
}

QTEST_GUILESS_MAIN(TestStudentT)
#include "tst_student_t.moc"
