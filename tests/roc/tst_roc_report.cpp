// rocReport, oneVsOneAuroc and the binary problems of binary_problem.h against scikit-learn 1.2.1
// (fixtures of tests/reference/gen_roc.py) and the reference values of DESIGN.md.

#include "roc/binary_problem.h"
#include "roc/roc_report.h"
#include "roc_test_support.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

namespace {

constexpr double kTolerance = 1e-12;

Predictions seedMulticlass()
{
    Predictions p;
    p.scores.resize(5, 3);
    p.scores << .90f, .05f, .05f, .05f, .90f, .05f, .05f, .05f, .90f, .85f, .05f, .10f, .10f, .10f,
        .80f;
    p.labels.resize(5);
    p.labels << 0, 1, 1, 2, 2;
    p.kind = ScoreKind::Probabilities;
    p.classNames = {"cat", "dog", "bird"};
    return p;
}

Predictions seedBinary()
{
    Predictions p;
    p.scores.resize(5, 1);
    p.scores << 0.13f, 0.26f, 0.08f, 0.19f, 0.34f;
    p.labels.resize(5);
    p.labels << 0, 0, 1, 1, 1;
    p.kind = ScoreKind::Probabilities;
    p.classNames = {"positive"};
    return p;
}

// Appends rows labelled with the ignore index whose scores would change every value if counted.
Predictions withIgnoredRows(const Predictions& in)
{
    Predictions p = in;
    const Index n = in.rows();
    p.scores.conservativeResize(n + 3, in.classes());
    p.labels.conservativeResize(n + 3);
    for (Index i = n; i < n + 3; ++i) {
        p.scores.row(i).setConstant(0.5f);
        p.scores(i, 0) = i == n ? 0.99f : 0.01f;
        p.labels[i] = p.ignoreIndex;
    }
    return p;
}

bool mentions(const std::vector<std::string>& warnings, const std::string& text)
{
    return std::any_of(warnings.begin(), warnings.end(),
        [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

QString describe(double actual, double expected)
{
    return QStringLiteral("%1 vs %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17);
}

} // namespace

class TestRocReport : public QObject {
    Q_OBJECT

private slots:
    void seedMulticlassExample_data();
    void seedMulticlassExample();
    void seedBinaryExample();
    void ignoredRowsLeftOut();
    void rankingScoresSoftmax();
    void problemsLayout();
    void singleClassColumn();
    void curvesOnRequest();
    void invalidMaxFpr();
    void tinyInputs_data();
    void tinyInputs();
    void nanScoreRejected();
    void matchesScikitLearn_data();
    void matchesScikitLearn();
    void matchesPlainReferences_data();
    void matchesPlainReferences();
};

void TestRocReport::seedMulticlassExample_data()
{
    QTest::addColumn<bool>("ignoredRows");
    QTest::newRow("as given") << false;
    QTest::newRow("with ignored rows") << true;
}

// DESIGN.md: per class [1, 0.6667, 0.6667], macro 0.7778, weighted 0.7333, micro 0.74, ovo 0.8125.
void TestRocReport::seedMulticlassExample()
{
    QFETCH(bool, ignoredRows);
    const Predictions p = ignoredRows ? withIgnoredRows(seedMulticlass()) : seedMulticlass();
    const RocReport r = rocReport(p);
    QVERIFY(!r.binary);
    QCOMPARE(r.classes.size(), std::size_t {3});
    const double perClass[] = {1.0, 0.6667, 0.6667};
    for (std::size_t c = 0; c < 3; ++c)
        QVERIFY(std::abs(r.classes[c].auroc - perClass[c]) < 5e-5);
    QCOMPARE(r.classes[1].name, std::string("dog"));
    QCOMPARE(r.classes[1].positives, 2);
    QCOMPARE(r.classes[1].negatives, 3);
    QVERIFY(std::abs(r.macro - 0.7778) < 5e-5);
    QVERIFY(std::abs(r.weighted - 0.7333) < 5e-5);
    QVERIFY(std::abs(r.micro - 0.74) < kTolerance);
    QVERIFY(std::abs(r.ovo - 0.8125) < kTolerance);
    QVERIFY(std::isnan(r.partial));

    const QJsonObject e = loadJson(QStringLiteral("reference/fixtures/roc/examples.json"))
                              .object()[QStringLiteral("multiclass")]
                              .toObject();
    const std::vector<double> expectedPerClass = toDoubles(e[QStringLiteral("perClass")]);
    for (std::size_t c = 0; c < 3; ++c)
        QVERIFY(std::abs(r.classes[c].auroc - expectedPerClass[c]) < kTolerance);
    QVERIFY(std::abs(r.macro - e[QStringLiteral("macro")].toDouble()) < kTolerance);
    QVERIFY(std::abs(r.weighted - e[QStringLiteral("weighted")].toDouble()) < kTolerance);
    QVERIFY(std::abs(r.micro - e[QStringLiteral("micro")].toDouble()) < kTolerance);
    QVERIFY(std::abs(r.ovo - e[QStringLiteral("ovo")].toDouble()) < kTolerance);
    QVERIFY(std::abs(oneVsOneAuroc(rankingScores(p), p) - 0.8125) < kTolerance);
    // Class 0 has one positive: no DeLong interval, and a warning that says so.
    QVERIFY(std::isnan(r.classes[0].ci.se));
    QVERIFY(mentions(r.warnings, "'cat'"));
}

// DESIGN.md: AUROC 0.5, max_fpr 0.5 -> 0.5556, DeLong SE 1/3.
void TestRocReport::seedBinaryExample()
{
    RocOptions options;
    options.maxFpr = 0.5;
    const RocReport r = rocReport(withIgnoredRows(seedBinary()), options);
    QVERIFY(r.binary);
    QCOMPARE(r.classes.size(), std::size_t {1});
    QCOMPARE(r.classes[0].name, std::string("positive"));
    QCOMPARE(r.classes[0].positives, 3);
    QCOMPARE(r.classes[0].negatives, 2);
    QCOMPARE(r.classes[0].auroc, 0.5);
    QCOMPARE(r.macro, 0.5);
    QCOMPARE(r.micro, 0.5);
    QVERIFY(std::abs(r.partial - 5.0 / 9.0) < kTolerance);
    QVERIFY(std::abs(r.classes[0].ci.se - 1.0 / 3.0) < kTolerance);
    QCOMPARE(r.classes[0].roc.fpr, (std::vector<double> {0, 0, .5, .5, 1, 1}));
    QVERIFY(r.warnings.empty());
}

void TestRocReport::ignoredRowsLeftOut()
{
    const Predictions p = withIgnoredRows(seedMulticlass());
    const ScoreMatrix s = rankingScores(p);
    const BinaryProblem problem = oneVsRest(s, p, 2);
    QCOMPARE(problem.scores.size(), std::size_t {5});
    QCOMPARE(problem.positive, (std::vector<std::uint8_t> {0, 0, 0, 1, 1}));
    QCOMPARE(microAverage(s, p).scores.size(), std::size_t {15});
}

void TestRocReport::rankingScoresSoftmax()
{
    Predictions p;
    p.scores.resize(2, 3);
    p.scores << 1.0f, 2.0f, 3.0f, -1000.0f, 0.0f, 1000.0f;
    p.labels.resize(2);
    p.labels << 0, 2;
    p.kind = ScoreKind::Logits;
    const ScoreMatrix s = rankingScores(p);
    const double z = std::exp(-2.0) + std::exp(-1.0) + 1.0;
    // In float64, not rounded to float32 (near-equal probabilities would tie).
    QCOMPARE(s(0, 0), std::exp(-2.0) / z);
    QCOMPARE(s(0, 2), 1.0 / z);
    QCOMPARE(s(1, 2), 1.0);
    QCOMPARE(s(1, 0), 0.0);
    // Probabilities and a single logit column are ranked as given.
    p.kind = ScoreKind::Probabilities;
    QVERIFY(rankingScores(p) == p.scores);
    p.scores.resize(2, 1);
    p.scores << -3.0f, 4.0f;
    p.kind = ScoreKind::Logits;
    QVERIFY(rankingScores(p) == p.scores);
}

// microAverage holds element (i, c) at c * N + i, ignored rows dropped.
void TestRocReport::problemsLayout()
{
    Predictions p = seedMulticlass();
    p.labels[1] = p.ignoreIndex;
    const BinaryProblem micro = microAverage(p.scores, p);
    QCOMPARE(micro.scores.size(), std::size_t {12});
    const Index rows[] = {0, 2, 3, 4};
    for (Index c = 0; c < 3; ++c)
        for (std::size_t k = 0; k < 4; ++k) {
            QCOMPARE(micro.scores[static_cast<std::size_t>(c) * 4 + k], p.scores(rows[k], c));
            QCOMPARE(micro.positive[static_cast<std::size_t>(c) * 4 + k],
                p.labels[rows[k]] == c ? 1 : 0);
        }
    QCOMPARE(oneVsRest(p.scores, p, 1).positive, (std::vector<std::uint8_t> {0, 1, 0, 0}));
}

void TestRocReport::singleClassColumn()
{
    Predictions p = seedMulticlass();
    p.classNames = {"cat", "dog", "bird", "fish"};
    p.scores.conservativeResize(5, 4);
    p.scores.col(3).setConstant(0.25f);
    const RocReport r = rocReport(p);
    QVERIFY(std::isnan(r.classes[3].auroc));
    QVERIFY(std::isnan(r.classes[3].averagePrecision));
    QVERIFY(mentions(r.warnings, "'fish': AUROC is undefined"));
    QVERIFY(mentions(r.warnings, "skip the undefined class(es) 'fish'"));
    QVERIFY(mentions(
        r.warnings, "one-vs-one AUROC skips the pairs with the class(es) without rows 'fish'"));
    // The averages over the defined classes are those of the three-class example.
    QVERIFY(std::abs(r.macro - 7.0 / 9.0) < kTolerance);
    QVERIFY(std::abs(r.ovo - 0.8125) < kTolerance);
}

void TestRocReport::curvesOnRequest()
{
    const Predictions p = seedMulticlass();
    RocOptions options;
    options.withCurves = false;
    const RocReport bare = rocReport(p, options);
    QVERIFY(bare.classes[1].roc.fpr.empty());
    QVERIFY(bare.classes[1].pr.precision.empty());
    QVERIFY(bare.microRoc.fpr.empty());
    options.withCurves = true;
    options.dropIntermediate = false;
    const RocReport full = rocReport(p, options);
    const BinaryProblem dog = oneVsRest(p.scores, p, 1);
    QCOMPARE(full.classes[1].roc.fpr, rocCurve(dog.scores, dog.positive, false).fpr);
    QCOMPARE(
        full.classes[1].pr.precision, precisionRecallCurve(dog.scores, dog.positive).precision);
    const BinaryProblem micro = microAverage(p.scores, p);
    QCOMPARE(full.microRoc.tpr, rocCurve(micro.scores, micro.positive, false).tpr);
    QCOMPARE(full.macro, bare.macro);
}

void TestRocReport::invalidMaxFpr()
{
    RocOptions options;
    options.maxFpr = 0.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rocReport(seedBinary(), options));
}

void TestRocReport::tinyInputs_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("classes");
    QTest::addColumn<bool>("allIgnored");
    QTest::newRow("no rows, binary") << 0 << 1 << false;
    QTest::newRow("no rows, 3 classes") << 0 << 3 << false;
    QTest::newRow("one row, binary") << 1 << 1 << false;
    QTest::newRow("one row, 4 classes") << 1 << 4 << false;
    QTest::newRow("every row ignored") << 6 << 3 << true;
}

// Degenerate inputs give NaN values and warnings, never a crash or an exception.
void TestRocReport::tinyInputs()
{
    QFETCH(int, rows);
    QFETCH(int, classes);
    QFETCH(bool, allIgnored);
    Predictions p;
    p.scores = ScoreMatrix::Constant(rows, classes, 0.5f);
    p.labels = LabelVector::Constant(rows, allIgnored ? kDefaultIgnoreIndex : 0);
    p.kind = ScoreKind::Probabilities;
    const RocReport r = rocReport(p);
    QCOMPARE(static_cast<int>(r.classes.size()), classes);
    for (const ClassRoc& c : r.classes) {
        QVERIFY(std::isnan(c.auroc));
        QVERIFY(std::isnan(c.ci.se));
        QCOMPARE(c.roc.fpr.size(), c.roc.thresholds.size());
        QVERIFY(mentions(r.warnings, "'" + c.name + "': AUROC is undefined"));
    }
    QVERIFY(std::isnan(r.macro));
    QVERIFY(std::isnan(r.weighted));
    // One counted row of 4 classes still has one positive and three negative elements.
    if (rows == 1 && classes > 1)
        QCOMPARE(r.micro, 0.5);
    else
        QVERIFY(std::isnan(r.micro));
    QVERIFY(std::isnan(r.ovo));
}

void TestRocReport::nanScoreRejected()
{
    Predictions p = seedMulticlass();
    p.scores(2, 1) = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rocReport(p));
}

void TestRocReport::matchesScikitLearn_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c :
        loadJson(QStringLiteral("reference/fixtures/roc/report_cases.json")).array())
        QTest::addRow("seed%lld_n%lld_C%lld_%s", c[QStringLiteral("seed")].toInteger(),
            c[QStringLiteral("n")].toInteger(), c[QStringLiteral("classes")].toInteger(),
            qPrintable(c[QStringLiteral("kind")].toString()))
            << c.toObject();
}

