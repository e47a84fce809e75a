#pragma once

#include "report/json_writer.h"
#include "roc/bootstrap_report.h"

namespace focalscope {

// "bootstrap": {"method", "replicates", "seed", "level", "ci95", "average_precision_ci95"}: the
// intervals of AUROC and AP, [lo, hi] for a binary task and one [lo, hi] per class (the order of
// auroc.per_class) for a multiclass one; null bounds where undefined. With a band
// (options.bandPoints > 0), "band": {"fpr", "tpr", "tpr_lo", "tpr_hi"} (the pointwise ROC band:
// at each FPR the full sample's TPR and the replicates' interval), one per class for a multiclass
// task, null for a class without positives or negatives. "cancelled" only when true.
void writeBootstrap(JsonWriter& json, const BootstrapReport& report);

} // namespace focalscope
