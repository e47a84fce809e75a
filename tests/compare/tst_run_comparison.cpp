// compareRuns against tests/reference/gen_runs.py: pROC's aSAH figures through three runs
// (paired and unpaired), multiclass runs on the same rows (paired, one-vs-rest on the row
// softmax) and binary runs on different rows (unpaired), Holm over every comparison, and a
// class too small to compare. References are float64 NumPy (an O(n^2) DeLong): 1e-12.

#include "asah_data.h"
#include "compare/run_comparison.h"
#include "run_fixture.h"

#include <QTest>

#include <stdexcept>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

namespace {

constexpr double kTolerance = 1e-12;

Predictions asahRun(const QString& marker)
{
    const Asah& data = asah();
    const std::vector<double>& scores = data.markers.at(marker);
    Predictions p;
    p.scores.resize(static_cast<Index>(scores.size()), 1);
    p.labels.resize(static_cast<Index>(scores.size()));
    for (std::size_t i = 0; i < scores.size(); ++i) {
        p.scores(static_cast<Index>(i), 0) = scores[i];
        p.labels[static_cast<Index>(i)] = data.poor[i];
    }
    p.classNames = {"Poor"};
    return p;
}

void compareWith(const RunComparison& got, const QJsonObject& expected, const QString& what)
{
    COMPARE_CLOSE(got.aucA, toDouble(expected[QStringLiteral("auc_a")]), kTolerance,
        what + QStringLiteral(" AUC A"));
    COMPARE_CLOSE(got.aucB, toDouble(expected[QStringLiteral("auc_b")]), kTolerance,
        what + QStringLiteral(" AUC B"));
    COMPARE_CLOSE(got.delta, toDouble(expected[QStringLiteral("delta")]), kTolerance,
        what + QStringLiteral(" delta"));
    const std::vector<double> ci = toDoubles(expected[QStringLiteral("ci95")]);
    COMPARE_CLOSE(got.ciLower, ci[0], kTolerance, what + QStringLiteral(" CI lower"));
    COMPARE_CLOSE(got.ciUpper, ci[1], kTolerance, what + QStringLiteral(" CI upper"));
    COMPARE_CLOSE(
        got.z, toDouble(expected[QStringLiteral("z")]), kTolerance, what + QStringLiteral(" z"));
    COMPARE_CLOSE(
        got.p, toDouble(expected[QStringLiteral("p")]), kTolerance, what + QStringLiteral(" p"));
    COMPARE_CLOSE(got.pHolm, toDouble(expected[QStringLiteral("p_holm")]), kTolerance,
        what + QStringLiteral(" Holm p"));
    if (expected.contains(QStringLiteral("df")))
        COMPARE_CLOSE(got.df, toDouble(expected[QStringLiteral("df")]), kTolerance,
            what + QStringLiteral(" df"));
}

} // namespace

class TestRunComparison : public QObject {
    Q_OBJECT

private slots:
    void asahPaired();
    void asahUnpaired();
    void fixtureCases_data();
    void fixtureCases();
    void rowSumsGiveTheSameNumbers();
    void oneRunGivesNothing();
    void classesDiffer();
    void binaryNamesMayDiffer();
};

// pROC's roc.test on wfns, s100b and ndka, paired: z, p, the delta CI (DESIGN.md's 15 digits
// and the NumPy values), and Holm over the three.
void TestRunComparison::asahPaired()
{
    const std::vector<Predictions> runs {asahRun(QStringLiteral("wfns")),
        asahRun(QStringLiteral("s100b")), asahRun(QStringLiteral("ndka"))};
    const std::vector<RunComparison> got = compareRuns(pointersTo(runs), {});
    const QJsonArray expected
        = runsFixture()[QStringLiteral("asah")][QStringLiteral("paired")].toArray();
    QCOMPARE(got.size(), static_cast<std::size_t>(expected.size()));
    const QStringList names {
        QStringLiteral("wfns"), QStringLiteral("s100b"), QStringLiteral("ndka")};
    for (std::size_t k = 0; k < got.size(); ++k) {
        const QJsonObject e = expected[static_cast<qsizetype>(k)].toObject();
        const RunComparison& c = got[k];
        QCOMPARE(names[c.a], e[QStringLiteral("a")].toString());
        QCOMPARE(names[c.b], e[QStringLiteral("b")].toString());
        QVERIFY(c.paired);
        QVERIFY(c.reason.empty());
        QCOMPARE(c.targetClass, 1);
        QCOMPARE(c.className, std::string("Poor"));
        const QString what = names[c.a] + QStringLiteral(" vs ") + names[c.b];
        compareWith(c, e, what);
        // DESIGN.md's pROC figures, signed for the order pROC was called in.
        const QJsonObject published = e[QStringLiteral("published")].toObject();
        const double sign = published[QStringLiteral("a")].toString() == names[c.a] ? 1.0 : -1.0;
        COMPARE_CLOSE(sign * c.z, published[QStringLiteral("z")].toDouble(), kTolerance,
            what + QStringLiteral(" pROC Z"));
        if (published.contains(QStringLiteral("p")))
            COMPARE_CLOSE(c.p, published[QStringLiteral("p")].toDouble(), kTolerance,
                what + QStringLiteral(" pROC p"));
        if (published.contains(QStringLiteral("ci95"))) {
            const QJsonArray ci = published[QStringLiteral("ci95")].toArray();
            COMPARE_CLOSE(
                c.ciLower, ci[0].toDouble(), kTolerance, what + QStringLiteral(" pROC CI"));
            COMPARE_CLOSE(
                c.ciUpper, ci[1].toDouble(), kTolerance, what + QStringLiteral(" pROC CI"));
        }
    }
}

