#pragma once

#include "calibration/calibration_report.h"
#include "data/predictions.h"
#include "loss/focal_loss.h"
#include "loss/focal_views.h"
#include "report/operating_points.h"
#include "roc/bootstrap_report.h"
#include "roc/confusion_matrix.h"
#include "roc/roc_report.h"

#include <optional>
#include <string>
#include <vector>

namespace focalscope {

// What depends on alpha and gamma: recomputed on every slider move from a PtCache.
// The concentration curves hold at most kConcentrationPoints points each (focal_views.h).
struct LossAnalysis {
    FocalParams params;
    Eigen::VectorXd alpha; // effective per-target weights
    FocalLossResult loss;
    std::vector<ClassLoss> perClass;
    LossConcentration concentration;
    double easyShare = 0.0;
};

// One fused pass over the cache on all cores (losses, per-class sums, easy share), then the
// concentration curves along the cache's ConcentrationOrder, without a sort for one alpha per
// group.
LossAnalysis analyzeLoss(const PtCache& cache, const FocalParams& params, Index targetClasses);

// The same numbers in one streaming pass over the predictions, without a PtCache or any per-row
// array: loss.perRow and loss.pt stay empty, and so do the concentration curves (their `rows`
// are set).
LossAnalysis summarizeLoss(const Predictions& predictions, const FocalParams& params);

// Everything the CLI reports and the window shows.
struct Analysis {
    LossAnalysis loss;
    RocReport roc;
    std::optional<CalibrationReport> calibration; // when AnalysisOptions::calibration is set
    std::optional<BootstrapReport> bootstrap; // when AnalysisOptions::bootstrap is set
    std::vector<std::string> warnings; // from the ROC analysis and the parameters
    // AnalysisOptions::operatingRules on every class (classOperatingPoints), rule by rule.
    std::vector<ClassOperatingPoint> operatingPoints;
    std::optional<ConfusionMatrix> confusionMatrix; // the argmax matrix of a multiclass task
    // The temperature the scores were divided by before every number (temperatureScaled:
    // focalscope-cli --temperature, the window's preview); analyze() leaves it unset.
    std::optional<double> temperature;
};

struct AnalysisOptions {
    FocalParams loss;
    RocOptions roc;
    std::optional<CalibrationOptions> calibration; // reliability, Brier, NLL, temperature
    std::optional<BootstrapOptions> bootstrap; // stratified intervals of every ROC class
    // Whether the loss keeps what needs a value per row: loss.perRow, loss.pt and the
    // concentration curves (analyzeLoss). Without them (summarizeLoss) the loss side holds no
    // array of the rows' size; the reduced loss, per-class numbers and easy share are the same.
    bool perRowViews = true;
    // Rules whose operating points are wanted (Analysis::operatingPoints).
    std::vector<OperatingRule> operatingRules;
};

// Throws std::invalid_argument for parameters that do not fit the data (alpha list length,
// negative gamma, max FPR outside (0, 1]).
Analysis analyze(const Predictions& predictions, const AnalysisOptions& options);

// Notes on parameters that may not do what the user expects: a scalar alpha with more than 2
// softmax classes only separates class 0 from the rest. analyze() adds them to its warnings.
std::vector<std::string> parameterNotes(const Predictions& predictions, const FocalParams& params);

// The mode a task gets by default: softmax for C >= 2, sigmoid for one column.
LossMode defaultLossMode(const Predictions& predictions);

} // namespace focalscope
