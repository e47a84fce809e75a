#pragma once

#include "loss/focal_loss.h"
#include "roc/roc_report.h"

#include <QObject>
#include <QSettings>

#include <vector>

namespace focalscope {

// The parameters the user tunes: loss mode, input kind, alpha (scalar, per class or none),
// gamma, reduction and the max FPR of the partial AUROC. The docks edit it; the session reads
// it. Signals tell what kind of recomputation a change needs.
class ParameterModel : public QObject {
    Q_OBJECT

public:
    static constexpr double kMaxGamma = 5.0;

    explicit ParameterModel(QObject* parent = nullptr);

    LossMode lossMode() const { return m_lossMode; }
    KindRequest kindRequest() const { return m_kindRequest; }
    Alpha::Mode alphaMode() const { return m_alphaMode; }
    double alphaScalar() const { return m_alphaScalar; }
    const std::vector<double>& alphaPerClass() const { return m_alphaPerClass; }
    double gamma() const { return m_gamma; }
    Reduction reduction() const { return m_reduction; }
    double maxFpr() const { return m_maxFpr; }

    // The number of per-class weights the current data and mode take (see effectiveAlpha).
    int alphaListLength() const { return m_alphaListLength; }
    // Sets the length for a new dataset: weights of a matching list are kept, else all ones.
    void setAlphaListLength(int length);

    FocalParams focalParams() const;

    void setLossMode(LossMode mode);
    void setKindRequest(KindRequest kind);
    void setAlphaMode(Alpha::Mode mode);
    void setAlphaScalar(double alpha);
    void setAlphaPerClass(std::vector<double> weights); // switches to the per-class mode
    void setAlphaWeight(int index, double weight); // one entry; switches too
    void setGamma(double gamma);
    void setReduction(Reduction reduction);
    void setMaxFpr(double maxFpr);
    // Alpha, gamma, reduction and max FPR back to their defaults (core's FocalParams and
    // RocOptions, as in focalscope-cli).
    void resetToDefaults();

    // The last parameters (alpha, gamma, reduction, max FPR) through the declared keys.
    void save(QSettings& settings) const;
    void restore(const QSettings& settings);

signals:
    // Alpha, gamma or reduction: a cheap recomputation from the p_t cache.
    void lossParametersChanged();
    // Loss mode: a new p_t cache.
    void lossModeChanged();
    void kindRequestChanged();
    void maxFprChanged();

private:
    // The scalar alpha as one weight per list entry: softmax [a, 1-a, 1-a, ...] (the effective
    // weights shown for the scalar), sigmoid a for every column.
    std::vector<double> scalarAsList() const;

    LossMode m_lossMode = LossMode::Softmax;
    KindRequest m_kindRequest = KindRequest::Auto;
    // The defaults are core's (FocalParams, RocOptions), as in focalscope-cli.
    Alpha::Mode m_alphaMode = FocalParams {}.alpha.mode;
    double m_alphaScalar = FocalParams {}.alpha.scalar;
    std::vector<double> m_alphaPerClass;
    bool m_alphaPerClassEdited = false; // else it follows the scalar (scalarAsList)
    int m_alphaListLength = 0;
    double m_gamma = FocalParams {}.gamma;
    Reduction m_reduction = FocalParams {}.reduction;
    double m_maxFpr = RocOptions {}.maxFpr;
};

} // namespace focalscope
