#include "model/alpha_weight_model.h"

#include <cmath>

namespace focalscope {

AlphaWeightModel::AlphaWeightModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AlphaWeightModel::setWeights(
    const QStringList& names, const std::vector<double>& weights, bool editable)
{
    if (weights.size() != m_weights.size()) {
        beginResetModel();
        m_names = names;
        m_weights = weights;
        m_editable = editable;
        endResetModel();
        return;
    }
    const int rows = static_cast<int>(m_weights.size());
    if (rows == 0)
        return;
    // The span of rows whose cells change (flags included), reported as one dataChanged.
    int first = rows;
    int last = -1;
    for (int r = 0; r < rows; ++r) {
        const auto i = static_cast<std::size_t>(r);
        if (editable != m_editable || weights[i] != m_weights[i] || nameOf(r) != names.value(r)) {
            first = std::min(first, r);
            last = r;
        }
    }
    m_names = names;
    m_weights = weights;
    m_editable = editable;
    if (last >= 0)
        emit dataChanged(index(first, ClassColumn), index(last, WeightColumn));
}

QString AlphaWeightModel::nameOf(int row) const
{
    return m_names.value(row, QString::number(row));
}

int AlphaWeightModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_weights.size());
}

int AlphaWeightModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlphaWeightModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const double weight = m_weights[static_cast<std::size_t>(index.row())];
    if (index.column() == ClassColumn)
        return role == Qt::DisplayRole ? QVariant(nameOf(index.row())) : QVariant();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return QString::number(weight, 'g', 4);
    case kWeightRole:
        return weight;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant AlphaWeightModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == ClassColumn ? tr("Class") : tr("Effective weight");
}

Qt::ItemFlags AlphaWeightModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == WeightColumn && m_editable)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    return Qt::ItemIsEnabled;
}

bool AlphaWeightModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != WeightColumn
        || index.row() >= rowCount() || !m_editable)
        return false;
    bool ok = false;
    const double weight = value.toDouble(&ok);
    if (!ok || !std::isfinite(weight) || weight < 0.0)
        return false;
    emit weightEdited(index.row(), weight);
    return true;
}

} // namespace focalscope
