#pragma once

#include "data/predictions.h"
#include "loss/focal_loss.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace focalscope {

struct Analysis;

// A row a class gets wrong at an operating point.
struct ErrorRow {
    Index row = 0; // in file order, counting ignored rows
    std::int32_t label = 0;
    double score = 0.0; // the class's ranking score (what the threshold was compared with)
    double pt = 0.0; // the row's focal-loss p_t and loss (NaN when the analysis has none)
    double loss = 0.0;
};

// The false positives and false negatives of one class at one threshold, hardest first.
struct ErrorRows {
    std::string className;
    double threshold = 0.0;
    std::int64_t falsePositiveCount = 0; // all of them; the lists stop at the limit
    std::int64_t falseNegativeCount = 0;
    std::vector<ErrorRow> falsePositives; // score descending (ties: row ascending)
    std::vector<ErrorRow> falseNegatives; // score ascending (ties: row ascending)
};

// The rows target class c (a binary task: c = 0, the positive class) gets wrong when predicting
// positive at score >= threshold, scores from rankingScores column c; at most limit of each
// kind, in one pass over the rows and a partial sort. p_t and loss come from loss.pt and
// loss.perRow (AnalysisOptions::perRowViews); NaN when those are empty.
ErrorRows errorRows(const Predictions& predictions, const ScoreMatrix& rankingScores, Index c,
    double threshold, const FocalLossResult& loss,
    std::size_t limit = std::numeric_limits<std::size_t>::max());
// The same with class c's ranking scores alone (rankingColumn(predictions, c), one per row).
ErrorRows errorRows(const Predictions& predictions, std::span<const double> column, Index c,
    double threshold, const FocalLossResult& loss,
    std::size_t limit = std::numeric_limits<std::size_t>::max());

// CSV with the header class,error,row,label,score,p_t,loss (error: false_positive or
// false_negative), false positives then false negatives of each entry.
std::string errorRowsCsv(const std::vector<ErrorRows>& classes);

// The rows at the first operating point of every class of analysis.operatingPoints (those with a
// point), every one of them, as errorRowsCsv.
std::string operatingPointErrorsCsv(const Predictions& predictions, const Analysis& analysis);

} // namespace focalscope
