#pragma once

// Inputs of the generated cases of tests/reference/gen_roc.py (rebuilt from their seeds, as
// gen_roc.py builds them) and plain reference implementations the fast paths are checked against.

#include "data/predictions.h"
#include "fixture.h"
#include "test_rng.h"

#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

namespace focalscope::testing {

struct BinaryInputs {
    std::vector<float> scores;
    std::vector<float> scores2; // the second column of the paired DeLong test
    std::vector<std::uint8_t> positive;
};

// gen_roc.py binary_inputs: scores on a 2^bits grid, positive = label of k groups < p.
inline BinaryInputs binaryInputs(const QJsonObject& c)
{
    const auto seed = static_cast<std::uint64_t>(c[QStringLiteral("seed")].toInteger());
    const auto n = c[QStringLiteral("n")].toInteger();
    BinaryInputs in;
    in.scores = randomUnitScores(seed, n, c[QStringLiteral("bits")].toInt());
    if (c[QStringLiteral("round2")].toBool()) // rounded to 2 decimals in double, then float32
        for (float& s : in.scores)
            s = static_cast<float>(std::rint(static_cast<double>(s) * 100.0) / 100.0);
    in.scores2 = randomUnitScores(seed + 7, n, c[QStringLiteral("bits2")].toInt());
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
    in.scores = randomUnitScores(seed, n, bits);
    in.scores2 = randomUnitScores(seed ^ 0xABCDu, n, bits + 1);
    for (const std::int32_t g : randomLabels(seed + 1, n, groups))
        in.positive.push_back(g < positiveGroups ? 1 : 0);
    return in;
}

// Mann-Whitney by comparing every positive with every negative: O(mn).
inline double mannWhitneyAuroc(
    const std::vector<float>& scores, const std::vector<std::uint8_t>& positive)
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
    const std::vector<float>& scores, const std::vector<std::uint8_t>& positive)
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

inline bool closeOrBothNaN(double actual, double expected, double tolerance)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::abs(actual - expected) <= tolerance;
}

} // namespace focalscope::testing
