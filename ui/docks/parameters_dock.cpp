#include "docks/parameters_dock.h"

#include "loss/alpha_suggestions.h"
#include "model/alpha_weight_model.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <stdexcept>

namespace focalscope {

namespace {

QSlider* horizontalSlider(int maximum, QWidget* parent)
{
    auto* slider = new QSlider(Qt::Horizontal, parent);
    slider->setRange(0, maximum);
    slider->setPageStep(maximum / 10);
    return slider;
}

QDoubleSpinBox* spinBox(double maximum, double step, int decimals, QWidget* parent)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(0.0, maximum);
    spin->setSingleStep(step);
    spin->setDecimals(decimals);
    return spin;
}

QHBoxLayout* sliderRow(QSlider* slider, QDoubleSpinBox* spin)
{
    auto* row = new QHBoxLayout;
    row->addWidget(slider, 1);
    row->addWidget(spin);
    return row;
}

// Writes `value` into `spin` only when the box does not already hold it (at its decimals):
// setValue() rewrites the text and moves the cursor, which would break a number being typed.
void showValue(QDoubleSpinBox* spin, double value)
{
    const double shown = QString::number(value, 'f', spin->decimals()).toDouble();
    if (spin->value() != shown)
        spin->setValue(value);
}

// The slider position nearest to the spin box's value, set without a signal.
void followSpin(QSlider* slider, const QDoubleSpinBox* spin, int steps)
{
    const QSignalBlocker blocker(slider);
    slider->setValue(static_cast<int>(std::lround(spin->value() * steps)));
}

} // namespace