void TestRocReport::matchesScikitLearn()
{
    QFETCH(QJsonObject, expected);
    const Predictions p = reportInputs(expected);
    RocOptions options;
    options.maxFpr = expected[QStringLiteral("maxFpr")].toDouble();
    options.withCurves = false;
    const RocReport r = rocReport(p, options);

    const QJsonArray classes = expected[QStringLiteral("classResults")].toArray();
    QCOMPARE(static_cast<qsizetype>(r.classes.size()), classes.size());
    for (qsizetype c = 0; c < classes.size(); ++c) {
        const QJsonObject e = classes[c].toObject();
        const ClassRoc& a = r.classes[static_cast<std::size_t>(c)];
        QCOMPARE(a.positives, e[QStringLiteral("positives")].toInteger());
        QCOMPARE(a.negatives, e[QStringLiteral("negatives")].toInteger());
        QVERIFY2(closeOrBothNaN(a.auroc, toDouble(e[QStringLiteral("auroc")]), kTolerance),
            qPrintable(QStringLiteral("class %1 AUROC ").arg(c)
                + describe(a.auroc, toDouble(e[QStringLiteral("auroc")]))));
        QVERIFY(closeOrBothNaN(a.averagePrecision, toDouble(e[QStringLiteral("ap")]), kTolerance));
        QVERIFY(closeOrBothNaN(a.ci.se, toDouble(e[QStringLiteral("se")]), kTolerance));
        if (std::isnan(a.auroc))
            QVERIFY(mentions(r.warnings, "'" + a.name + "': AUROC is undefined"));
    }
    const bool anyUndefined = std::any_of(
        r.classes.begin(), r.classes.end(), [](const ClassRoc& a) { return std::isnan(a.auroc); });
    if (anyUndefined && !r.binary)
        QVERIFY(mentions(r.warnings, "macro and weighted AUROC skip the undefined class(es)"));
    const double ovo = oneVsOneAuroc(rankingScores(p), p);
    QVERIFY(closeOrBothNaN(ovo, toDouble(expected[QStringLiteral("ovo")]), kTolerance));

    const struct {
        const char* key;
        double actual;
    } averages[] = {{"macro", r.macro}, {"weighted", r.weighted}, {"micro", r.micro},
        {"ovo", r.ovo}, {"apMacro", r.apMacro}, {"partial", r.partial}};
    for (const auto& average : averages) {
        const double e = toDouble(expected[QLatin1String(average.key)]);
        QVERIFY2(closeOrBothNaN(average.actual, e, kTolerance),
            qPrintable(
                QLatin1String(average.key) + QLatin1Char(' ') + describe(average.actual, e)));
    }
}

