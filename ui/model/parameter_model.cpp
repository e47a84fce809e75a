#include "model/parameter_model.h"

#include "loss/alpha_table.h"
#include "settings/parameter_names.h"
#include "settings/settings_keys.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace focalscope {

ParameterModel::ParameterModel(QObject* parent)
    : QObject(parent)
{
}

void ParameterModel::setAlphaListLength(int length)
{
    if (length == m_alphaListLength && static_cast<int>(m_alphaPerClass.size()) == length)
        return;
    m_alphaListLength = length;
    if (static_cast<int>(m_alphaPerClass.size()) != length) {
        m_alphaPerClass = scalarAsList();
        m_alphaPerClassEdited = false;
    }
    emit lossParametersChanged();
}

std::vector<double> ParameterModel::scalarAsList() const
{
    const auto length = static_cast<std::size_t>(std::max(m_alphaListLength, 0));
    if (m_lossMode == LossMode::Sigmoid || length < 2)
        return std::vector<double>(length, m_alphaScalar);
    const Eigen::VectorXd weights = effectiveAlpha(
        Alpha::fromScalar(m_alphaScalar), LossMode::Softmax, static_cast<Index>(length));
    std::vector<double> list(weights.data(), weights.data() + weights.size());
    list.resize(length, 1.0 - m_alphaScalar);
    return list;
}

FocalParams ParameterModel::focalParams() const
{
    FocalParams params;
    params.mode = m_lossMode;
    params.gamma = m_gamma;
    params.reduction = m_reduction;
    switch (m_alphaMode) {
    case Alpha::Mode::Scalar:
        params.alpha = Alpha::fromScalar(m_alphaScalar);
        break;
    case Alpha::Mode::PerClass:
        params.alpha = Alpha::fromList(m_alphaPerClass);
        break;
    case Alpha::Mode::None:
        params.alpha = Alpha::none();
        break;
    }
    return params;
}

void ParameterModel::setLossMode(LossMode mode)
{
    if (mode == m_lossMode)
        return;
    m_lossMode = mode;
    emit lossModeChanged();
}

void ParameterModel::setKindRequest(KindRequest kind)
{
    if (kind == m_kindRequest)
        return;
    m_kindRequest = kind;
    emit kindRequestChanged();
}

void ParameterModel::setAlphaMode(Alpha::Mode mode)
{
    if (mode == m_alphaMode)
        return;
    // Per-class weights start from the scalar's effective weights until the user edits them.
    if (mode == Alpha::Mode::PerClass && !m_alphaPerClassEdited)
        m_alphaPerClass = scalarAsList();
    m_alphaMode = mode;
    emit lossParametersChanged();
}

void ParameterModel::setAlphaScalar(double alpha)
{
    alpha = std::clamp(alpha, 0.0, 1.0);
    if (alpha == m_alphaScalar && m_alphaMode == Alpha::Mode::Scalar)
        return;
    m_alphaScalar = alpha;
    m_alphaMode = Alpha::Mode::Scalar;
    emit lossParametersChanged();
}

void ParameterModel::setAlphaPerClass(std::vector<double> weights)
{
    m_alphaPerClass = std::move(weights);
    m_alphaPerClass.resize(static_cast<std::size_t>(m_alphaListLength), 1.0);
    m_alphaPerClassEdited = true;
    m_alphaMode = Alpha::Mode::PerClass;
    emit lossParametersChanged();
}

void ParameterModel::setAlphaWeight(int index, double weight)
{
    if (index < 0 || index >= static_cast<int>(m_alphaPerClass.size()) || !std::isfinite(weight)
        || weight < 0.0)
        return;
    m_alphaPerClass[static_cast<std::size_t>(index)] = weight;
    m_alphaPerClassEdited = true;
    m_alphaMode = Alpha::Mode::PerClass;
    emit lossParametersChanged();
}

void ParameterModel::setGamma(double gamma)
{
    gamma = std::clamp(gamma, 0.0, kMaxGamma);
    if (gamma == m_gamma)
        return;
    m_gamma = gamma;
    emit lossParametersChanged();
}

void ParameterModel::setReduction(Reduction reduction)
{
    if (reduction == m_reduction)
        return;
    m_reduction = reduction;
    emit lossParametersChanged();
}

void ParameterModel::setMaxFpr(double maxFpr)
{
    maxFpr = std::clamp(maxFpr, 0.01, 1.0);
    if (maxFpr == m_maxFpr)
        return;
    m_maxFpr = maxFpr;
    emit maxFprChanged();
}

void ParameterModel::resetToDefaults()
{
    const FocalParams defaults;
    m_alphaMode = defaults.alpha.mode;
    m_alphaScalar = defaults.alpha.scalar;
    m_alphaPerClass = scalarAsList();
    m_alphaPerClassEdited = false;
    m_gamma = defaults.gamma;
    m_reduction = defaults.reduction;
    emit lossParametersChanged();
    setMaxFpr(RocOptions {}.maxFpr);
}

void ParameterModel::save(QSettings& settings) const
{
    settings::alphaMode.write(settings, alphaModeName(m_alphaMode));
    settings::alpha.write(settings, m_alphaScalar);
    QStringList weights;
    for (double w : m_alphaPerClass)
        weights.append(QString::number(w, 'g', QLocale::FloatingPointShortest));
    settings::alphaPerClass.write(settings, weights);
    settings::gamma.write(settings, m_gamma);
    settings::reduction.write(settings, QString::fromLatin1(reductionName(m_reduction)));
    settings::maxFpr.write(settings, m_maxFpr);
}

void ParameterModel::restore(const QSettings& settings)
{
    m_alphaScalar = std::clamp(settings::alpha.read(settings), 0.0, 1.0);
    m_gamma = std::clamp(settings::gamma.read(settings), 0.0, kMaxGamma);
    m_reduction = reductionFromName(settings::reduction.read(settings), FocalParams {}.reduction);
    m_alphaMode = alphaModeFromName(settings::alphaMode.read(settings), FocalParams {}.alpha.mode);
    m_alphaPerClass.clear();
    for (const QString& text : settings::alphaPerClass.read(settings)) {
        bool ok = false;
        const double w = text.toDouble(&ok);
        m_alphaPerClass.push_back(ok && std::isfinite(w) && w >= 0.0 ? w : 1.0);
    }
    m_alphaListLength = static_cast<int>(m_alphaPerClass.size());
    m_alphaPerClassEdited = !m_alphaPerClass.empty();
    emit lossParametersChanged();
    const double maxFpr = settings::maxFpr.read(settings);
    setMaxFpr(std::isfinite(maxFpr) ? maxFpr : settings::maxFpr.defaultValue);
}

} // namespace focalscope
