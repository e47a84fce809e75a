#pragma once

#include "roc/bootstrap_report.h"
#include "roc/roc_report.h"

#include <string>

namespace focalscope {

// The text report's bootstrap lines: method, replicates and seed, then per ROC class (named as
// in roc) the AUROC and AP intervals.
std::string bootstrapText(const BootstrapReport& report, const RocReport& roc);

} // namespace focalscope
