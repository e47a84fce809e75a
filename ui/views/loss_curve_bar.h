#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace focalscope {

class DatasetSession;

// The controls above the loss-vs-p_t chart: which class's alpha weight the curve is drawn
// with (the weights differ per class: the seed's scalar a gives class 0 the weight a and every
// other class 1 - a), and whether the y axis follows alpha or keeps the paper's 0..5.
class LossCurveBar : public QWidget {
    Q_OBJECT

public:
    explicit LossCurveBar(DatasetSession& session, QWidget* parent = nullptr);

    QComboBox* classBox() const { return m_class; }
    QCheckBox* scaleBox() const { return m_scale; }

private:
    void rebuild();

    DatasetSession& m_session;
    QComboBox* m_class = nullptr;
    QCheckBox* m_scale = nullptr;
};

} // namespace focalscope