ParametersDock::ParametersDock(ParameterModel& parameters, DatasetSession& session, QWidget* parent)
    : QDockWidget(tr("Parameters"), parent)
    , m_parameters(parameters)
    , m_session(session)
{
    setObjectName(QStringLiteral("parametersDock"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildContents());
    setWidget(scroll);

    connect(&m_parameters, &ParameterModel::lossParametersChanged, this,
        &ParametersDock::syncFromModel);
    connect(&m_parameters, &ParameterModel::lossModeChanged, this, &ParametersDock::syncFromModel);
    connect(
        &m_parameters, &ParameterModel::kindRequestChanged, this, &ParametersDock::syncFromModel);
    connect(&m_parameters, &ParameterModel::maxFprChanged, this, &ParametersDock::syncFromModel);
    connect(&m_session, &DatasetSession::datasetChanged, this, &ParametersDock::syncFromModel);
    syncFromModel();
}

QWidget* ParametersDock::buildContents()
{
    auto* contents = new QWidget;
    auto* layout = new QVBoxLayout(contents);

    auto* lossGroup = new QGroupBox(tr("Focal loss"), contents);
    auto* lossForm = new QFormLayout(lossGroup);
    m_lossMode = new QComboBox(lossGroup);
    m_lossMode->setObjectName(QStringLiteral("lossMode"));
    m_lossMode->addItem(tr("Softmax"), static_cast<int>(LossMode::Softmax));
    m_lossMode->addItem(tr("Sigmoid"), static_cast<int>(LossMode::Sigmoid));
    m_lossMode->setToolTip(tr("Softmax: the seed's multi-class focal loss. Sigmoid: torchvision's "
                              "sigmoid_focal_loss, one-hot over the score columns."));
    m_kind = new QComboBox(lossGroup);
    m_kind->setObjectName(QStringLiteral("inputKind"));
    m_kind->addItem(tr("Auto"), static_cast<int>(KindRequest::Auto));
    m_kind->addItem(tr("Logits"), static_cast<int>(KindRequest::Logits));
    m_kind->addItem(tr("Probabilities"), static_cast<int>(KindRequest::Probabilities));
    m_reduction = new QComboBox(lossGroup);
    m_reduction->setObjectName(QStringLiteral("reduction"));
    for (Reduction r : {Reduction::Mean, Reduction::Sum, Reduction::WeightedMean})
        m_reduction->addItem(QString::fromLatin1(reductionName(r)), static_cast<int>(r));
    lossForm->addRow(tr("Mode"), m_lossMode);
    lossForm->addRow(tr("Input"), m_kind);
    lossForm->addRow(tr("Reduction"), m_reduction);
    layout->addWidget(lossGroup);

    auto* alphaGroup = new QGroupBox(tr("Alpha (class weights)"), contents);
    auto* alphaLayout = new QVBoxLayout(alphaGroup);
    m_alphaMode = new QComboBox(alphaGroup);
    m_alphaMode->setObjectName(QStringLiteral("alphaMode"));
    m_alphaMode->addItem(tr("Scalar: [a, 1−a, 1−a, …]"), static_cast<int>(Alpha::Mode::Scalar));
    m_alphaMode->addItem(tr("Per class"), static_cast<int>(Alpha::Mode::PerClass));
    m_alphaMode->addItem(tr("None (all 1)"), static_cast<int>(Alpha::Mode::None));
    alphaLayout->addWidget(m_alphaMode);
    m_alphaSlider = horizontalSlider(kAlphaSteps, alphaGroup);
    m_alphaSlider->setObjectName(QStringLiteral("alphaSlider"));
    m_alphaSpin = spinBox(1.0, 0.01, 3, alphaGroup);
    m_alphaSpin->setObjectName(QStringLiteral("alphaSpin"));
    alphaLayout->addLayout(sliderRow(m_alphaSlider, m_alphaSpin));
    m_scalarNote = new QLabel(alphaGroup);
    m_scalarNote->setObjectName(QStringLiteral("scalarAlphaNote"));
    m_scalarNote->setWordWrap(true);
    m_scalarNote->setStyleSheet(QStringLiteral("color: #9a6700"));
    alphaLayout->addWidget(m_scalarNote);
    m_weightModel = new AlphaWeightModel(this);
    m_weightTable = new QTableView(alphaGroup);
    m_weightTable->setObjectName(QStringLiteral("alphaWeights"));
    m_weightTable->setModel(m_weightModel);
    m_weightTable->verticalHeader()->hide();
    m_weightTable->verticalHeader()->setDefaultSectionSize(
        m_weightTable->fontMetrics().height() + 8);
    m_weightTable->horizontalHeader()->setSectionResizeMode(
        AlphaWeightModel::ClassColumn, QHeaderView::Stretch);
    m_weightTable->horizontalHeader()->setSectionResizeMode(
        AlphaWeightModel::WeightColumn, QHeaderView::ResizeToContents);
    m_weightTable->setToolTip(tr("The weight alpha_t each target class gets. Edit a weight to "
                                 "switch to per-class weights."));
    m_weightTable->setMinimumHeight(120);
    alphaLayout->addWidget(m_weightTable);
    m_suggest = new QToolButton(alphaGroup);
    m_suggest->setObjectName(QStringLiteral("alphaSuggestions"));
    m_suggest->setText(tr("Suggest weights"));
    m_suggest->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_suggest);
    menu->addAction(tr("Inverse class frequency (mean 1)"), this, [this] { applySuggestion(0); });
    for (std::size_t i = 0; i < kEffectiveNumberBetas.size(); ++i) {
        menu->addAction(tr("Effective number of samples, β = %1").arg(kEffectiveNumberBetas[i]),
            this, [this, i] { applySuggestion(static_cast<int>(i) + 1); });
    }
    m_suggest->setMenu(menu);
    m_suggest->setToolTip(tr("Per-class weights from the class counts: inverse frequency, or the "
                             "inverse effective number of samples (1 − β)/(1 − β^n) of Cui et al. "
                             "2019; both normalised to mean 1."));
    alphaLayout->addWidget(m_suggest, 0, Qt::AlignLeft);
    layout->addWidget(alphaGroup);

    auto* gammaGroup = new QGroupBox(tr("Gamma (focusing)"), contents);
    auto* gammaLayout = new QVBoxLayout(gammaGroup);
    m_gammaSlider
        = horizontalSlider(static_cast<int>(ParameterModel::kMaxGamma * kGammaSteps), gammaGroup);
    m_gammaSlider->setObjectName(QStringLiteral("gammaSlider"));
    m_gammaSpin = spinBox(ParameterModel::kMaxGamma, 0.1, 2, gammaGroup);
    m_gammaSpin->setObjectName(QStringLiteral("gammaSpin"));
    gammaLayout->addLayout(sliderRow(m_gammaSlider, m_gammaSpin));
    layout->addWidget(gammaGroup);

    auto* rocGroup = new QGroupBox(tr("ROC"), contents);
    auto* rocForm = new QFormLayout(rocGroup);
    m_maxFpr = spinBox(1.0, 0.05, 2, rocGroup);
    m_maxFpr->setObjectName(QStringLiteral("maxFpr"));
    m_maxFpr->setMinimum(0.01);
    m_maxFpr->setToolTip(tr("Partial AUROC up to this false positive rate (binary tasks), "
                            "McClish-standardised"));
    rocForm->addRow(tr("Max FPR"), m_maxFpr);
    layout->addWidget(rocGroup);

    auto* reset = new QPushButton(tr("Reset to defaults"), contents);
    reset->setObjectName(QStringLiteral("resetParameters"));
    layout->addWidget(reset);
    layout->addStretch();

    connect(m_lossMode, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            m_parameters.setLossMode(static_cast<LossMode>(m_lossMode->currentData().toInt()));
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            m_parameters.setKindRequest(static_cast<KindRequest>(m_kind->currentData().toInt()));
    });
    connect(m_reduction, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            m_parameters.setReduction(static_cast<Reduction>(m_reduction->currentData().toInt()));
    });
    connect(m_alphaMode, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            m_parameters.setAlphaMode(static_cast<Alpha::Mode>(m_alphaMode->currentData().toInt()));
    });
    // slider -> spin box -> model; the slider follows the spin box.
    connect(m_alphaSlider, &QSlider::valueChanged, this, [this](int value) {
        if (!m_syncing)
            m_alphaSpin->setValue(static_cast<double>(value) / kAlphaSteps);
    });
    connect(m_alphaSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_syncing)
            return;
        followSpin(m_alphaSlider, m_alphaSpin, kAlphaSteps);
        m_parameters.setAlphaScalar(value);
    });
    connect(m_gammaSlider, &QSlider::valueChanged, this, [this](int value) {
        if (!m_syncing)
            m_gammaSpin->setValue(static_cast<double>(value) / kGammaSteps);
    });
    connect(m_gammaSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_syncing)
            return;
        followSpin(m_gammaSlider, m_gammaSpin, kGammaSteps);
        m_parameters.setGamma(value);
    });
    connect(m_maxFpr, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (!m_syncing)
            m_parameters.setMaxFpr(value);
    });
    connect(m_weightModel, &AlphaWeightModel::weightEdited, this, &ParametersDock::onWeightEdited);
    connect(reset, &QPushButton::clicked, &m_parameters, &ParameterModel::resetToDefaults);
    return contents;
}

