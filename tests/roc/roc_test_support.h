#pragma once

// Inputs of the generated cases of tests/reference/gen_roc.py (rebuilt from their seeds, as
// gen_roc.py builds them) and plain reference implementations the fast paths are checked against.

#include "data/predictions.h"
#include "fixture.h"
#include "roc/delong.h"
#include "test_rng.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

namespace focalscope::testing {

// Scores are generated as float32 (bit-identical with NumPy) and widened to double.
struct BinaryInputs {
    std::vector<double> scores;
    std::vector<double> scores2; // the second column of the paired DeLong test
    std::vector<std::uint8_t> positive;
};

// One _data() row per case of gen_roc.py's binary_cases.json, in the column "expected".
inline void addBinaryCaseRows()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c :
        loadJson(QStringLiteral("reference/fixtures/roc/binary_cases.json")).array())
        QTest::addRow("seed%lld_n%lld", c[QStringLiteral("seed")].toInteger(),
            c[QStringLiteral("n")].toInteger())
            << c.toObject();
}

// gen_roc.py binary_inputs: scores on a 2^bits grid, positive = label of k groups < p.
inline BinaryInputs binaryInputs(const QJsonObject& c)
{
    const auto seed = static_cast<std::uint64_t>(c[QStringLiteral("seed")].toInteger());
    const auto n = c[QStringLiteral("n")].toInteger();
    BinaryInputs in;
    std::vector<float> scores = randomUnitScores(seed, n, c[QStringLiteral("bits")].toInt());
    if (c[QStringLiteral("round2")].toBool()) // rounded to 2 decimals in double, then float32
        for (float& s : scores)
            s = static_cast<float>(std::rint(static_cast<double>(s) * 100.0) / 100.0);
    in.scores.assign(scores.begin(), scores.end());
    const std::vector<float> scores2
        = randomUnitScores(seed + 7, n, c[QStringLiteral("bits2")].toInt());
    in.scores2.assign(scores2.begin(), scores2.end());
    const std::vector<std::int32_t> groups
        = randomLabels(seed, n, c[QStringLiteral("k")].toInteger());
    const int p = c[QStringLiteral("p")].toInt();
    for (const std::int32_t g : groups)
        in.positive.push_back(g < p ? 1 : 0);
    return in;
}

// gen_roc.py report_inputs.
inline Predictions reportInputs(const QJsonObject& c)
{
    const auto seed = static_cast<std::uint64_t>(c[QStringLiteral("seed")].toInteger());
    const auto n = c[QStringLiteral("n")].toInteger();
    const auto classes = c[QStringLiteral("classes")].toInteger();
    const auto targets = classes == 1 ? 2 : classes;
    const auto labelClasses
        = std::min<std::int64_t>(c[QStringLiteral("labelClasses")].toInteger(), targets);
    const double signal = c[QStringLiteral("signal")].toDouble();
    const int grid = c[QStringLiteral("grid")].toInt();
    const int ignoreEvery = c[QStringLiteral("ignoreEvery")].toInt();

    std::vector<std::int32_t> labels = randomLabels(seed, n, labelClasses);
    std::vector<float> x; // row-major
    if (classes == 1) {
        x = randomLogits(
            seed, n, 1, std::vector<std::int32_t>(static_cast<std::size_t>(n), 0), 0.0);
        for (std::int64_t i = 0; i < n; ++i)
            x[static_cast<std::size_t>(i)]
                = static_cast<float>(static_cast<double>(x[static_cast<std::size_t>(i)])
                    + signal * labels[static_cast<std::size_t>(i)]);
    } else {
        x = randomLogits(seed, n, classes, labels, signal);
    }
    if (grid != 0)
        for (float& v : x)
            v = static_cast<float>(std::floor(static_cast<double>(v) * grid) / grid);
    if (ignoreEvery != 0)
        for (std::int64_t i = 0; i < n; i += ignoreEvery)
            labels[static_cast<std::size_t>(i)] = kDefaultIgnoreIndex;

    Predictions p;
    p.scores.resize(n, classes);
    for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t k = 0; k < classes; ++k)
            p.scores(i, k) = x[static_cast<std::size_t>(i * classes + k)];
    p.labels = Eigen::Map<const LabelVector>(labels.data(), n);
    p.kind = c[QStringLiteral("kind")].toString() == QLatin1String("logits")
        ? ScoreKind::Logits
        : ScoreKind::Probabilities;
    for (std::int64_t k = 0; k < classes; ++k)
        p.classNames.push_back("class_" + std::to_string(k));
    return p;
}

// Tie-heavy random scores and truths generated in the test itself.
inline BinaryInputs tiedInputs(
    std::uint64_t seed, std::int64_t n, int bits, std::int64_t groups, int positiveGroups)
{
    BinaryInputs in;
    const std::vector<float> scores = randomUnitScores(seed, n, bits);
    const std::vector<float> scores2 = randomUnitScores(seed ^ 0xABCDu, n, bits + 1);
    in.scores.assign(scores.begin(), scores.end());
    in.scores2.assign(scores2.begin(), scores2.end());
    for (const std::int32_t g : randomLabels(seed + 1, n, groups))
        in.positive.push_back(g < positiveGroups ? 1 : 0);
    return in;
}

