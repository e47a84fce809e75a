#pragma once

#include "calibration/reliability.h"
#include "calibration/temperature_scaling.h"
#include "data/predictions.h"
#include "loss/focal_params.h"

#include <string>
#include <vector>

namespace focalscope {

struct CalibrationOptions {
    int bins = kDefaultCalibrationBins;
    BinStrategy strategy = BinStrategy::Uniform;
    bool fitTemperature = true;
};

// One score column's one-vs-rest diagram (a binary task's column 0: label 1).
struct ClassCalibration {
    std::string name; // the class name ("1" for a binary task's positive class)
    ReliabilityCurve curve;
    double brier = 0.0; // mean (p_c - y_c)^2
};

// Temperature scaling's summary: T, and the NLL, top-label ECE and focal loss (at the session's
// alpha and gamma) before and after.
struct TemperatureSummary {
    TemperatureFit fit;
    double eceBefore = 0.0;
    double eceAfter = 0.0;
    double focalLossBefore = 0.0;
    double focalLossAfter = 0.0;
};

// Everything of DESIGN.md's "calibration" JSON, on the probabilities of calibrationProbabilities()
// with ignored rows left out.
struct CalibrationReport {
    LossMode mode = LossMode::Softmax; // which probabilities: softmax rows or sigmoid elements
    BinStrategy strategy = BinStrategy::Uniform;
    int bins = kDefaultCalibrationBins;
    std::vector<ClassCalibration> perClass;
    // Confidence (the largest probability of a row; for one column max(p, 1 - p)) against
    // whether its class (the first one at the max; for one column p > 1 - p) is the label.
    ReliabilityCurve topLabel;
    double brier = 0.0; // brierScore()
    double nll = 0.0; // negativeLogLikelihood()
    bool hasTemperature = false;
    TemperatureSummary temperature;
};

// The top-label diagram of probabilities (one column per score column).
ReliabilityCurve topLabelCurve(const ScoreMatrix& probabilities, const Predictions& predictions,
    int bins, BinStrategy strategy);

// Throws std::invalid_argument when bins < 1. focal.mode picks softmax or sigmoid probabilities
// (and the temperature objective); focal's alpha, gamma and reduction give the focal loss before
// and after scaling.
CalibrationReport calibrationReport(
    const Predictions& predictions, const CalibrationOptions& options, const FocalParams& focal);

} // namespace focalscope