void TestRocReport::matchesPlainReferences_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("classes");
    QTest::addColumn<int>("bits");
    QTest::addColumn<qint64>("labelClasses");
    QTest::addColumn<int>("ignoreEvery");
    QTest::addColumn<bool>("logits");
    QTest::addColumn<bool>("withCurves");
    // bits: the scores lie on a 2^bits grid (1 and 2: almost every score tied); labelClasses
    // below classes leaves classes without rows (single-class columns); 1 labels every row alike.
    const qint64 sizes[] = {1, 2, 9, 60, 333};
    const qint64 classCounts[] = {1, 2, 3, 5};
    const int bitCounts[] = {1, 2, 4, 24};
    for (int k = 0; k < 80; ++k) {
        const qint64 classes = classCounts[k % 4];
        const qint64 targets = classes == 1 ? 2 : classes;
        const qint64 labelClasses = k % 5 == 0 ? 1 : (k % 7 == 0 ? targets - 1 : targets);
        QTest::addRow("case%d_n%lld_C%lld_bits%d", k, sizes[k % 5], classes, bitCounts[(k / 4) % 4])
            << static_cast<quint64>(7100 + 17 * k) << sizes[k % 5] << classes
            << bitCounts[(k / 4) % 4] << std::max<qint64>(1, labelClasses) << (k % 3 == 0 ? 4 : 0)
            << (k % 6 == 1) << (k % 2 == 1);
    }
}

