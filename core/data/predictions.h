#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace focalscope {

using Index = Eigen::Index;

// Scores are one contiguous column per class (column-major), float64: every number is computed
// from the scores exactly as the file holds them (float16 / float32 files widen losslessly).
using ScoreMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using LabelVector = Eigen::Matrix<std::int32_t, Eigen::Dynamic, 1>;

inline constexpr std::int32_t kDefaultIgnoreIndex = -100;

enum class ScoreKind { Logits, Probabilities };
enum class KindRequest { Auto, Logits, Probabilities };

// "logits" / "probabilities", as the CLI, the JSON and the window name them.
constexpr const char* scoreKindName(ScoreKind kind)
{
    return kind == ScoreKind::Logits ? "logits" : "probabilities";
}

// "auto", "logits" or "probabilities": what the user asks for.
constexpr const char* kindRequestName(KindRequest request)
{
    switch (request) {
    case KindRequest::Auto:
        return "auto";
    case KindRequest::Logits:
        return scoreKindName(ScoreKind::Logits);
    case KindRequest::Probabilities:
        return scoreKindName(ScoreKind::Probabilities);
    }
    return "auto";
}

// A model's predictions: N rows, C score columns. C == 1 is a binary task whose single column
// is the positive-class score and whose labels are 0 and 1. Rows whose label equals
// ignoreIndex stay in the data but are left out of every metric.
struct Predictions {
    ScoreMatrix scores;
    LabelVector labels;
    ScoreKind kind = ScoreKind::Logits;
    std::vector<std::string> classNames;
    std::int32_t ignoreIndex = kDefaultIgnoreIndex;

    Index rows() const { return scores.rows(); }
    Index classes() const { return scores.cols(); }
    bool isBinary() const { return scores.cols() == 1; }
    bool isIgnored(Index row) const { return labels[row] == ignoreIndex; }
    // Number of rows whose label is not the ignore index.
    Index countedRows() const;
    // Number of distinct targets: 2 for a binary task, else classes().
    Index targetClasses() const { return isBinary() ? 2 : classes(); }
};

// The display name of class c (classNames[c] when present, else its index).
std::string className(const Predictions& predictions, Index c);

// The name of a binary task's positive class: the second of two class names (an .npz's
// class_names), else its score column's header when that names a class; "positive" when there
// is none or it is a generic score name ("score", "prob", "y_score", "logit", "pred", ... in
// any case).
std::string positiveClassName(const Predictions& predictions);

// The names of the target classes: "negative" and positiveClassName() for a binary task, else
// className() of each column.
std::vector<std::string> targetClassNames(const Predictions& predictions);

// "0", "1", ... for a task of the given number of score columns.
std::vector<std::string> defaultClassNames(Index classes);

// Removes the given rows (ascending indices) from scores and, when it is not empty, labels,
// keeping the order of the rest.
void dropRows(ScoreMatrix& scores, LabelVector& labels, const std::vector<Index>& rows);

// Throws std::invalid_argument naming the first row whose label is neither in
// [0, targetClasses()) nor the ignore index, or when the shapes disagree.
void validatePredictions(const Predictions& predictions);

} // namespace focalscope
