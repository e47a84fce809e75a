#include "summary/summary_roc_report.h"

#include "summary/summary_roc.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The lowest score of bin k's rows can be: its lower logit edge as a score.
double binThreshold(const Summary& s, std::int64_t k, double scoreMin)
{
    if (k == 0)
        return scoreMin;
    const double z = s.edge(k);
    if (s.kind == ScoreKind::Logits && s.binary)
        return z;
    return 1.0 / (1.0 + std::exp(-z)); // p = sigmoid(z)
}

RocCurve binnedRoc(const Summary& s, std::span<const std::int64_t> pos,
    std::span<const std::int64_t> neg, double scoreMin)
{
    RocCurve curve;
    for (std::size_t b = 0; b < pos.size(); ++b) {
        curve.positives += pos[b];
        curve.negatives += neg[b];
    }
    curve.thresholds.push_back(std::numeric_limits<double>::infinity());
    curve.tps.push_back(0);
    curve.fps.push_back(0);
    std::int64_t tp = 0, fp = 0;
    for (std::size_t b = pos.size(); b-- > 0;) {
        if (pos[b] == 0 && neg[b] == 0)
            continue;
        tp += pos[b];
        fp += neg[b];
        curve.thresholds.push_back(binThreshold(s, static_cast<std::int64_t>(b), scoreMin));
        curve.tps.push_back(tp);
        curve.fps.push_back(fp);
    }
    fillRates(curve);
    return curve;
}

// scikit-learn's precision_recall_curve of the binned scores (as roc/pr_curve.cpp builds it).
PrCurve binnedPr(const RocCurve& roc)
{
    PrCurve curve;
    for (std::size_t i = roc.tps.size(); i-- > 1;) {
        const auto tp = static_cast<double>(roc.tps[i]);
        const auto fp = static_cast<double>(roc.fps[i]);
        curve.thresholds.push_back(roc.thresholds[i]);
        curve.precision.push_back(tp / (tp + fp));
        // Without positives scikit-learn sets every recall to 1.
        curve.recall.push_back(roc.positives == 0 ? 1.0 : tp / static_cast<double>(roc.positives));
    }
    curve.precision.push_back(1.0);
    curve.recall.push_back(0.0);
    return curve;
}

} // namespace

RocReport summaryRocReport(const Summary& s)
{
    RocReport report;
    report.binary = s.binary;
    double macro = 0.0, weighted = 0.0, weight = 0.0, apMacro = 0.0;
    int defined = 0, apDefined = 0;
    for (int c = 0; c < s.classes(); ++c) {
        const auto pos = classCounts(s.posCounts, s, c);
        const auto neg = classCounts(s.negCounts, s, c);
        ClassRoc entry;
        entry.name = s.classNames[static_cast<std::size_t>(c)];
        entry.roc = binnedRoc(s, pos, neg, s.scoreMin[static_cast<std::size_t>(c)]);
        entry.pr = binnedPr(entry.roc);
        entry.positives = entry.roc.positives;
        entry.negatives = entry.roc.negatives;
        entry.auroc = binnedAuroc(pos, neg).value;
        const BinnedDelong delong = binnedDelong(pos, neg);
        entry.ci = {entry.auroc, delong.se, delong.lower, delong.upper};
        entry.averagePrecision = binnedAveragePrecision(pos, neg);
        entry.partialRange = {kNaN, kNaN};
        if (!std::isnan(entry.auroc)) {
            macro += entry.auroc;
            weighted += static_cast<double>(entry.positives) * entry.auroc;
            weight += static_cast<double>(entry.positives);
            ++defined;
        }
        if (!std::isnan(entry.averagePrecision)) {
            apMacro += entry.averagePrecision;
            ++apDefined;
        }
        report.classes.push_back(std::move(entry));
    }
    report.macro = defined ? macro / defined : kNaN;
    report.weighted = weight > 0 ? weighted / weight : kNaN;
    report.apMacro = apDefined ? apMacro / apDefined : kNaN;
    report.ovo = s.binary && !report.classes.empty() ? report.classes.front().auroc : kNaN;
    report.partial = kNaN;
    if (!s.binary) {
        const std::vector<std::int64_t> pos = microCounts(s.posCounts, s);
        const std::vector<std::int64_t> neg = microCounts(s.negCounts, s);
        report.micro = binnedAuroc(pos, neg).value;
        double scoreMin = std::numeric_limits<double>::infinity();
        for (const double v : s.scoreMin)
            if (!std::isnan(v))
                scoreMin = std::min(scoreMin, v);
        report.microRoc = binnedRoc(s, pos, neg, scoreMin);
    } else {
        report.micro = report.classes.empty() ? kNaN : report.classes.front().auroc;
    }
    return report;
}

} // namespace focalscope
