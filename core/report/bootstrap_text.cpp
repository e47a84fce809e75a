#include "report/bootstrap_text.h"

#include <cmath>
#include <cstdio>

namespace focalscope {

namespace {

std::string interval(const PercentileInterval& ci)
{
    if (!std::isfinite(ci.lower) || !std::isfinite(ci.upper))
        return "n/a";
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "[%.4f, %.4f]", ci.lower, ci.upper);
    return buffer;
}

} // namespace

std::string bootstrapText(const BootstrapReport& report, const RocReport& roc)
{
    char level[32];
    std::snprintf(level, sizeof level, "%g%%", 100.0 * report.options.level);
    std::string out = "\nbootstrap (" + std::string(report.method) + ", "
        + std::to_string(report.options.replicates) + " replicates, seed "
        + std::to_string(report.options.seed) + ")" + (report.cancelled ? " cancelled" : "")
        + ":\n";
    for (std::size_t c = 0; c < report.classes.size(); ++c) {
        const std::string name = c < roc.classes.size() ? roc.classes[c].name : std::to_string(c);
        out += "  class " + name + ": AUROC " + level + " CI " + interval(report.classes[c].aurocCi)
            + ", AP " + level + " CI " + interval(report.classes[c].averagePrecisionCi) + "\n";
    }
    return out;
}

} // namespace focalscope
