// The stratified bootstrap: each replicate's weighted O(N) statistics against the same resample
// built row by row and ranked again, the same results on any thread count, and a seeded
// simulation of the interval's coverage on binormal data of known AUROC.

#include "parallel/parallel.h"
#include "roc/bootstrap.h"
#include "roc/bootstrap_report.h"
#include "roc/pr_curve.h"
#include "roc/ranked_scores.h"
#include "roc/resampling.h"
#include "roc/roc_curve.h"
#include "roc/roc_statistics.h"
#include "roc/weighted_ranking.h"

#include <QTest>

#include <cmath>
#include <random>
#include <stdexcept>

using namespace focalscope;

namespace {

struct Sample {
    std::vector<double> scores;
    std::vector<double> scores2;
    std::vector<std::uint8_t> positive;
};

// Scores on a coarse grid (many ties, positives and negatives tied together), positives higher.
Sample tiedSample(std::size_t n, unsigned seed)
{
    std::mt19937_64 engine(seed);
    std::uniform_int_distribution<int> grid(0, 12);
    std::bernoulli_distribution coin(0.4);
    Sample s;
    for (std::size_t i = 0; i < n; ++i) {
        const bool positive = coin(engine);
        s.positive.push_back(positive);
        s.scores.push_back(grid(engine) / 4.0 + (positive ? 1.0 : 0.0));
        s.scores2.push_back(grid(engine) / 4.0 + (positive ? 0.5 : 0.0));
    }
    return s;
}

// Replicate r's draws as bootstrapRanked makes them: positives' counts, then negatives'.
void replicateWeights(const BootstrapOptions& options, std::uint64_t stream, std::size_t r,
    std::size_t p, std::size_t n, std::vector<std::uint32_t>& cumPositives,
    std::vector<std::uint32_t>& cumNegatives)
{
    SplitMix64 generator = replicateGenerator(options.seed, stream, r);
    drawCumulativeCounts(generator, p, cumPositives);
    drawCumulativeCounts(generator, n, cumNegatives);
}

// The resample written out: item k of keys repeated weight(k) times.
void repeat(const std::vector<ScoreKey>& keys, const std::vector<std::uint32_t>& cumulative,
    bool positive, Sample& out)
{
    for (std::size_t k = 0; k < keys.size(); ++k)
        for (std::uint32_t w = cumulative[k]; w < cumulative[k + 1]; ++w) {
            out.scores.push_back(keyScore(keys[k]));
            out.positive.push_back(positive);
        }
}

// np.interp(x, fpr, tpr): the last point with fpr <= x, then linear to the next.
double interpolatedTpr(const RocCurve& curve, double x)
{
    std::size_t j = 0;
    while (j + 1 < curve.fpr.size() && curve.fpr[j + 1] <= x)
        ++j;
    if (j + 1 == curve.fpr.size())
        return curve.tpr[j];
    const double t = (x - curve.fpr[j]) / (curve.fpr[j + 1] - curve.fpr[j]);
    return curve.tpr[j] + t * (curve.tpr[j + 1] - curve.tpr[j]);
}

// Phi(x)
double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

} // namespace

class TestBootstrap : public QObject {
    Q_OBJECT

private slots:
    void percentileIntervalIsNumpys();
    void drawsAreUniform();
    void countsPastAByte();
    void weightedReplicatesEqualResampledData();
    void bandEqualsResampledCurves();
    void pairedDeltaEqualsResampledData();
    void sameOnAnyThreadCount();
    void coverageNearNominal();
    void undefinedAndInvalid();
    void cancel();
    void reportPerClass();
};