// Forced unpaired: pROC's D = 1.43490640926908 and its Student's t p.
void TestRunComparison::asahUnpaired()
{
    const std::vector<Predictions> runs {
        asahRun(QStringLiteral("wfns")), asahRun(QStringLiteral("s100b"))};
    CompareOptions options;
    options.unpaired = true;
    const std::vector<RunComparison> got = compareRuns(pointersTo(runs), options);
    QCOMPARE(got.size(), std::size_t {1});
    QVERIFY(!got[0].paired);
    QVERIFY(got[0].reason.empty());
    const QJsonObject e
        = runsFixture()[QStringLiteral("asah")][QStringLiteral("unpaired")][0].toObject();
    COMPARE_CLOSE(got[0].z, e[QStringLiteral("published")][QStringLiteral("d")].toDouble(),
        kTolerance, QStringLiteral("DESIGN.md D"));
    COMPARE_CLOSE(got[0].z, e[QStringLiteral("proc")][QStringLiteral("d")].toDouble(), kTolerance,
        QStringLiteral("pROC D"));
    COMPARE_CLOSE(got[0].p, e[QStringLiteral("proc")][QStringLiteral("p")].toDouble(), kTolerance,
        QStringLiteral("pROC p"));
    QJsonObject withHolm = e;
    withHolm[QStringLiteral("p_holm")] = e[QStringLiteral("p")];
    compareWith(got[0], withHolm, QStringLiteral("wfns vs s100b unpaired"));
}

void TestRunComparison::fixtureCases_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c : runsFixture()[QStringLiteral("compare")].toArray())
        QTest::newRow(qPrintable(c[QStringLiteral("name")].toString())) << c.toObject();
}

void TestRunComparison::fixtureCases()
{
    QFETCH(QJsonObject, expected);
    const std::vector<Predictions> runs = predictionsOf(expected[QStringLiteral("runs")].toArray());
    CompareOptions options;
    options.unpaired = expected[QStringLiteral("unpaired")].toBool();
    const std::vector<RunComparison> got = compareRuns(pointersTo(runs), options);
    const QJsonArray comparisons = expected[QStringLiteral("comparisons")].toArray();
    QCOMPARE(got.size(), static_cast<std::size_t>(comparisons.size()));
    for (std::size_t k = 0; k < got.size(); ++k) {
        const QJsonObject e = comparisons[static_cast<qsizetype>(k)].toObject();
        const RunComparison& c = got[k];
        QCOMPARE(c.a, e[QStringLiteral("a")].toInt());
        QCOMPARE(c.b, e[QStringLiteral("b")].toInt());
        QCOMPARE(c.targetClass, e[QStringLiteral("class")].toInt());
        QCOMPARE(c.paired, e[QStringLiteral("paired")].toBool());
        // A reason exactly when the rows differ (not when unpaired was asked for).
        const bool sameRows = runs[static_cast<std::size_t>(c.a)].labels
            == runs[static_cast<std::size_t>(c.b)].labels;
        QCOMPARE(c.reason.empty(), sameRows || options.unpaired);
        compareWith(c, e, QStringLiteral("comparison %1").arg(k));
    }
}

void TestRunComparison::rowSumsGiveTheSameNumbers()
{
    const QJsonObject c = runsFixture()[QStringLiteral("compare")][0].toObject();
    const std::vector<Predictions> runs = predictionsOf(c[QStringLiteral("runs")].toArray());
    CompareOptions rowSums;
    rowSums.softmaxStorage = SoftmaxStorage::RowSums;
    const std::vector<RunComparison> a = compareRuns(pointersTo(runs), {});
    const std::vector<RunComparison> b = compareRuns(pointersTo(runs), rowSums);
    QCOMPARE(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        QCOMPARE(a[k].z, b[k].z);
        QCOMPARE(a[k].pHolm, b[k].pHolm);
    }
}

void TestRunComparison::oneRunGivesNothing()
{
    const std::vector<Predictions> runs {asahRun(QStringLiteral("wfns"))};
    QVERIFY(compareRuns(pointersTo(runs), {}).empty());
}

void TestRunComparison::classesDiffer()
{
    const QJsonObject c = runsFixture()[QStringLiteral("compare")][0].toObject();
    std::vector<Predictions> runs = predictionsOf(c[QStringLiteral("runs")].toArray());
    runs.push_back(asahRun(QStringLiteral("wfns")));
    try {
        compareRuns(pointersTo(runs), {});
        QFAIL("no exception for a binary run among 4-class runs");
    } catch (const std::invalid_argument& error) {
        QCOMPARE(std::string(error.what()),
            std::string("run 4 has 1 score column, run 1 4 score columns: runs must have the same "
                        "classes"));
    }
    runs.pop_back();
    runs[1].classNames = {"0", "1", "3", "2"};
    try {
        compareRuns(pointersTo(runs), {});
        QFAIL("no exception for classes in another order");
    } catch (const std::invalid_argument& error) {
        QCOMPARE(std::string(error.what()),
            std::string("run 2 has the classes 0, 1, 3, 2, run 1 0, 1, 2, 3: runs must have the "
                        "same classes in the same order"));
    }
}

// A binary run's single header names a score as often as a class: run A's name is used.
void TestRunComparison::binaryNamesMayDiffer()
{
    std::vector<Predictions> runs {
        asahRun(QStringLiteral("wfns")), asahRun(QStringLiteral("s100b"))};
    runs[1].classNames = {"s100b"};
    const std::vector<RunComparison> got = compareRuns(pointersTo(runs), {});
    QCOMPARE(got.size(), std::size_t {1});
    QCOMPARE(got[0].className, std::string("Poor"));
}

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_run_comparison.moc"
