#pragma once

#include <QDockWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QTableView;
class QToolButton;

namespace focalscope {

class AlphaWeightModel;
class DatasetSession;
class ParameterModel;

// Edits the ParameterModel: loss mode, input kind, reduction, alpha (slider and spin box, or a
// per-class weight table with suggestions), gamma (slider and spin box), max FPR, reset.
// The weight table always shows the effective per-class weights.
//
// Each slider follows its spin box: a slider move sets the spin box, the spin box sets the
// model, and the model's value is written back into a spin box only when it differs from
// what the box holds, so that typing a number key by key is never overwritten.
class ParametersDock : public QDockWidget {
    Q_OBJECT

public:
    static constexpr int kAlphaSteps = 100; // slider steps over 0..1
    static constexpr int kGammaSteps = 100; // slider steps per unit of gamma

    ParametersDock(ParameterModel& parameters, DatasetSession& session, QWidget* parent = nullptr);

    QSlider* alphaSlider() const { return m_alphaSlider; }
    QDoubleSpinBox* alphaSpin() const { return m_alphaSpin; }
    QSlider* gammaSlider() const { return m_gammaSlider; }
    QDoubleSpinBox* gammaSpin() const { return m_gammaSpin; }
    QTableView* weightTable() const { return m_weightTable; }
    AlphaWeightModel* weightModel() const { return m_weightModel; }
    QLabel* scalarAlphaNote() const { return m_scalarNote; }

    // Fills the per-class weights with a suggestion computed from the class counts:
    // 0 = inverse class frequency, 1.. = effective number with kEffectiveNumberBetas[i - 1].
    void applySuggestion(int suggestion);

private:
    QWidget* buildContents();
    void syncFromModel();
    void syncWeightTable();
    void onWeightEdited(int row, double weight);

    ParameterModel& m_parameters;
    DatasetSession& m_session;
    QComboBox* m_lossMode = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_reduction = nullptr;
    QComboBox* m_alphaMode = nullptr;
    QSlider* m_alphaSlider = nullptr;
    QDoubleSpinBox* m_alphaSpin = nullptr;
    QLabel* m_scalarNote = nullptr;
    QTableView* m_weightTable = nullptr;
    AlphaWeightModel* m_weightModel = nullptr;
    QToolButton* m_suggest = nullptr;
    QSlider* m_gammaSlider = nullptr;
    QDoubleSpinBox* m_gammaSpin = nullptr;
    QDoubleSpinBox* m_maxFpr = nullptr;
    bool m_syncing = false;
};

} // namespace focalscope
