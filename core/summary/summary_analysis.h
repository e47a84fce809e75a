#pragma once

// A summary's numbers in the result types the window shows for predictions (DESIGN.md,
// Summaries: past one machine), with the bounds beside them: the ROC side once per summary, the
// focal loss on every alpha or gamma change. Both O(bins), whatever the number of rows.

#include "report/analysis.h"
#include "roc/roc_report.h"
#include "summary/summary.h"
#include "summary/summary_loss.h"
#include "summary/summary_roc.h"

#include <cstddef>
#include <string>
#include <vector>

namespace focalscope {

struct SummaryClassRoc {
    BinnedAuroc auroc;
    BinnedDelong delong;
    double averagePrecision = 0.0;
    std::int64_t positives = 0;
    std::int64_t negatives = 0;
};

// Per class the binned AUROC with its exact interval, DeLong's interval and AP; the macro and
// weighted averages (their bounds the averages of the classes' bounds, the value their
// midpoint) over the classes with a defined AUROC, and the micro average (the counts of every
// class added). A binary summary has one class, its positive one.
struct SummaryRoc {
    std::vector<SummaryClassRoc> perClass;
    BinnedAuroc macro, weighted, micro;
    double apMacro = 0.0;
    std::vector<std::string> warnings;
};
SummaryRoc summaryRoc(const Summary& summary);

// The binned curves as a RocReport: summaryRocReport (summary_roc_report.h).

// The focal loss of summaryFocalLoss() as a LossAnalysis: the loss and the per-class means are
// the brackets' midpoints, the shares those of the midpoints; no per-row values, no
// concentration curves, easy share NaN (they need the rows).
LossAnalysis summaryLossAnalysis(const FocalParams& params, const SummaryLoss& loss);

} // namespace focalscope
