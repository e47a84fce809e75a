#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QTableWidget;

namespace focalscope {

class DatasetSession;
class OperatingPointPanel;
class ThresholdModel;

// Chooses the operating point: a class, then a threshold by slider (over the class's distinct
// scores), typed value or rule (youden, f1, fpr=X, tpr=X, cost=CFP,CFN[,PI]). Shows the point
// (OperatingPointPanel: confusion matrix and rates), the rows it gets wrong (false positives and
// false negatives, hardest first; exported as CSV) and, for a multiclass task, the argmax
// confusion matrix.
class ThresholdPanel : public QWidget {
    Q_OBJECT

public:
    // Rows of each kind listed in the errors table (the CSV export has them all).
    static constexpr int kListedErrors = 100;

    ThresholdPanel(DatasetSession& session, ThresholdModel& model, QWidget* parent = nullptr);

    OperatingPointPanel* pointPanel() const { return m_pointPanel; }
    QComboBox* classBox() const { return m_class; }
    QSlider* slider() const { return m_slider; }
    QLineEdit* thresholdEdit() const { return m_threshold; }
    QComboBox* ruleBox() const { return m_rule; }
    QLabel* ruleMessage() const { return m_ruleMessage; }
    QTableWidget* errorsTable() const { return m_errors; }
    QTableWidget* argmaxTable() const { return m_argmax; }
    // Shown instead of the panel while a summary is open.
    QLabel* needsRowsNote() const { return m_needsRows; }

    // Writes every false positive and false negative at the point as CSV (atomically).
    bool exportErrors(const QString& path, QString* error = nullptr) const;

signals:
    void exportErrorsRequested();

private:
    void rebuildClasses();
    void onTableChanged();
    void showPoint();
    void applyRule();
    void applyTypedThreshold();
    void fillErrors();
    void fillArgmaxMatrix();

    DatasetSession& m_session;
    ThresholdModel& m_model;
    QLabel* m_needsRows = nullptr;
    QWidget* m_content = nullptr;
    QComboBox* m_class = nullptr;
    QSlider* m_slider = nullptr;
    QLineEdit* m_threshold = nullptr;
    QComboBox* m_rule = nullptr;
    QPushButton* m_applyRule = nullptr;
    QLabel* m_ruleMessage = nullptr;
    OperatingPointPanel* m_pointPanel = nullptr;
    QLabel* m_errorsTitle = nullptr;
    QTableWidget* m_errors = nullptr;
    QPushButton* m_exportErrors = nullptr;
    QLabel* m_argmaxTitle = nullptr;
    QTableWidget* m_argmax = nullptr;
};

} // namespace focalscope
