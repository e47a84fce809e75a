#pragma once

#include "charts/fold_plot.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace focalscope {

class ComparisonModel;
class RunSet;

// The comparison of the open runs (DESIGN.md, Runs and comparison). Above, one sentence for the
// selected comparison in words ("B is higher than A by 0.012 [0.004, 0.020], p = 0.003, Holm
// 0.015 (paired DeLong)"); below, per class and pair of model runs: the AUROCs, delta AUROC with
// its 95% CI, z, two-sided p and the Holm-adjusted p over every comparison in the table, on
// request the bootstrap interval of a paired delta, and whether it is paired (why not, in the
// tooltip). Runs marked as folds get their own table:
// mean AUROC +- sd, pooled AUROC, and the band drawn on ROC.
class ComparisonPanel : public QWidget {
    Q_OBJECT

public:
    enum Column {
        ClassColumn,
        FirstRunColumn,
        SecondRunColumn,
        DeltaColumn,
        ZColumn,
        PColumn,
        HolmColumn,
        BootstrapColumn,
        PairedColumn,
        ColumnCount
    };
    enum FoldColumn {
        FoldClassColumn,
        FoldCountColumn,
        FoldMeanColumn,
        FoldPooledColumn,
        FoldColumnCount
    };

    ComparisonPanel(RunSet& runs, ComparisonModel& model, QWidget* parent = nullptr);

    QLabel* sentence() const { return m_sentence; }
    QComboBox* classBox() const { return m_classBox; }
    QCheckBox* unpairedBox() const { return m_unpaired; }
    // The bootstrap of the paired deltas: on / off, B and the seed.
    QCheckBox* bootstrapBox() const { return m_bootstrap; }
    QSpinBox* replicatesSpin() const { return m_replicates; }
    QSpinBox* seedSpin() const { return m_seed; }
    QTableWidget* table() const { return m_table; }
    QTableWidget* foldTable() const { return m_foldTable; }
    QComboBox* foldBandBox() const { return m_foldBand; }
    FoldBand foldBand() const;

    // The sentence of one comparison (an entry of the model's result) in words.
    QString sentenceFor(std::size_t comparison) const;

signals:
    void foldBandChanged(FoldBand band);

private:
    void refresh();
    void refreshNames();
    void showSentence();
    void applyBootstrap();

    RunSet& m_runs;
    ComparisonModel& m_model;
    QLabel* m_sentence = nullptr;
    QComboBox* m_classBox = nullptr;
    QCheckBox* m_unpaired = nullptr;
    QCheckBox* m_bootstrap = nullptr;
    QSpinBox* m_replicates = nullptr;
    QSpinBox* m_seed = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    QWidget* m_foldPart = nullptr;
    QTableWidget* m_foldTable = nullptr;
    QComboBox* m_foldBand = nullptr;
};

} // namespace focalscope