// np.percentile(np.arange(1, 11), [2.5, 97.5]) = [1.225, 9.775]
void TestBootstrap::percentileIntervalIsNumpys()
{
    std::vector<double> values {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    const PercentileInterval ci = percentileInterval(values, 0.95);
    QCOMPARE(ci.lower, 1.225);
    QCOMPARE(ci.upper, 9.775);
    QCOMPARE(percentileInterval({3.0}, 0.95).upper, 3.0);
    QVERIFY(std::isnan(percentileInterval({}, 0.95).lower));
}

// Over 400 replicates of 997 items, every item is drawn 400 times on average: Pearson's
// chi-square with 996 degrees of freedom (mean 996, sd 44.6) stays within 5 sd.
void TestBootstrap::drawsAreUniform()
{
    constexpr std::size_t kItems = 997;
    constexpr int kReplicates = 400;
    std::vector<double> totals(kItems, 0.0);
    std::vector<std::uint32_t> cumulative;
    for (int r = 0; r < kReplicates; ++r) {
        SplitMix64 generator = replicateGenerator(1, 2, static_cast<std::uint64_t>(r));
        drawCumulativeCounts(generator, kItems, cumulative);
        QCOMPARE(cumulative.size(), kItems + 1);
        QCOMPARE(cumulative.back(), static_cast<std::uint32_t>(kItems));
        for (std::size_t k = 0; k < kItems; ++k)
            totals[k] += cumulative[k + 1] - cumulative[k];
    }
    double chiSquare = 0.0;
    for (const double total : totals)
        chiSquare += (total - kReplicates) * (total - kReplicates) / kReplicates;
    QVERIFY2(std::abs(chiSquare - 996.0) < 5.0 * 44.6, qPrintable(QString::number(chiSquare)));
    SplitMix64 generator(7);
    drawCumulativeCounts(generator, 1, cumulative);
    QCOMPARE(cumulative, (std::vector<std::uint32_t> {0, 1}));
    drawCumulativeCounts(generator, 0, cumulative);
    QCOMPARE(cumulative, (std::vector<std::uint32_t> {0}));
}

// Byte counters wrap past 255: the wraps are added back (1000 draws of one item are 3 wraps and
// 232; of two items, about 1500 each).
void TestBootstrap::countsPastAByte()
{
    SplitMix64 generator(8);
    std::vector<std::uint32_t> cumulative;
    drawCumulativeCounts(generator, 1, 1000, cumulative);
    QCOMPARE(cumulative, (std::vector<std::uint32_t> {0, 1000}));
    drawCumulativeCounts(generator, 2, 3000, cumulative);
    QCOMPARE(cumulative.back(), 3000U);
    // Binomial(3000, 1/2): sd 27.4.
    QVERIFY2(std::abs(static_cast<double>(cumulative[1]) - 1500.0) < 5.0 * 27.4,
        qPrintable(QString::number(cumulative[1])));
    drawCumulativeCounts(generator, 3, 0, cumulative);
    QCOMPARE(cumulative, (std::vector<std::uint32_t> {0, 0, 0, 0}));
}

// The weighted walk over the fixed ranks gives exactly the AUROC (and AP to rounding) of the
// resample written out row by row and ranked again.
void TestBootstrap::weightedReplicatesEqualResampledData()
{
    const Sample sample = tiedSample(300, 1);
    const RankedScores ranked = rankScores(sample.scores, sample.positive);
    BootstrapOptions options;
    options.replicates = 12;
    options.seed = 99;
    const BootstrapResult result = bootstrapRanked(ranked, options, 3);
    QCOMPARE(result.aurocReplicates.size(), std::size_t {12});
    QCOMPARE(result.auroc, aurocOf(ranked));
    std::vector<std::uint32_t> cumP, cumN;
    int differing = 0;
    for (std::size_t r = 0; r < 12; ++r) {
        replicateWeights(
            options, 3, r, ranked.positives.size(), ranked.negatives.size(), cumP, cumN);
        Sample resample;
        repeat(ranked.positives, cumP, true, resample);
        repeat(ranked.negatives, cumN, false, resample);
        QCOMPARE(resample.scores.size(), sample.scores.size());
        const RocStatistics brute = rocStatisticsOf(rankScores(resample.scores, resample.positive));
        QCOMPARE(result.aurocReplicates[r], brute.auroc());
        QVERIFY(std::abs(result.averagePrecisionReplicates[r] - brute.averagePrecision())
            <= 1e-12 * brute.averagePrecision());
        QVERIFY(std::abs(result.averagePrecisionReplicates[r]
                    - averagePrecision(resample.scores, resample.positive))
            <= 1e-12);
        differing += result.aurocReplicates[r] != result.auroc;
    }
    QVERIFY(differing > 6); // the replicates do resample
}

void TestBootstrap::bandEqualsResampledCurves()
{
    const Sample sample = tiedSample(250, 2);
    const RankedScores ranked = rankScores(sample.scores, sample.positive);
    BootstrapOptions options;
    options.replicates = 6;
    options.bandPoints = kDefaultBandPoints;
    const BootstrapResult result = bootstrapRanked(ranked, options);
    QCOMPARE(result.band.fpr.size(), std::size_t {101});
    QCOMPARE(result.band.fpr[50], 0.5);
    const RocCurve full = rocCurveOf(ranked, false);
    std::vector<std::uint32_t> cumP, cumN;
    const WeightedRanking ranking(ranked);
    std::vector<double> tpr(101);
    for (std::size_t k = 0; k < 101; ++k)
        QVERIFY(std::abs(result.band.tpr[k] - interpolatedTpr(full, result.band.fpr[k])) < 1e-12);
    for (std::size_t r = 0; r < 6; ++r) {
        replicateWeights(
            options, 0, r, ranked.positives.size(), ranked.negatives.size(), cumP, cumN);
        Sample resample;
        repeat(ranked.positives, cumP, true, resample);
        repeat(ranked.negatives, cumN, false, resample);
        const RocCurve curve = rocCurveOf(rankScores(resample.scores, resample.positive), false);
        ranking.tprAt(result.band.fpr, cumP, cumN, tpr);
        for (std::size_t k = 0; k < 101; ++k)
            QVERIFY2(std::abs(tpr[k] - interpolatedTpr(curve, result.band.fpr[k])) < 1e-12,
                qPrintable(QStringLiteral("replicate %1, fpr %2: %3 vs %4")
                               .arg(r)
                               .arg(result.band.fpr[k])
                               .arg(tpr[k])
                               .arg(interpolatedTpr(curve, result.band.fpr[k]))));
    }
    for (std::size_t k = 0; k < 101; ++k)
        QVERIFY(result.band.tprLower[k] <= result.band.tprUpper[k]);
    QCOMPARE(result.band.tprLower.back(), 1.0);
}

// Paired: one resample of the rows weighs both columns.
void TestBootstrap::pairedDeltaEqualsResampledData()
{
    const Sample sample = tiedSample(200, 3);
    BootstrapOptions options;
    options.replicates = 8;
    options.seed = 5;
    const PairedBootstrap paired
        = bootstrapPairedDelta(sample.scores, sample.scores2, sample.positive, options);
    QCOMPARE(paired.delta,
        aurocOf(rankScores(sample.scores, sample.positive))
            - aurocOf(rankScores(sample.scores2, sample.positive)));
    std::vector<std::size_t> positives, negatives;
    for (std::size_t i = 0; i < sample.positive.size(); ++i)
        (sample.positive[i] ? positives : negatives).push_back(i);
    std::vector<std::uint32_t> cumP, cumN;
    for (std::size_t r = 0; r < 8; ++r) {
        replicateWeights(options, 0, r, positives.size(), negatives.size(), cumP, cumN);
        Sample resample;
        for (int group = 0; group < 2; ++group) {
            const auto& rows = group == 0 ? positives : negatives;
            const auto& cum = group == 0 ? cumP : cumN;
            for (std::size_t k = 0; k < rows.size(); ++k)
                for (std::uint32_t w = cum[k]; w < cum[k + 1]; ++w) {
                    resample.scores.push_back(sample.scores[rows[k]]);
                    resample.scores2.push_back(sample.scores2[rows[k]]);
                    resample.positive.push_back(group == 0);
                }
        }
        const double delta = aurocOf(rankScores(resample.scores, resample.positive))
            - aurocOf(rankScores(resample.scores2, resample.positive));
        QCOMPARE(paired.deltas[r], delta);
    }
    const PairedBootstrap same
        = bootstrapPairedDelta(sample.scores, sample.scores, sample.positive, options);
    QCOMPARE(same.ci.lower, 0.0);
    QCOMPARE(same.ci.upper, 0.0);
}

void TestBootstrap::sameOnAnyThreadCount()
{
    const Sample sample = tiedSample(20000, 4);
    BootstrapOptions options;
    options.replicates = 200;
    options.seed = 2026;
    options.bandPoints = 21;
    parallel::setMaxThreads(1);
    const BootstrapResult one = bootstrapAuroc(sample.scores, sample.positive, options);
    const PairedBootstrap pairedOne
        = bootstrapPairedDelta(sample.scores, sample.scores2, sample.positive, options);
    parallel::setMaxThreads(2);
    const BootstrapResult two = bootstrapAuroc(sample.scores, sample.positive, options);
    const BootstrapResult batched
        = bootstrapAuroc(sample.scores, sample.positive, options, [](double) { return true; });
    const PairedBootstrap pairedTwo
        = bootstrapPairedDelta(sample.scores, sample.scores2, sample.positive, options);
    parallel::setMaxThreads(0);
    QCOMPARE(one.aurocReplicates, two.aurocReplicates);
    QCOMPARE(one.averagePrecisionReplicates, two.averagePrecisionReplicates);
    QCOMPARE(one.band.tprLower, two.band.tprLower);
    QCOMPARE(one.aurocReplicates, batched.aurocReplicates);
    QCOMPARE(pairedOne.deltas, pairedTwo.deltas);
    QCOMPARE(one.aurocCi.lower, two.aurocCi.lower);
    QCOMPARE(one.aurocCi.upper, two.aurocCi.upper);
    // Another seed, other replicates.
    options.seed = 2027;
    const BootstrapResult other = bootstrapAuroc(sample.scores, sample.positive, options);
    QVERIFY(other.aurocReplicates != one.aurocReplicates);
}

// 200 binormal data sets (100 positives ~ N(mu, 1), 100 negatives ~ N(0, 1), AUROC =
// Phi(mu / sqrt 2) = 0.8), 500 replicates each: the 95% interval covers the true AUROC in
// 95% +- 3 binomial standard deviations (1.5%) of them; a 50% interval in about half.
void TestBootstrap::coverageNearNominal()
{
    const double mu = 1.19023216289999; // sqrt 2 Phi^-1(0.8)
    const double truth = normalCdf(mu / std::sqrt(2.0));
    QVERIFY(std::abs(truth - 0.8) < 1e-13);
    std::mt19937_64 engine(12345);
    std::normal_distribution<double> normal(0.0, 1.0);
    constexpr int kDataSets = 200;
    int covered95 = 0;
    int covered50 = 0;
    BootstrapOptions options;
    options.replicates = 500;
    for (int d = 0; d < kDataSets; ++d) {
        Sample s;
        for (int i = 0; i < 100; ++i) {
            s.scores.push_back(mu + normal(engine));
            s.positive.push_back(1);
            s.scores.push_back(normal(engine));
            s.positive.push_back(0);
        }
        options.seed = static_cast<std::uint64_t>(d);
        options.level = 0.95;
        const BootstrapResult r95 = bootstrapAuroc(s.scores, s.positive, options);
        covered95 += r95.aurocCi.lower <= truth && truth <= r95.aurocCi.upper;
        const PercentileInterval ci50 = percentileInterval(r95.aurocReplicates, 0.5);
        covered50 += ci50.lower <= truth && truth <= ci50.upper;
    }
    const double coverage95 = covered95 / static_cast<double>(kDataSets);
    const double coverage50 = covered50 / static_cast<double>(kDataSets);
    qInfo("coverage of the 95%% interval %.3f, of the 50%% interval %.3f", coverage95, coverage50);
    const double sd95 = std::sqrt(0.95 * 0.05 / kDataSets);
    const double sd50 = std::sqrt(0.5 * 0.5 / kDataSets);
    QVERIFY2(std::abs(coverage95 - 0.95) <= 3.0 * sd95,
        qPrintable(QStringLiteral("95%% coverage %1").arg(coverage95)));
    QVERIFY2(std::abs(coverage50 - 0.5) <= 3.0 * sd50,
        qPrintable(QStringLiteral("50%% coverage %1").arg(coverage50)));
}

void TestBootstrap::undefinedAndInvalid()
{
    const std::vector<double> scores {0.1, 0.2, 0.3};
    const std::vector<std::uint8_t> none {0, 0, 0};
    const BootstrapResult result = bootstrapAuroc(scores, none, BootstrapOptions {});
    QVERIFY(std::isnan(result.auroc));
    QVERIFY(std::isnan(result.aurocCi.lower));
    QVERIFY(result.aurocReplicates.empty());
    BootstrapOptions bad;
    bad.replicates = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bootstrapAuroc(scores, none, bad));
    bad.replicates = 10;
    bad.level = 1.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bootstrapAuroc(scores, none, bad));
    bad.level = 0.95;
    bad.bandPoints = 1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bootstrapAuroc(scores, none, bad));
}

