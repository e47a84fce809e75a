#pragma once

#include "calibration/calibration_report.h"
#include "report/json_writer.h"

namespace focalscope {

// "calibration": {"strategy", "bins", "probabilities", "per_class": [{"class", "bins": [{"lo",
// "hi", "count", "mean_predicted", "fraction_positive"}], "ece", "mce", "brier"}], "top_label":
// {"bins", "ece", "mce"}, "brier", "nll", "temperature": {"value", "nll_before", "nll_after",
// "ece_before", "ece_after", "focal_loss_before", "focal_loss_after", "at_bound"}} (DESIGN.md;
// "probabilities" says softmax or sigmoid, "temperature" is null when it was not fitted; the
// ECEs before and after are top-label ones).
void writeCalibration(JsonWriter& json, const CalibrationReport& report);

} // namespace focalscope
