#include "loss/alpha_table.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace focalscope {

Eigen::VectorXd effectiveAlpha(const Alpha& alpha, LossMode mode, Index classes)
{
    if (classes < 1)
        throw std::invalid_argument("focal loss needs at least one score column");
    const auto listOf = [&](Index expected) {
        if (static_cast<Index>(alpha.perClass.size()) != expected)
            throw std::invalid_argument("alpha lists " + std::to_string(alpha.perClass.size())
                + " weights but there are " + std::to_string(expected) + " classes");
        return Eigen::Map<const Eigen::VectorXd>(alpha.perClass.data(), expected).eval();
    };
    if (mode == LossMode::Softmax) {
        const Index targets = std::max<Index>(classes, 2);
        switch (alpha.mode) {
        case Alpha::Mode::Scalar: {
            Eigen::VectorXd w = Eigen::VectorXd::Constant(targets, 1.0 - alpha.scalar);
            w[0] = alpha.scalar;
            return w;
        }
        case Alpha::Mode::PerClass:
            return listOf(targets);
        case Alpha::Mode::None:
            return Eigen::VectorXd::Ones(targets);
        }
    }
    // Sigmoid: torchvision weights a positive by alpha and a negative by 1 - alpha; alpha < 0
    // turns the weighting off.
    const auto positiveWeight = [](double a) {
        return a >= 0.0 ? a : 1.0;
    };
    const auto negativeWeight = [](double a) {
        return a >= 0.0 ? 1.0 - a : 1.0;
    };
    if (classes == 1) {
        switch (alpha.mode) {
        case Alpha::Mode::Scalar:
            return Eigen::Vector2d(negativeWeight(alpha.scalar), positiveWeight(alpha.scalar));
        case Alpha::Mode::PerClass:
            if (alpha.perClass.size() == 1)
                return Eigen::Vector2d(
                    negativeWeight(alpha.perClass[0]), positiveWeight(alpha.perClass[0]));
            return listOf(2);
        case Alpha::Mode::None:
            return Eigen::VectorXd::Ones(2);
        }
    }
    switch (alpha.mode) {
    case Alpha::Mode::Scalar:
        return Eigen::VectorXd::Constant(classes, positiveWeight(alpha.scalar));
    case Alpha::Mode::PerClass:
        return listOf(classes).unaryExpr(positiveWeight);
    case Alpha::Mode::None:
        return Eigen::VectorXd::Ones(classes);
    }
    return {};
}

Eigen::VectorXd alphaTable(const Alpha& alpha, LossMode mode, Index classes)
{
    const Eigen::VectorXd positive = effectiveAlpha(alpha, mode, classes);
    if (mode == LossMode::Softmax || classes == 1)
        return positive;
    Eigen::VectorXd table(2 * classes);
    table.head(classes) = positive;
    for (Index c = 0; c < classes; ++c) {
        double a = 0.0;
        switch (alpha.mode) {
        case Alpha::Mode::Scalar:
            a = alpha.scalar;
            break;
        case Alpha::Mode::PerClass:
            a = alpha.perClass[static_cast<std::size_t>(c)];
            break;
        case Alpha::Mode::None:
            a = -1.0;
            break;
        }
        table[classes + c] = a >= 0.0 ? 1.0 - a : 1.0;
    }
    return table;
}

} // namespace focalscope
