#include "report/runs_report.h"

#include <algorithm>
#include <filesystem>

namespace focalscope {

std::vector<std::string> uniqueRunNames(const std::vector<std::string>& paths)
{
    std::vector<std::string> names;
    for (const std::string& path : paths) {
        std::string stem = std::filesystem::path(path).stem().string();
        if (stem.empty())
            stem = "run";
        std::string name = stem;
        for (int k = 2; std::find(names.begin(), names.end(), name) != names.end(); ++k)
            name = stem + "-" + std::to_string(k);
        names.push_back(name);
    }
    return names;
}

std::vector<std::string> otherRunWarnings(const RunsReport& runs)
{
    std::vector<std::string> warnings;
    for (std::size_t k = 1; k < runs.runs.size(); ++k) {
        const ReportedRun& run = runs.runs[k];
        for (const ReadWarning& warning : run.input->warnings)
            warnings.push_back("run " + run.name + ": " + warning.message);
        for (const std::string& warning : run.analysis->warnings)
            warnings.push_back("run " + run.name + ": " + warning);
    }
    return warnings;
}

} // namespace focalscope
