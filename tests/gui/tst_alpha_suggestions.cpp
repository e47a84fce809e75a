// Alpha suggestions against values NumPy computes from the same formulas (see the comments):
// inverse frequency 1/n_c and Cui et al.'s (1 - beta)/(1 - beta^n_c), normalised to mean 1
// over the classes with rows; a class without rows gets 1.

#include "loss/alpha_suggestions.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace focalscope;

Q_DECLARE_METATYPE(std::vector<Index>)
Q_DECLARE_METATYPE(std::vector<double>)

class TestAlphaSuggestions : public QObject {
    Q_OBJECT

private slots:
    void weights_data();
    void weights();
    void classCountsSkipsIgnoredRows();
    void noRowsGivesOnes();
    void betaOutOfRangeThrows();
};

namespace {

// `actual` equals `expected`, and has the properties every suggestion must have: mean 1 over
// the classes with rows, 1 for a class without rows.
void compare(const std::vector<double>& actual, const std::vector<double>& expected,
    const std::vector<Index>& counts)
{
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(actual.size(), counts.size());
    double sum = 0.0;
    int withRows = 0;
    for (std::size_t c = 0; c < expected.size(); ++c) {
        QVERIFY2(std::abs(actual[c] - expected[c]) <= 1e-12 * std::max(1.0, std::abs(expected[c])),
            qPrintable(QStringLiteral("class %1: %2 != %3")
                           .arg(c)
                           .arg(actual[c], 0, 'g', 17)
                           .arg(expected[c], 0, 'g', 17)));
        if (counts[c] > 0) {
            sum += actual[c];
            ++withRows;
        } else {
            QCOMPARE(actual[c], 1.0);
        }
    }
    if (withRows > 0) {
        const double mean = sum / withRows;
        QVERIFY2(std::abs(mean - 1.0) <= 1e-12,
            qPrintable(QStringLiteral("mean %1 over the classes with rows").arg(mean, 0, 'g', 17)));
    }
}

} // namespace

void TestAlphaSuggestions::weights_data()
{
    QTest::addColumn<std::vector<Index>>("counts");
    QTest::addColumn<double>("beta"); // 0 selects the inverse frequency
    QTest::addColumn<std::vector<double>>("expected");

    // numpy: c = counts; w = 1/c (or (1-b)/(1-b**c)); w *= len(c) / w.sum()
    const std::vector<Index> imbalanced {800, 100, 60, 30, 10};
    QTest::newRow("imbalanced inverse")
        << imbalanced << 0.0
        << std::vector<double> {0.03875968992248062, 0.31007751937984496, 0.5167958656330749,
               1.0335917312661498, 3.1007751937984493};
    QTest::newRow("imbalanced beta 0.99")
        << imbalanced << 0.99
        << std::vector<double> {0.26205690044240715, 0.4132268519420533, 0.5785056917513519,
               1.0064265679470719, 2.7397839879171157};
    QTest::newRow("imbalanced beta 0.999")
        << imbalanced << 0.999
        << std::vector<double> {0.05543056148909477, 0.32070854518436476, 0.5240647640260219,
               1.0326334398882973, 3.0671626894122213};
    QTest::newRow("imbalanced beta 0.9999")
        << imbalanced << 0.9999
        << std::vector<double> {0.04026818421836894, 0.3111465388628564, 0.5175427745970204,
               1.0335351700815205, 3.097507332240234};
    const std::vector<Index> balanced {50, 50, 50};
    QTest::newRow("balanced inverse") << balanced << 0.0 << std::vector<double> {1.0, 1.0, 1.0};
    QTest::newRow("balanced beta 0.999")
        << balanced << 0.999 << std::vector<double> {1.0, 1.0, 1.0};
    const std::vector<Index> empty {90, 0, 10};
    QTest::newRow("empty class inverse")
        << empty << 0.0 << std::vector<double> {0.19999999999999998, 1.0, 1.8};
    QTest::newRow("empty class beta 0.99")
        << empty << 0.99 << std::vector<double> {0.2767980002230366, 1.0, 1.7232019997769634};
    QTest::newRow("empty class beta 0.9999")
        << empty << 0.9999 << std::vector<double> {0.20072058701952933, 1.0, 1.7992794129804706};
    QTest::newRow("one class") << std::vector<Index> {7} << 0.999 << std::vector<double> {1.0};
    const std::vector<Index> large {1000000, 20000, 300};
    QTest::newRow("large inverse")
        << large << 0.0
        << std::vector<double> {0.0008864375061558161, 0.0443218753077908, 2.9547916871860536};
    QTest::newRow("large beta 0.99")
        << large << 0.99
        << std::vector<double> {0.9831005250696242, 0.9831005250696242, 1.0337989498607516};
    QTest::newRow("large beta 0.999")
        << large << 0.999
        << std::vector<double> {0.512238975075419, 0.5122389761207099, 1.9755220488038712};
    QTest::newRow("large beta 0.9999")
        << large << 0.9999
        << std::vector<double> {0.08335494479861831, 0.09639995541550443, 2.8202450997858772};
}

void TestAlphaSuggestions::weights()
{
    QFETCH(std::vector<Index>, counts);
    QFETCH(double, beta);
    QFETCH(std::vector<double>, expected);
    compare(beta == 0.0 ? inverseFrequencyWeights(counts) : effectiveNumberWeights(counts, beta),
        expected, counts);
}

void TestAlphaSuggestions::classCountsSkipsIgnoredRows()
{
    LabelVector labels(8);
    labels << 0, 2, 2, -100, 1, 2, -100, 0;
    const std::vector<Index> counts = classCounts(labels, 4, -100);
    QCOMPARE(counts, (std::vector<Index> {2, 1, 3, 0}));
}

void TestAlphaSuggestions::noRowsGivesOnes()
{
    const std::vector<Index> counts {0, 0};
    QCOMPARE(inverseFrequencyWeights(counts), (std::vector<double> {1.0, 1.0}));
    QCOMPARE(effectiveNumberWeights(counts, 0.99), (std::vector<double> {1.0, 1.0}));
}

void TestAlphaSuggestions::betaOutOfRangeThrows()
{
    const std::vector<Index> counts {3, 4};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, effectiveNumberWeights(counts, 1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, effectiveNumberWeights(counts, -0.1));
}

QTEST_GUILESS_MAIN(TestAlphaSuggestions)
#include "tst_alpha_suggestions.moc"