void ParametersDock::syncFromModel()
{
    m_syncing = true;
    auto selectData = [](QComboBox* combo, int value) {
        combo->setCurrentIndex(combo->findData(value));
    };
    selectData(m_lossMode, static_cast<int>(m_parameters.lossMode()));
    selectData(m_kind, static_cast<int>(m_parameters.kindRequest()));
    selectData(m_reduction, static_cast<int>(m_parameters.reduction()));
    selectData(m_alphaMode, static_cast<int>(m_parameters.alphaMode()));
    const bool scalar = m_parameters.alphaMode() == Alpha::Mode::Scalar;
    showValue(m_alphaSpin, m_parameters.alphaScalar());
    followSpin(m_alphaSlider, m_alphaSpin, kAlphaSteps);
    m_alphaSlider->setEnabled(scalar);
    m_alphaSpin->setEnabled(scalar);
    showValue(m_gammaSpin, m_parameters.gamma());
    followSpin(m_gammaSlider, m_gammaSpin, kGammaSteps);
    showValue(m_maxFpr, m_parameters.maxFpr());
    const Predictions* predictions = m_session.predictions();
    const bool softmax = m_parameters.lossMode() == LossMode::Softmax;
    const bool showNote = scalar && softmax && predictions && predictions->targetClasses() > 2;
    m_scalarNote->setVisible(showNote);
    if (showNote) {
        m_scalarNote->setText(
            tr("A scalar alpha gives class 0 (%1) the weight a and every other class 1 − a: with "
               "more than 2 classes it only separates class 0 from the rest. Use per-class "
               "weights to weigh each class.")
                .arg(m_session.targetNames().value(0)));
    }
    // The suggestions count the labels: a summary holds none (only binned counts).
    m_suggest->setEnabled(softmax && predictions && !m_session.isSummary());
    const bool binary = !predictions || predictions->isBinary();
    m_maxFpr->setEnabled(binary);
    m_maxFpr->setToolTip(binary
            ? tr("Partial AUROC up to this false positive rate, McClish-standardised")
            : tr("Max FPR applies to binary tasks only: the partial AUROC is defined for one "
                 "positive class, and this file has %1 classes (focalscope-cli --fpr-range gives "
                 "a partial AUROC per class)")
                  .arg(predictions->classes()));
    syncWeightTable();
    m_syncing = false;
}

void ParametersDock::syncWeightTable()
{
    const Predictions* predictions = m_session.predictions();
    if (!predictions) {
        m_weightModel->setWeights({}, {}, false);
        return;
    }
    const LossMode mode = m_parameters.lossMode();
    Eigen::VectorXd weights;
    try {
        weights = effectiveAlpha(m_parameters.focalParams().alpha, mode, predictions->classes());
    } catch (const std::invalid_argument&) {
        weights.resize(0);
    }
    QStringList names = m_session.targetNames();
    if (mode == LossMode::Sigmoid && !predictions->isBinary()) {
        for (QString& name : names)
            name = tr("%1 (positive elements)").arg(name);
    }
    const bool editable = weights.size() == m_parameters.alphaListLength();
    m_weightModel->setWeights(names, std::vector<double>(weights.begin(), weights.end()), editable);
}

void ParametersDock::onWeightEdited(int row, double weight)
{
    // Editing one weight keeps the others as they are now effective.
    std::vector<double> list = m_weightModel->weights();
    list.at(static_cast<std::size_t>(row)) = weight;
    m_parameters.setAlphaPerClass(std::move(list));
}

void ParametersDock::applySuggestion(int suggestion)
{
    const Predictions* predictions = m_session.predictions();
    if (!predictions || m_parameters.lossMode() != LossMode::Softmax)
        return;
    const std::vector<Index> counts
        = classCounts(predictions->labels, predictions->targetClasses(), predictions->ignoreIndex);
    const std::vector<double> weights = suggestion == 0
        ? inverseFrequencyWeights(counts)
        : effectiveNumberWeights(
            counts, kEffectiveNumberBetas.at(static_cast<std::size_t>(suggestion - 1)));
    m_parameters.setAlphaPerClass(weights);
}

} // namespace focalscope
