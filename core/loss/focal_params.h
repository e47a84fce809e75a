#pragma once

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace focalscope {

enum class LossMode { Softmax, Sigmoid };
enum class Reduction { Mean, Sum, WeightedMean, None };

// The alpha of the seed's focal loss. A scalar a gives class weights [a, 1-a, 1-a, ...]
// (class 0 is the background and gets a: the opposite of the paper's binary convention);
// a list gives one weight per class; None gives all ones.
// In sigmoid mode a scalar a weights positives by a and negatives by 1 - a (torchvision);
// None is torchvision's alpha < 0; a list gives column c the alpha a_c.
struct Alpha {
    enum class Mode { Scalar, PerClass, None };
    Mode mode = Mode::Scalar;
    double scalar = 0.25;
    std::vector<double> perClass;

    static Alpha fromScalar(double a) { return {Mode::Scalar, a, {}}; }
    static Alpha fromList(std::vector<double> weights)
    {
        return {Mode::PerClass, 0.0, std::move(weights)};
    }
    static Alpha none() { return {Mode::None, 0.0, {}}; }
};

// The names the CLI, the JSON and the settings use: "softmax" / "sigmoid" and "mean", "sum",
// "weighted-mean", "none".
constexpr const char* lossModeName(LossMode mode)
{
    return mode == LossMode::Softmax ? "softmax" : "sigmoid";
}

constexpr const char* reductionName(Reduction reduction)
{
    switch (reduction) {
    case Reduction::Mean:
        return "mean";
    case Reduction::Sum:
        return "sum";
    case Reduction::WeightedMean:
        return "weighted-mean";
    case Reduction::None:
        return "none";
    }
    return "mean";
}

struct FocalParams {
    LossMode mode = LossMode::Softmax;
    Alpha alpha;
    double gamma = 2.0;
    Reduction reduction = Reduction::Mean;
};

// Throws std::invalid_argument unless gamma is a finite number >= 0.
inline void checkGamma(double gamma)
{
    if (!(gamma >= 0.0) || !std::isfinite(gamma))
        throw std::invalid_argument(
            "gamma must be a finite number >= 0, got " + std::to_string(gamma));
}

} // namespace focalscope
