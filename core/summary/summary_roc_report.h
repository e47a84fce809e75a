#pragma once

// A summary's binned scores as the RocReport the prediction path builds, so that the curve CSVs
// (report/curve_csv.h) and the plots (ui/charts) are written by the same code from either.

#include "roc/roc_report.h"
#include "summary/summary.h"

namespace focalscope {

// Per class: the binned AUROC, its DeLong interval and AP (summary_roc.h); one ROC point per
// occupied bin, scores descending from (0, 0) at threshold +inf (no drop_intermediate), with
// exact counts; scikit-learn's precision-recall curve of the binned scores (thresholds
// ascending, ending at precision 1, recall 0). A bin's threshold is its lower edge as a score
// (the sigmoid of the logit edge; a binary logit column's logit itself), the class's exact
// minimum for the underflow bin: a row is at or above a bin's threshold exactly when it is in
// that bin or above. Macro, weighted and micro AUROC and the micro-average curve from the
// binned counts; ovo and partial are NaN (they need rows).
RocReport summaryRocReport(const Summary& summary);

} // namespace focalscope
