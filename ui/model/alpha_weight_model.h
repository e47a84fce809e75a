#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace focalscope {

// The effective per-class weights alpha_t as a table (class name, weight) for a view. A new
// set of weights updates the cells in place (dataChanged), so a slider tick costs no new
// items; only a change of the number of classes resets the model. An edit of a weight is
// reported by weightEdited and changes nothing here: the owner applies it to the
// parameters, and the parameters' new effective weights come back through setWeights().
class AlphaWeightModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ClassColumn, WeightColumn, ColumnCount };
    static constexpr int kWeightRole = Qt::UserRole; // the exact weight, a double

    explicit AlphaWeightModel(QObject* parent = nullptr);

    // `weights[r]` named `names[r]` (the row number when missing); editable: whether the
    // weight cells accept edits.
    void setWeights(const QStringList& names, const std::vector<double>& weights, bool editable);
    const std::vector<double>& weights() const { return m_weights; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Accepts a finite weight >= 0 (a number or its text) and emits weightEdited.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void weightEdited(int row, double weight);

private:
    QString nameOf(int row) const;

    QStringList m_names;
    std::vector<double> m_weights;
    bool m_editable = false;
};

} // namespace focalscope
