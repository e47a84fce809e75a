#pragma once

#include "data/predictions.h"
#include "roc/delong.h"
#include "roc/pr_curve.h"
#include "roc/ranking_view.h"
#include "roc/roc_curve.h"

#include <optional>
#include <string>
#include <vector>

namespace focalscope {

// An FPR range [low, high] for the partial AUROC (pROC's partial.auc).
struct FprRange {
    double low = 0.0;
    double high = 1.0;
};

struct RocOptions {
    double maxFpr = 1.0; // partial AUROC (binary tasks); 1 gives the full AUROC
    std::optional<FprRange> fprRange; // per class: raw and McClish area over the range
    bool dropIntermediate = true; // for the stored curves; values never depend on it
    bool withCurves = true;
    // > 0: the stored curves are thinned for display (curve_thinning.h) to about this many
    // exact points each; 0 keeps every point. Values never depend on it.
    std::size_t maxCurvePoints = 0;
    // Softmax scores of logits ranked from a matrix of them (fastest), or from each row's max
    // and sum (SoftmaxStorage::RowSums: 16 bytes per row instead of 8 C; the window's choice).
    // Values never depend on it.
    SoftmaxStorage softmaxStorage = SoftmaxStorage::Matrix;
};

struct ClassRoc {
    std::string name;
    std::int64_t positives = 0;
    std::int64_t negatives = 0;
    double auroc = 0.0; // NaN when undefined
    DelongInterval ci;
    double averagePrecision = 0.0;
    PartialAuroc partialRange; // over RocOptions::fprRange (NaN when not asked)
    RocCurve roc; // empty unless withCurves
    PrCurve pr;
};

// Everything ROC-related the CLI and the window show. A binary task has one entry in classes
// (the positive class, column 0); a multiclass task one per class, one-vs-rest.
struct RocReport {
    bool binary = false;
    std::vector<ClassRoc> classes;
    double macro = 0.0; // mean of the defined per-class values
    double weighted = 0.0; // weighted by positives
    double micro = 0.0; // flattened one-hot
    double ovo = 0.0; // Hand & Till
    double partial = 0.0; // binary: McClish-standardised partial AUROC at maxFpr; else NaN
    std::optional<FprRange> fprRange; // RocOptions::fprRange (ClassRoc::partialRange)
    double apMacro = 0.0;
    RocCurve microRoc; // multiclass, withCurves
    std::vector<std::string> warnings;
};

RocReport rocReport(const Predictions& predictions, const RocOptions& options = {});

// Hand & Till's macro one-vs-one AUROC (scikit-learn multi_class='ovo'); pairs involving a
// class with no rows are skipped and named in warnings.
double oneVsOneAuroc(const ScoreMatrix& scores, const Predictions& predictions,
    std::vector<std::string>* warnings = nullptr);

} // namespace focalscope
