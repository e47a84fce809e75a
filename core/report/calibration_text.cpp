#include "report/calibration_text.h"

#include "report/text_number.h"

#include <cmath>
#include <cstdio>

namespace focalscope {

std::string calibrationText(const CalibrationReport& report)
{
    std::string out = "\ncalibration (" + std::string(lossModeName(report.mode))
        + " probabilities, " + std::to_string(report.bins) + " " + binStrategyName(report.strategy)
        + " bins): top-label ECE " + textNumber(report.topLabel.ece) + ", MCE "
        + textNumber(report.topLabel.mce) + ", Brier " + textNumber(report.brier) + ", NLL "
        + textNumber(report.nll) + "\n";
    for (const ClassCalibration& c : report.perClass)
        out += "  class " + c.name + ": ECE " + textNumber(c.curve.ece) + ", MCE "
            + textNumber(c.curve.mce) + ", Brier " + textNumber(c.brier) + "\n";
    if (report.hasTemperature) {
        const TemperatureSummary& t = report.temperature;
        out += "temperature scaling: T = " + textNumber(t.fit.temperature)
            + (t.fit.atBound ? " (at the search's bound)" : "") + ", NLL "
            + textNumber(t.fit.nllBefore) + " -> " + textNumber(t.fit.nllAfter) + ", ECE "
            + textNumber(t.eceBefore) + " -> " + textNumber(t.eceAfter) + ", focal loss "
            + textNumber(t.focalLossBefore, 6) + " -> " + textNumber(t.focalLossAfter, 6) + "\n";
    }
    return out;
}

} // namespace focalscope
