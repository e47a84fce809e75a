#include "summary/summary_analysis.h"

#include "roc/ranked_scores.h"

#include <cmath>
#include <limits>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

SummaryRoc summaryRoc(const Summary& s)
{
    SummaryRoc out;
    double lo = 0.0, hi = 0.0, wlo = 0.0, whi = 0.0, weight = 0.0, ap = 0.0;
    int defined = 0, apDefined = 0;
    for (int c = 0; c < s.classes(); ++c) {
        const auto pos = classCounts(s.posCounts, s, c);
        const auto neg = classCounts(s.negCounts, s, c);
        SummaryClassRoc n;
        n.auroc = binnedAuroc(pos, neg);
        n.delong = binnedDelong(pos, neg);
        n.averagePrecision = binnedAveragePrecision(pos, neg);
        for (std::size_t b = 0; b < pos.size(); ++b) {
            n.positives += pos[b];
            n.negatives += neg[b];
        }
        if (std::isnan(n.auroc.value)) {
            out.warnings.push_back("AUROC of class " + s.classNames[static_cast<std::size_t>(c)]
                + " is undefined: it has no positive or no negative rows");
        } else {
            lo += n.auroc.lower();
            hi += n.auroc.upper();
            const auto w = static_cast<double>(n.positives);
            wlo += w * n.auroc.lower();
            whi += w * n.auroc.upper();
            weight += w;
            ++defined;
        }
        if (!std::isnan(n.averagePrecision)) {
            ap += n.averagePrecision;
            ++apDefined;
        }
        out.perClass.push_back(n);
    }
    out.macro = out.weighted = out.micro = {kNaN, kNaN};
    // An average's bounds are the averages of the bounds; its value their midpoint.
    if (defined) {
        out.macro = {0.5 * (lo + hi) / defined, 0.5 * (hi - lo) / defined};
        out.weighted = {0.5 * (wlo + whi) / weight, 0.5 * (whi - wlo) / weight};
    }
    out.apMacro = apDefined ? ap / apDefined : kNaN;
    if (!s.binary)
        out.micro = binnedAuroc(microCounts(s.posCounts, s), microCounts(s.negCounts, s));
    out.warnings.push_back("binned: numbers come from a summary; AUROC and focal loss carry the "
                           "exact bounds of the unbinned values");
    return out;
}

LossAnalysis summaryLossAnalysis(const FocalParams& params, const SummaryLoss& loss)
{
    LossAnalysis a;
    a.params = params;
    a.alpha = Eigen::Map<const Eigen::VectorXd>(
        loss.alpha.data(), static_cast<Index>(loss.alpha.size()));
    a.loss.value = loss.value.mid();
    double total = 0.0;
    for (std::size_t t = 0; t < loss.rows.size(); ++t) {
        a.loss.counted += loss.rows[t];
        if (loss.rows[t] > 0)
            total += static_cast<double>(loss.rows[t]) * loss.classMean[t].mid();
    }
    for (std::size_t t = 0; t < loss.rows.size(); ++t) {
        ClassLoss c;
        c.samples = loss.rows[t];
        c.mean = loss.classMean[t].mid();
        c.share = c.samples == 0 ? 0.0
            : total > 0.0        ? static_cast<double>(c.samples) * c.mean / total
                                 : kNaN;
        a.perClass.push_back(c);
    }
    a.easyShare = kNaN;
    return a;
}

} // namespace focalscope