void TestBootstrap::cancel()
{
    const Sample sample = tiedSample(1000, 5);
    BootstrapOptions options;
    options.replicates = 1000;
    int calls = 0;
    const BootstrapResult result
        = bootstrapAuroc(sample.scores, sample.positive, options, [&](double fraction) {
              ++calls;
              return fraction < 0.3;
          });
    QVERIFY(result.cancelled);
    QVERIFY(result.aurocReplicates.empty());
    QVERIFY(calls > 1 && calls < 50);
}

// One result per ROC class, class c from stream c; ignored rows left out.
void TestBootstrap::reportPerClass()
{
    Predictions p; // probabilities in name: ranked as they are, as the binary column below
    p.kind = ScoreKind::Probabilities;
    const Index rows = 400;
    p.scores.resize(rows, 3);
    p.labels.resize(rows);
    std::mt19937_64 engine(6);
    std::normal_distribution<double> normal(0.0, 1.0);
    for (Index i = 0; i < rows; ++i) {
        p.labels[i] = static_cast<std::int32_t>(i % 3);
        for (Index c = 0; c < 3; ++c)
            p.scores(i, c) = normal(engine) + (c == p.labels[i] ? 1.0 : 0.0);
    }
    p.labels[7] = kDefaultIgnoreIndex;
    p.scores(7, 0) = std::nan("");
    BootstrapOptions options;
    options.replicates = 100;
    const BootstrapReport report = bootstrapReport(p, options);
    QCOMPARE(report.classes.size(), std::size_t {3});
    QVERIFY(!report.binary);
    for (const BootstrapResult& c : report.classes) {
        QVERIFY(c.aurocCi.lower < c.auroc && c.auroc < c.aurocCi.upper);
        QVERIFY(c.averagePrecisionCi.lower < c.averagePrecisionCi.upper);
    }
    QVERIFY(report.classes[0].aurocReplicates != report.classes[1].aurocReplicates);
    Predictions binary;
    binary.kind = ScoreKind::Probabilities;
    binary.scores = p.scores.col(0);
    binary.labels = p.labels.unaryExpr([](std::int32_t y) { return y < 0 ? y : (y == 0 ? 1 : 0); });
    const BootstrapReport one = bootstrapReport(binary, options);
    QCOMPARE(one.classes.size(), std::size_t {1});
    QVERIFY(one.binary);
    QCOMPARE(one.classes[0].auroc, report.classes[0].auroc);
}

QTEST_GUILESS_MAIN(TestBootstrap)
#include "tst_bootstrap.moc"
