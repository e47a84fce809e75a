#include "report/calibration_text.h"

#include <cmath>
#include <cstdio>

namespace focalscope {

namespace {

std::string number(double value, int decimals = 4)
{
    if (!std::isfinite(value))
        return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace

std::string calibrationText(const CalibrationReport& report)
{
    std::string out = "\ncalibration (" + std::string(lossModeName(report.mode))
        + " probabilities, " + std::to_string(report.bins) + " " + binStrategyName(report.strategy)
        + " bins): top-label ECE " + number(report.topLabel.ece) + ", MCE "
        + number(report.topLabel.mce) + ", Brier " + number(report.brier) + ", NLL "
        + number(report.nll) + "\n";
    for (const ClassCalibration& c : report.perClass)
        out += "  class " + c.name + ": ECE " + number(c.curve.ece) + ", MCE " + number(c.curve.mce)
            + ", Brier " + number(c.brier) + "\n";
    if (report.hasTemperature) {
        const TemperatureSummary& t = report.temperature;
        out += "temperature scaling: T = " + number(t.fit.temperature)
            + (t.fit.atBound ? " (at the search's bound)" : "") + ", NLL " + number(t.fit.nllBefore)
            + " -> " + number(t.fit.nllAfter) + ", ECE " + number(t.eceBefore) + " -> "
            + number(t.eceAfter) + ", focal loss " + number(t.focalLossBefore, 6) + " -> "
            + number(t.focalLossAfter, 6) + "\n";
    }
    return out;
}

} // namespace focalscope
