#pragma once

// Realistic-looking inputs for the chart builder tests, made without core's numerics (which
// other tests check): a 5-class detector-like dataset (background ~80%) with Gaussian logits,
// per-class ROC and PR curves computed the plain way (one point per distinct score), focal
// loss per row and the loss concentration curves. Deterministic (test_rng.h).

#include "loss/focal_views.h"
#include "roc/roc_report.h"
#include "test_rng.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace focalscope::testing {

struct SyntheticData {
    std::vector<std::string> names {"background", "person", "car", "bicycle", "dog"};
    Index rows = 0;
    Index classes = 5;
    std::vector<std::int32_t> labels;
    std::vector<double> probabilities; // row-major rows x classes (softmax)
};

inline double uniform01(std::uint64_t seed, std::uint64_t i)
{
    return (static_cast<double>(mix(seed, i) >> 11) + 0.5) / 9007199254740992.0;
}

inline double gaussian(std::uint64_t seed, std::uint64_t i)
{
    const double u = uniform01(seed, 2 * i);
    const double v = uniform01(seed, 2 * i + 1);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
}

inline SyntheticData syntheticData(Index rows = 20000, std::uint64_t seed = 7)
{
    SyntheticData data;
    data.rows = rows;
    const double cumulative[] = {0.80, 0.88, 0.94, 0.97, 1.0};
    const double strength[] = {2.2, 2.0, 1.6, 1.0, 1.3}; // how separable each class is
    data.labels.resize(static_cast<std::size_t>(rows));
    data.probabilities.resize(static_cast<std::size_t>(rows * data.classes));
    for (Index i = 0; i < rows; ++i) {
        const double u = uniform01(seed, static_cast<std::uint64_t>(i));
        const auto label
            = static_cast<std::int32_t>(std::find_if(std::begin(cumulative), std::end(cumulative),
                                            [u](double c) { return u < c; })
                - std::begin(cumulative));
        data.labels[static_cast<std::size_t>(i)] = label;
        double logits[5];
        double top = -1e300;
        for (Index c = 0; c < data.classes; ++c) {
            const auto k = static_cast<std::uint64_t>(i * data.classes + c);
            logits[c] = 1.3 * gaussian(seed + 1, k) + (c == label ? strength[label] : 0.0)
                + (c == 0 ? 1.0 : 0.0);
            top = std::max(top, logits[c]);
        }
        double sum = 0;
        for (Index c = 0; c < data.classes; ++c)
            sum += std::exp(logits[c] - top);
        for (Index c = 0; c < data.classes; ++c)
            data.probabilities[static_cast<std::size_t>(i * data.classes + c)]
                = std::exp(logits[c] - top) / sum;
    }
    return data;
}

// One ROC point per distinct score (no drop_intermediate), PR as scikit-learn orders it.
inline ClassRoc classRoc(const SyntheticData& data, Index c)
{
    std::vector<std::pair<double, bool>> rows;
    for (Index i = 0; i < data.rows; ++i)
        rows.emplace_back(data.probabilities[static_cast<std::size_t>(i * data.classes + c)],
            data.labels[static_cast<std::size_t>(i)] == c);
    std::sort(rows.begin(), rows.end(), [](auto a, auto b) { return a.first > b.first; });
    ClassRoc roc;
    roc.name = data.names[static_cast<std::size_t>(c)];
    for (const auto& r : rows)
        (r.second ? roc.positives : roc.negatives) += 1;
    RocCurve& curve = roc.roc;
    curve.positives = roc.positives;
    curve.negatives = roc.negatives;
    curve.thresholds.push_back(INFINITY);
    curve.fps.push_back(0);
    curve.tps.push_back(0);
    std::int64_t fp = 0, tp = 0;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        (rows[k].second ? tp : fp) += 1;
        if (k + 1 == rows.size() || rows[k + 1].first != rows[k].first) {
            curve.thresholds.push_back(rows[k].first);
            curve.fps.push_back(fp);
            curve.tps.push_back(tp);
        }
    }
    double area = 0;
    for (std::size_t k = 0; k < curve.fps.size(); ++k) {
        curve.fpr.push_back(static_cast<double>(curve.fps[k]) / static_cast<double>(roc.negatives));
        curve.tpr.push_back(static_cast<double>(curve.tps[k]) / static_cast<double>(roc.positives));
        if (k > 0)
            area += (curve.fpr[k] - curve.fpr[k - 1]) * (curve.tpr[k] + curve.tpr[k - 1]) / 2;
    }
    roc.auroc = area;
    // precision_recall_curve: thresholds ascending, stop once full recall is reached.
    std::size_t last = curve.tps.size() - 1;
    while (last > 1 && curve.tps[last - 1] == roc.positives)
        --last;
    double ap = 0;
    for (std::size_t k = last; k >= 1; --k) {
        const double tps = static_cast<double>(curve.tps[k]);
        const double fps = static_cast<double>(curve.fps[k]);
        roc.pr.precision.push_back(tps / (tps + fps));
        roc.pr.recall.push_back(tps / static_cast<double>(roc.positives));
        roc.pr.thresholds.push_back(curve.thresholds[k]);
    }
    roc.pr.precision.push_back(1.0);
    roc.pr.recall.push_back(0.0);
    for (std::size_t k = 0; k + 1 < roc.pr.recall.size(); ++k)
        ap += (roc.pr.recall[k] - roc.pr.recall[k + 1]) * roc.pr.precision[k];
    roc.averagePrecision = ap;
    return roc;
}

