#pragma once

// The JSON objects of one run's analysis (schema 1): written for the top level and for each
// run of "runs" alike.

#include "data/predictions.h"
#include "report/analysis.h"

namespace focalscope {

class JsonWriter;

// "focal_loss": {"mode", "gamma", "alpha": [per-class weights], "reduction", "value",
// "per_class": [{"class", "samples", "mean", "share"}], "easy_share"}.
void writeFocalLoss(JsonWriter& json, const Predictions& predictions, const LossAnalysis& loss);

// "auroc": binary {"value", "ci95", "partial"[, "partial_range"]}; multiclass {"per_class",
// "ci95", "macro", "weighted", "micro", "ovo", "partial": null[, "partial_range"]}.
void writeAuroc(JsonWriter& json, const RocReport& roc, bool partialRequested);

// "average_precision": binary {"value"}; multiclass {"per_class", "macro"}.
void writeAveragePrecision(JsonWriter& json, const RocReport& roc);

} // namespace focalscope