// The fused per-class walk of rocReport (AUROC, DeLong, AP, Hand & Till and the micro share)
// against the plain paths: the problems of binary_problem.h and O(mn) definitions.
void TestRocReport::matchesPlainReferences()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, n);
    QFETCH(qint64, classes);
    QFETCH(int, bits);
    QFETCH(qint64, labelClasses);
    QFETCH(int, ignoreEvery);
    QFETCH(bool, logits);
    QFETCH(bool, withCurves);
    Predictions p;
    const std::vector<float> values = randomUnitScores(seed, n * classes, bits);
    p.scores = Eigen::Map<const Eigen::MatrixXf>(values.data(), n, classes).cast<double>();
    if (logits)
        p.scores = (p.scores.array() * 4.0 - 2.0).matrix();
    const std::vector<std::int32_t> labels = randomLabels(seed + 1, n, labelClasses);
    p.labels = Eigen::Map<const LabelVector>(labels.data(), n);
    if (ignoreEvery != 0)
        for (Index i = 0; i < n; i += ignoreEvery)
            p.labels[i] = p.ignoreIndex;
    p.kind = logits ? ScoreKind::Logits : ScoreKind::Probabilities;
    RocOptions options;
    options.withCurves = withCurves;
    options.dropIntermediate = false;
    const RocReport r = rocReport(p, options);
    const ScoreMatrix s = rankingScores(p);

    std::vector<double> aurocs;
    for (Index c = 0; c < classes; ++c) {
        const BinaryProblem problem = oneVsRest(s, p, c);
        const ClassRoc& a = r.classes[static_cast<std::size_t>(c)];
        const auto positives = std::count(problem.positive.begin(), problem.positive.end(), 1);
        QCOMPARE(a.positives, positives);
        QCOMPARE(a.negatives, static_cast<std::int64_t>(problem.positive.size()) - positives);
        const double auroc = mannWhitneyAuroc(problem.scores, problem.positive);
        aurocs.push_back(auroc);
        QVERIFY2(closeOrBothNaN(a.auroc, auroc, kTolerance), qPrintable(describe(a.auroc, auroc)));
        const DelongInterval ci = directDelong(problem.scores, problem.positive);
        QVERIFY2(closeOrBothNaN(a.ci.se, ci.se, kTolerance), qPrintable(describe(a.ci.se, ci.se)));
        QVERIFY(closeOrBothNaN(a.ci.lower, ci.lower, kTolerance));
        QVERIFY(closeOrBothNaN(a.ci.upper, ci.upper, kTolerance));
        const double ap = plainAveragePrecision(problem.scores, problem.positive);
        QVERIFY2(closeOrBothNaN(a.averagePrecision, ap, kTolerance),
            qPrintable(describe(a.averagePrecision, ap)));
        if (withCurves) {
            const PlainCurve curve = plainCurve(problem.scores, problem.positive);
            QCOMPARE(a.roc.fps, curve.fps);
            QCOMPARE(a.roc.tps, curve.tps);
            QCOMPARE(a.roc.thresholds, curve.thresholds);
        } else {
            QVERIFY(a.roc.fps.empty());
        }
    }
    double macro = 0.0;
    int defined = 0;
    for (const double a : aurocs)
        if (!std::isnan(a)) {
            macro += a;
            ++defined;
        }
    QVERIFY(closeOrBothNaN(r.macro, defined > 0 ? macro / defined : std::nan(""), kTolerance));

    const BinaryProblem micro = microAverage(s, p);
    const double microAuroc = mannWhitneyAuroc(micro.scores, micro.positive);
    QVERIFY2(
        closeOrBothNaN(r.micro, microAuroc, kTolerance), qPrintable(describe(r.micro, microAuroc)));
    const double ovo
        = r.binary ? mannWhitneyAuroc(micro.scores, micro.positive) : plainHandTill(s, p);
    QVERIFY2(closeOrBothNaN(r.ovo, ovo, kTolerance), qPrintable(describe(r.ovo, ovo)));
    if (withCurves && !r.binary) {
        const PlainCurve curve = plainCurve(micro.scores, micro.positive);
        QCOMPARE(r.microRoc.fps, curve.fps);
        QCOMPARE(r.microRoc.tps, curve.tps);
    }
}

QTEST_GUILESS_MAIN(TestRocReport)
#include "tst_roc_report.moc"
