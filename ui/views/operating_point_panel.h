#pragma once

#include "roc/operating_point.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace focalscope {

// Shows the operating point: the class, the threshold, the confusion matrix and precision,
// recall, F1, FPR, MCC, balanced accuracy, specificity, NPV.
class OperatingPointPanel : public QWidget {
    Q_OBJECT

public:
    explicit OperatingPointPanel(QWidget* parent = nullptr);

    void showPoint(const QString& className, const OperatingPoint& point);
    void clear();

    const std::optional<OperatingPoint>& point() const { return m_point; }
    QString className() const { return m_className; }

    // The confusion matrix as displayed: rows actual positive / negative, columns predicted
    // positive / negative.
    QTableWidget* confusionTable() const { return m_confusion; }

private:
    QLabel* m_title = nullptr;
    QTableWidget* m_confusion = nullptr;
    QLabel* m_rates = nullptr;
    std::optional<OperatingPoint> m_point;
    QString m_className;
};

} // namespace focalscope
