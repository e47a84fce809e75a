#include "report/runs_text.h"

#include "report/text_number.h"

#include <cmath>
#include <cstdio>

namespace focalscope {

namespace {

std::string padded(const std::string& text, std::size_t width)
{
    return text.size() >= width ? text + ' ' : text + std::string(width - text.size(), ' ');
}

std::string trimmed(std::string line)
{
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line + "\n";
}

// p in 4 decimals, or 3 significant digits below 0.0001.
std::string pValueText(double p)
{
    if (!std::isfinite(p) || p >= 1e-4)
        return textNumber(p);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2e", p);
    return buffer;
}

// A binary run's AUROC and AP, or a multiclass run's macro averages.
std::string runLine(const ReportedRun& run, char letter, std::size_t nameWidth)
{
    const RocReport& roc = run.analysis->roc;
    const double auroc = roc.binary ? roc.classes.front().auroc : roc.macro;
    const double ap = roc.binary ? roc.classes.front().averagePrecision : roc.apMacro;
    return trimmed(padded(std::string(1, letter), 3) + padded(run.name, nameWidth)
        + padded(std::to_string(run.input->samples), 9)
        + padded(textNumber(run.analysis->loss.loss.value, 6), 12) + padded(textNumber(auroc), 9)
        + padded(textNumber(ap), 9) + run.path);
}

char letterOf(std::size_t k)
{
    return k < 26 ? static_cast<char>('A' + k) : '?';
}

} // namespace

std::string runsText(const RunsReport& report)
{
    std::size_t nameWidth = 6;
    for (const ReportedRun& run : report.runs)
        nameWidth = std::max(nameWidth, run.name.size() + 2);
    const bool multiclass = !report.runs.empty() && !report.runs.front().analysis->roc.binary;
    std::string out = report.folds ? "folds\n" : "runs\n";
    out += trimmed(padded("", 3) + padded("name", nameWidth) + padded("rows", 9)
        + padded("focal loss", 12) + padded(multiclass ? "AUROC*" : "AUROC", 9)
        + padded(multiclass ? "AP*" : "AP", 9) + "path");
    for (std::size_t k = 0; k < report.runs.size(); ++k)
        out += runLine(report.runs[k], letterOf(k), nameWidth);
    if (multiclass)
        out += "* macro averages over the classes\n";
    if (report.runs.front().analysis->calibration) {
        // --calibration: each run's, top-label ECE and MCE, Brier and NLL over every class.
        out += "\n"
            + trimmed(padded("", 3) + padded("calibration", nameWidth) + padded("ECE", 9)
                + padded("MCE", 9) + padded("Brier", 9) + padded("NLL", 9) + "T");
        for (std::size_t k = 0; k < report.runs.size(); ++k) {
            const CalibrationReport* c = report.runs[k].analysis->calibration
                ? &*report.runs[k].analysis->calibration
                : nullptr;
            if (!c)
                continue;
            const std::string t = c->hasTemperature ? textNumber(c->temperature.fit.temperature, 6)
                    + (c->temperature.fit.atBound ? " (at the search bound)" : "")
                                                    : "-";
            out += trimmed(padded(std::string(1, letterOf(k)), 3)
                + padded(report.runs[k].name, nameWidth) + padded(textNumber(c->topLabel.ece), 9)
                + padded(textNumber(c->topLabel.mce), 9) + padded(textNumber(c->brier), 9)
                + padded(textNumber(c->nll), 9) + t);
        }
    }

    if (report.folds) {
        out += "\n"
            + trimmed(padded("class", 14) + padded("mean AUROC", 12) + padded("sd", 9)
                + padded("pooled", 9) + "folds");
        for (const FoldClassSummary& s : report.foldSummaries)
            out += trimmed(padded(s.className, 14) + padded(textNumber(s.aurocMean), 12)
                + padded(textNumber(s.aurocSd), 9) + padded(textNumber(s.pooledAuroc), 9)
                + std::to_string(s.aurocs.size()));
        return out;
    }
    if (report.comparisons.empty())
        return out;
    out += "\ncomparisons (DeLong; delta = AUROC of the first minus the second; Holm over "
        + std::to_string(report.comparisons.size()) + ")\n";
    out += trimmed(padded("class", 14) + padded("runs", 7) + padded("delta", 9)
        + padded("95% CI", 20) + padded("z", 9) + padded("p", 10) + padded("Holm p", 10) + "test");
    for (const RunComparison& c : report.comparisons) {
        const std::string pair = std::string(1, letterOf(static_cast<std::size_t>(c.a))) + " - "
            + letterOf(static_cast<std::size_t>(c.b));
        const std::string ci = std::isfinite(c.ciLower)
            ? "[" + textNumber(c.ciLower) + ", " + textNumber(c.ciUpper) + "]"
            : std::string("n/a");
        std::string test = c.paired ? "paired" : "unpaired";
        if (!c.reason.empty())
            test += " (" + c.reason + ")";
        out += trimmed(padded(c.className, 14) + padded(pair, 7) + padded(textNumber(c.delta), 9)
            + padded(ci, 20) + padded(textNumber(c.z, 3), 9) + padded(pValueText(c.p), 10)
            + padded(pValueText(c.pHolm), 10) + test);
    }
    return out;
}

} // namespace focalscope
