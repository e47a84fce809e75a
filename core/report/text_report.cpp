#include "report/text_report.h"

#include "report/bootstrap_text.h"
#include "report/calibration_text.h"
#include "report/runs_text.h"
#include "report/text_number.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace focalscope {

namespace {

// A threshold in 6 significant digits (scores may be logits or tiny probabilities).
std::string thresholdText(double value)
{
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

std::string interval(const DelongInterval& ci)
{
    if (!std::isfinite(ci.lower))
        return "n/a";
    std::string text(1, '[');
    text += textNumber(ci.lower);
    text += ", ";
    text += textNumber(ci.upper);
    text += ']';
    return text;
}

std::string padded(const std::string& text, std::size_t width)
{
    return text.size() >= width ? text + ' ' : text + std::string(width - text.size(), ' ');
}

} // namespace

std::string textReport(const std::string& path, const ReadResult& input, const Analysis& analysis,
    bool partialRequested, const RunsReport* runs)
{
    const Predictions& p = input.predictions;
    const LossAnalysis& loss = analysis.loss;
    const RocReport& roc = analysis.roc;
    std::string out;
    out += path + ": " + std::to_string(input.samples) + " rows (" + std::to_string(input.ignored)
        + " ignored, " + std::to_string(input.skipped) + " skipped), "
        + (p.isBinary() ? std::string("binary") : std::to_string(p.classes()) + " classes") + ", "
        + scoreKindName(p.kind) + "\n";
    if (analysis.temperature)
        out += "temperature: every number is of the scores divided by T = "
            + textNumber(*analysis.temperature, 6) + "\n";

    out += "focal loss (" + std::string(lossModeName(loss.params.mode)) + ", gamma "
        + textNumber(loss.params.gamma, 3) + ", alpha [";
    for (Index i = 0; i < loss.alpha.size(); ++i) {
        if (i > 0)
            out += ' ';
        out += textNumber(loss.alpha[i], 3);
    }
    out += "], " + std::string(reductionName(loss.params.reduction))
        + "): " + textNumber(loss.loss.value, 6) + "\n";
    out += "share of the loss from well-classified rows (p_t > 0.5): "
        + textNumber(100.0 * loss.easyShare, 1) + "%\n\n";

    out += padded("class", 14) + padded("rows", 9) + padded("mean loss", 11) + padded("share", 8)
        + padded("AUROC", 8) + padded("95% CI (DeLong)", 19) + "AP\n";
    const std::size_t targets = loss.perClass.size();
    for (std::size_t t = 0; t < targets; ++t) {
        const ClassLoss& cl = loss.perClass[t];
        const std::string name
            = p.isBinary() ? std::to_string(t) : className(p, static_cast<Index>(t));
        std::string line = padded(name, 14) + padded(std::to_string(cl.samples), 9)
            + padded(textNumber(cl.mean), 11) + padded(textNumber(100.0 * cl.share, 1) + "%", 8);
        // A binary task's ROC belongs to label 1; multiclass rows pair up with their class.
        const ClassRoc* c = nullptr;
        if (!roc.binary && t < roc.classes.size())
            c = &roc.classes[t];
        else if (roc.binary && t == 1)
            c = &roc.classes.front();
        if (c)
            line += padded(textNumber(c->auroc), 8) + padded(interval(c->ci), 19)
                + textNumber(c->averagePrecision);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    out += "\n";
    if (roc.binary) {
        if (partialRequested)
            out += "partial AUROC (McClish): " + textNumber(roc.partial) + "\n";
    } else {
        out += "AUROC macro " + textNumber(roc.macro) + ", weighted " + textNumber(roc.weighted)
            + ", micro " + textNumber(roc.micro) + ", one-vs-one " + textNumber(roc.ovo) + "\n";
        out += "AP macro " + textNumber(roc.apMacro) + "\n";
    }
    if (roc.fprRange) {
        std::string range = textNumber(roc.fprRange->low);
        range += "..";
        range += textNumber(roc.fprRange->high);
        for (const ClassRoc& c : roc.classes) {
            out += "partial AUROC over FPR ";
            out += range;
            out += ", class " + c.name + ": " + textNumber(c.partialRange.raw);
            out += " (McClish " + textNumber(c.partialRange.mcclish) + ")\n";
        }
    }
    if (!analysis.operatingPoints.empty()) {
        out += "\noperating points (predicted positive: score >= threshold)\n";
        out += padded("class", 14) + padded("rule", 14) + padded("threshold", 12) + padded("TP", 9)
            + padded("FP", 9) + padded("TN", 9) + padded("FN", 9) + padded("TPR", 8)
            + padded("FPR", 8) + padded("prec.", 8) + padded("F1", 8) + "MCC\n";
        for (const ClassOperatingPoint& entry : analysis.operatingPoints) {
            std::string line = padded(entry.className, 14) + padded(entry.rule.text, 14);
            if (!entry.chosen.point) {
                out += line + "no point: " + entry.chosen.message + "\n";
                continue;
            }
            const OperatingPoint& pt = *entry.chosen.point;
            line += padded(thresholdText(pt.threshold), 12);
            for (const std::int64_t count : {pt.tp, pt.fp, pt.tn, pt.fn})
                line += padded(std::to_string(count), 9);
            line += padded(textNumber(pt.tpr), 8) + padded(textNumber(pt.fpr), 8)
                + padded(textNumber(pt.precision), 8) + padded(textNumber(pt.f1), 8)
                + textNumber(pt.mcc);
            if (entry.rule.kind == OperatingRule::Kind::Cost)
                line += "  expected cost " + textNumber(entry.chosen.expectedCost, 6)
                    + ", iso-cost slope " + textNumber(entry.chosen.isoCostSlope, 6);
            out += line + "\n";
        }
    }
    if (analysis.confusionMatrix) {
        const ConfusionMatrix& matrix = *analysis.confusionMatrix;
        out += "\nconfusion matrix (argmax; rows: true class, columns: predicted)\n";
        std::string header = padded("", 14);
        for (Index c = 0; c < matrix.classes; ++c)
            header += padded(className(p, c), 10);
        while (!header.empty() && header.back() == ' ')
            header.pop_back();
        out += header + "\n";
        for (Index t = 0; t < matrix.classes; ++t) {
            std::string line = padded(className(p, t), 14);
            for (Index c = 0; c < matrix.classes; ++c)
                line += padded(std::to_string(matrix.at(t, c)), 10);
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out += line + "\n";
        }
    }
    if (analysis.calibration)
        out += calibrationText(*analysis.calibration);
    if (analysis.bootstrap)
        out += bootstrapText(*analysis.bootstrap, roc);
    if (runs) {
        if (!out.ends_with("\n\n"))
            out += '\n';
        out += runsText(*runs);
    }
    for (const ReadWarning& warning : input.warnings)
        out += "warning: " + warning.message + "\n";
    for (const std::string& warning : analysis.warnings)
        out += "warning: " + warning + "\n";
    if (runs)
        for (const std::string& warning : otherRunWarnings(*runs))
            out += "warning: " + warning + "\n";
    return out;
}

} // namespace focalscope
