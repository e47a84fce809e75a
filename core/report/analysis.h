#pragma once

#include "data/predictions.h"
#include "loss/focal_loss.h"
#include "loss/focal_views.h"
#include "roc/roc_report.h"

#include <string>
#include <vector>

namespace focalscope {

// What depends on alpha and gamma: recomputed on every slider move from a PtCache.
struct LossAnalysis {
    FocalParams params;
    Eigen::VectorXd alpha; // effective per-target weights
    FocalLossResult loss;
    std::vector<ClassLoss> perClass;
    LossConcentration concentration;
    double easyShare = 0.0;
};

LossAnalysis analyzeLoss(const PtCache& cache, const FocalParams& params, Index targetClasses);

// Everything the CLI reports and the window shows.
struct Analysis {
    LossAnalysis loss;
    RocReport roc;
    std::vector<std::string> warnings; // from the ROC analysis and the parameters
};

struct AnalysisOptions {
    FocalParams loss;
    RocOptions roc;
};

// Throws std::invalid_argument for parameters that do not fit the data (alpha list length,
// negative gamma, max FPR outside (0, 1]).
Analysis analyze(const Predictions& predictions, const AnalysisOptions& options);

// The mode a task gets by default: softmax for C >= 2, sigmoid for one column.
LossMode defaultLossMode(const Predictions& predictions);

} // namespace focalscope
