#pragma once

#include "calibration/calibration_report.h"

#include <string>

namespace focalscope {

// The text report's calibration lines: strategy and bins, top-label ECE and MCE, Brier, NLL, a
// line per class, and temperature scaling's before -> after.
std::string calibrationText(const CalibrationReport& report);

} // namespace focalscope