// Mann-Whitney by comparing every positive with every negative: O(mn).
inline double mannWhitneyAuroc(
    const std::vector<double>& scores, const std::vector<std::uint8_t>& positive)
{
    double u = 0.0;
    std::int64_t m = 0;
    std::int64_t n = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!positive[i])
            continue;
        ++m;
        for (std::size_t j = 0; j < scores.size(); ++j)
            if (!positive[j])
                u += scores[i] > scores[j] ? 1.0 : (scores[i] == scores[j] ? 0.5 : 0.0);
    }
    n = static_cast<std::int64_t>(scores.size()) - m;
    if (m == 0 || n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return u / (static_cast<double>(m) * static_cast<double>(n));
}

// The undropped curve by std::sort: descending, one point per distinct score, (0, 0) first.
struct PlainCurve {
    std::vector<double> thresholds;
    std::vector<std::int64_t> fps;
    std::vector<std::int64_t> tps;
};
inline PlainCurve plainCurve(
    const std::vector<double>& scores, const std::vector<std::uint8_t>& positive)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t {0});
    std::sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    PlainCurve curve;
    curve.thresholds.push_back(std::numeric_limits<double>::infinity());
    curve.fps.push_back(0);
    curve.tps.push_back(0);
    std::int64_t fps = 0;
    std::int64_t tps = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        (positive[order[k]] ? tps : fps) += 1;
        if (k + 1 == order.size() || scores[order[k + 1]] != scores[order[k]]) {
            curve.thresholds.push_back(scores[order[k]]);
            curve.fps.push_back(fps);
            curve.tps.push_back(tps);
        }
    }
    return curve;
}

// DeLong's variance straight from its definition: psi(x_i, y_j) for every pair,
// V10_i = mean_j psi, V01_j = mean_i psi, Var = S10 / m + S01 / n.
inline DelongInterval directDelong(
    const std::vector<double>& scores, const std::vector<std::uint8_t>& positive)
{
    std::vector<double> x;
    std::vector<double> y;
    for (std::size_t k = 0; k < scores.size(); ++k)
        (positive[k] ? x : y).push_back(scores[k]);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (x.size() < 2 || y.size() < 2)
        return {nan, nan, nan, nan};
    const auto m = static_cast<double>(x.size());
    const auto n = static_cast<double>(y.size());
    std::vector<double> v10(x.size(), 0.0);
    std::vector<double> v01(y.size(), 0.0);
    double auc = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = 0; j < y.size(); ++j) {
            const double psi = x[i] > y[j] ? 1.0 : (x[i] == y[j] ? 0.5 : 0.0);
            v10[i] += psi / n;
            v01[j] += psi / m;
            auc += psi;
        }
    auc /= m * n;
    double s10 = 0.0;
    double s01 = 0.0;
    for (const double v : v10)
        s10 += (v - auc) * (v - auc);
    for (const double v : v01)
        s01 += (v - auc) * (v - auc);
    const double se = std::sqrt(s10 / (m - 1) / m + s01 / (n - 1) / n);
    constexpr double kZ95 = 1.959963984540054; // qnorm(0.975)
    return {auc, se, std::clamp(auc - kZ95 * se, 0.0, 1.0), std::clamp(auc + kZ95 * se, 0.0, 1.0)};
}

// AP by the definition over the std::sort curve: sum_n (R_n - R_{n-1}) P_n.
inline double plainAveragePrecision(
    const std::vector<double>& scores, const std::vector<std::uint8_t>& positive)
{
    const PlainCurve curve = plainCurve(scores, positive);
    const std::int64_t positives = curve.tps.back();
    if (positives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    double ap = 0.0;
    for (std::size_t k = 1; k < curve.tps.size(); ++k) {
        const double precision
            = static_cast<double>(curve.tps[k]) / static_cast<double>(curve.tps[k] + curve.fps[k]);
        ap += static_cast<double>(curve.tps[k] - curve.tps[k - 1]) / static_cast<double>(positives)
            * precision;
    }
    return ap;
}

// Hand & Till straight from the definition: for every pair a < b of classes with rows, the
// Mann-Whitney AUROC of the rows of a and b ranked by column a (positives: class a) and by
// column b, averaged.
inline double plainHandTill(const ScoreMatrix& scores, const Predictions& p)
{
    double sum = 0.0;
    int pairs = 0;
    for (Index a = 0; a < scores.cols(); ++a)
        for (Index b = a + 1; b < scores.cols(); ++b) {
            std::vector<double> byA, byB;
            std::vector<std::uint8_t> isA, isB;
            for (Index i = 0; i < scores.rows(); ++i) {
                if (p.labels[i] != a && p.labels[i] != b)
                    continue;
                byA.push_back(scores(i, a));
                isA.push_back(p.labels[i] == a ? 1 : 0);
                byB.push_back(scores(i, b));
                isB.push_back(p.labels[i] == b ? 1 : 0);
            }
            const double ab = mannWhitneyAuroc(byA, isA);
            const double ba = mannWhitneyAuroc(byB, isB);
            if (std::isnan(ab) || std::isnan(ba))
                continue;
            sum += (ab + ba) / 2.0;
            ++pairs;
        }
    return pairs > 0 ? sum / pairs : std::numeric_limits<double>::quiet_NaN();
}

inline bool closeOrBothNaN(double actual, double expected, double tolerance)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::abs(actual - expected) <= tolerance;
}

} // namespace focalscope::testing