inline RocReport rocReportOf(const SyntheticData& data)
{
    RocReport report;
    report.binary = false;
    double macro = 0;
    for (Index c = 0; c < data.classes; ++c) {
        report.classes.push_back(classRoc(data, c));
        macro += report.classes.back().auroc;
    }
    report.macro = macro / static_cast<double>(data.classes);
    // Micro average: the flattened one-hot problem.
    SyntheticData flat;
    flat.rows = data.rows * data.classes;
    flat.classes = 1;
    flat.names = {"micro"};
    for (Index i = 0; i < data.rows; ++i)
        for (Index c = 0; c < data.classes; ++c) {
            flat.probabilities.push_back(
                data.probabilities[static_cast<std::size_t>(i * data.classes + c)]);
            flat.labels.push_back(data.labels[static_cast<std::size_t>(i)] == c ? 0 : 1);
        }
    const ClassRoc micro = classRoc(flat, 0);
    report.microRoc = micro.roc;
    report.micro = micro.auroc;
    return report;
}

// Softmax focal loss per row: -alpha_t (1 - p_t)^gamma log p_t, alpha = [a, 1-a, ...].
inline FocalLossResult focalLossOf(const SyntheticData& data, double alpha, double gamma)
{
    FocalLossResult result;
    result.pt.resize(data.rows);
    result.perRow.resize(data.rows);
    double sum = 0;
    for (Index i = 0; i < data.rows; ++i) {
        const std::int32_t t = data.labels[static_cast<std::size_t>(i)];
        const double pt = data.probabilities[static_cast<std::size_t>(i * data.classes + t)];
        const double a = t == 0 ? alpha : 1 - alpha;
        result.pt[i] = pt;
        result.perRow[i] = -a * std::pow(1 - pt, gamma) * std::log(pt);
        sum += result.perRow[i];
    }
    result.counted = data.rows;
    result.value = sum / static_cast<double>(data.rows);
    return result;
}

inline ConcentrationCurve concentrationOf(std::vector<double> losses)
{
    ConcentrationCurve curve;
    curve.rows = static_cast<Index>(losses.size());
    std::sort(losses.begin(), losses.end());
    const double total = std::accumulate(losses.begin(), losses.end(), 0.0);
    curve.fraction.push_back(0.0);
    curve.cumulative.push_back(0.0);
    double running = 0;
    for (std::size_t k = 0; k < losses.size(); ++k) {
        running += losses[k];
        curve.fraction.push_back(static_cast<double>(k + 1) / static_cast<double>(losses.size()));
        curve.cumulative.push_back(running / total);
    }
    return curve;
}

inline LossConcentration concentrationOf(const SyntheticData& data, const FocalLossResult& loss)
{
    std::vector<double> background, foreground;
    for (Index i = 0; i < data.rows; ++i)
        (data.labels[static_cast<std::size_t>(i)] == 0 ? background : foreground)
            .push_back(loss.perRow[i]);
    return {concentrationOf(background), concentrationOf(foreground)};
}

inline LabelVector labelVectorOf(const SyntheticData& data)
{
    LabelVector labels(data.rows);
    for (Index i = 0; i < data.rows; ++i)
        labels[i] = data.labels[static_cast<std::size_t>(i)];
    return labels;
}

} // namespace focalscope::testing
