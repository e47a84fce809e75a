#include "views/threshold_panel.h"

#include "model/dataset_session.h"
#include "model/threshold_model.h"
#include "roc/confusion_matrix.h"
#include "views/number_format.h"
#include "views/operating_point_panel.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>

namespace focalscope {

namespace {

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ThresholdPanel::ThresholdPanel(DatasetSession& session, ThresholdModel& model, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(model)
{
    setObjectName(QStringLiteral("thresholdPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_needsRows = new QLabel(
        tr("Thresholds need the rows; a summary has only binned counts. Open the predictions to "
           "pick an operating point."),
        this);
    m_needsRows->setObjectName(QStringLiteral("thresholdNeedsRows"));
    m_needsRows->setWordWrap(true);
    m_needsRows->setStyleSheet(QStringLiteral("color: #9a6700; padding: 8px"));
    m_needsRows->hide();
    outer->addWidget(m_needsRows);
    m_content = new QWidget(this);
    outer->addWidget(m_content, 1);
    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* form = new QFormLayout;
    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("thresholdClass"));
    form->addRow(tr("Class"), m_class);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("thresholdSlider"));
    // Left: low thresholds (everything positive); right: high ones.
    m_slider->setInvertedAppearance(true);
    m_slider->setToolTip(tr("Every distinct score of the class, from the lowest (left) to the "
                            "highest (right)"));
    form->addRow(tr("Threshold"), m_slider);
    m_threshold = new QLineEdit(this);
    m_threshold->setObjectName(QStringLiteral("thresholdValue"));
    m_threshold->setToolTip(tr("Type a threshold and press Enter: a row is positive when its "
                               "score is at least the threshold"));
    form->addRow(QString(), m_threshold);
    auto* ruleRow = new QHBoxLayout;
    m_rule = new QComboBox(this);
    m_rule->setObjectName(QStringLiteral("thresholdRule"));
    m_rule->setEditable(true);
    m_rule->addItems({QStringLiteral("youden"), QStringLiteral("f1"), QStringLiteral("fpr=0.01"),
        QStringLiteral("tpr=0.95"), QStringLiteral("cost=1,5")});
    m_rule->setToolTip(tr("youden: max TPR − FPR; f1: max F1; fpr=X: highest TPR with FPR ≤ X; "
                          "tpr=X: lowest FPR with TPR ≥ X; cost=CFP,CFN[,PI]: least expected "
                          "cost (PI: the data's prevalence unless given)"));
    m_applyRule = new QPushButton(tr("Apply"), this);
    m_applyRule->setObjectName(QStringLiteral("applyRule"));
    ruleRow->addWidget(m_rule, 1);
    ruleRow->addWidget(m_applyRule);
    form->addRow(tr("Rule"), ruleRow);
    layout->addLayout(form);
    m_ruleMessage = new QLabel(this);
    m_ruleMessage->setWordWrap(true);
    m_ruleMessage->setStyleSheet(QStringLiteral("color: #9a6700"));
    layout->addWidget(m_ruleMessage);

    m_pointPanel = new OperatingPointPanel(this);
    layout->addWidget(m_pointPanel);

    auto* errorsRow = new QHBoxLayout;
    m_errorsTitle = new QLabel(this);
    m_errorsTitle->setWordWrap(true);
    m_exportErrors = new QPushButton(tr("Export CSV…"), this);
    m_exportErrors->setObjectName(QStringLiteral("exportErrors"));
    m_exportErrors->setToolTip(tr("Every false positive and false negative at the threshold"));
    errorsRow->addWidget(m_errorsTitle, 1);
    errorsRow->addWidget(m_exportErrors);
    layout->addLayout(errorsRow);
    m_errors = new QTableWidget(0, 6, this);
    m_errors->setObjectName(QStringLiteral("errorRows"));
    m_errors->setHorizontalHeaderLabels(
        {tr("Error"), tr("Row"), tr("Label"), tr("Score"), tr("pₜ"), tr("Loss")});
    m_errors->verticalHeader()->hide();
    m_errors->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errors->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_errors->setMinimumHeight(120);
    layout->addWidget(m_errors, 1);

    m_argmaxTitle = new QLabel(tr("<b>Argmax confusion matrix</b> (rows: true class, columns: "
                                  "predicted)"),
        this);
    m_argmax = new QTableWidget(this);
    m_argmax->setObjectName(QStringLiteral("argmaxMatrix"));
    m_argmax->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_argmax->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_argmax->setMinimumHeight(100);
    layout->addWidget(m_argmaxTitle);
    layout->addWidget(m_argmax);

    connect(m_class, &QComboBox::activated, this, [this](int index) { m_model.setEntry(index); });
    connect(m_slider, &QSlider::valueChanged, this,
        [this](int value) { m_model.setIndex(static_cast<std::size_t>(value)); });
    connect(m_threshold, &QLineEdit::returnPressed, this, &ThresholdPanel::applyTypedThreshold);
    connect(m_applyRule, &QPushButton::clicked, this, &ThresholdPanel::applyRule);
    connect(m_rule->lineEdit(), &QLineEdit::returnPressed, this, &ThresholdPanel::applyRule);
    connect(m_exportErrors, &QPushButton::clicked, this, &ThresholdPanel::exportErrorsRequested);
    connect(&m_model, &ThresholdModel::tableChanged, this, &ThresholdPanel::onTableChanged);
    connect(&m_model, &ThresholdModel::pointChanged, this, &ThresholdPanel::showPoint);
    connect(&m_model, &ThresholdModel::pointCleared, this, &ThresholdPanel::showPoint);
    connect(&m_session, &DatasetSession::rocChanged, this, &ThresholdPanel::rebuildClasses);
    connect(&m_session, &DatasetSession::datasetChanged, this, [this] {
        m_needsRows->setVisible(m_session.isSummary());
        m_content->setVisible(!m_session.isSummary());
        rebuildClasses();
        fillArgmaxMatrix();
    });
    connect(&m_session, &DatasetSession::kindChanged, this, &ThresholdPanel::fillArgmaxMatrix);
    connect(&m_session, &DatasetSession::lossChanged, this, &ThresholdPanel::fillErrors);
    rebuildClasses();
    fillArgmaxMatrix();
    showPoint();
}

void ThresholdPanel::rebuildClasses()
{
    const auto roc = m_session.roc();
    const QSignalBlocker blocker(m_class);
    QStringList names;
    if (roc)
        for (const ClassRoc& entry : roc->classes)
            names << QString::fromStdString(entry.name);
    QStringList current;
    for (int i = 0; i < m_class->count(); ++i)
        current << m_class->itemText(i);
    if (current != names) {
        m_class->clear();
        m_class->addItems(names);
    }
    // The first table once the ROC is in: the slider is ready when the user reaches for it.
    if (roc && !names.isEmpty() && m_model.entry() < 0)
        m_model.setEntry(0);
    m_class->setCurrentIndex(m_model.entry());
}

void ThresholdPanel::onTableChanged()
{
    const QSignalBlocker blocker(m_slider);
    const ThresholdTable* table = m_model.table();
    m_slider->setEnabled(table != nullptr);
    m_threshold->setEnabled(table != nullptr);
    m_applyRule->setEnabled(table != nullptr);
    m_slider->setRange(0, table ? static_cast<int>(table->size()) - 1 : 0);
    {
        const QSignalBlocker classBlocker(m_class);
        m_class->setCurrentIndex(m_model.entry());
    }
    if (!table)
        m_threshold->setPlaceholderText(
            m_model.isBuilding() ? tr("counting the class's scores…") : QString());
    else
        m_threshold->setPlaceholderText(tr("%L1 distinct scores from %2 to %3")
                                            .arg(table->size() - 1)
                                            .arg(formatNumber(table->lowestScore(), 6),
                                                formatNumber(table->highestScore(), 6)));
}

void ThresholdPanel::showPoint()
{
    const std::optional<OperatingPoint>& point = m_model.point();
    if (!point) {
        m_pointPanel->clear();
        m_threshold->clear();
        fillErrors();
        return;
    }
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(static_cast<int>(m_model.index()));
    }
    if (!m_threshold->hasFocus())
        m_threshold->setText(
            QString::number(point->threshold, 'g', QLocale::FloatingPointShortest));
    m_pointPanel->showPoint(m_model.className(), *point);
    fillErrors();
}

void ThresholdPanel::applyTypedThreshold()
{
    bool ok = false;
    const double value = m_threshold->text().trimmed().toDouble(&ok);
    if (!ok) {
        m_ruleMessage->setText(tr("“%1” is not a number").arg(m_threshold->text()));
        return;
    }
    m_ruleMessage->clear();
    m_model.setThreshold(value);
}

void ThresholdPanel::applyRule()
{
    QString message;
    const bool applied = m_model.applyRule(m_rule->currentText(), &message);
    m_ruleMessage->setText(applied ? message : tr("No point: %1").arg(message));
}

void ThresholdPanel::fillErrors()
{
    const ErrorRows rows = m_model.errorRowsAt(kListedErrors);
    m_errors->setRowCount(0);
    m_exportErrors->setEnabled(m_model.point().has_value());
    if (!m_model.point()) {
        m_errorsTitle->setText(tr("<b>Errors at the threshold</b>"));
        return;
    }
    m_errorsTitle->setText(tr("<b>Errors</b>: %L1 false positives, %L2 false negatives "
                              "(hardest first, %3 of each listed)")
                               .arg(rows.falsePositiveCount)
                               .arg(rows.falseNegativeCount)
                               .arg(kListedErrors));
    const int total = static_cast<int>(rows.falsePositives.size() + rows.falseNegatives.size());
    m_errors->setRowCount(total);
    int r = 0;
    auto add = [&](const ErrorRow& row, const QString& kind) {
        m_errors->setItem(r, 0, cell(kind));
        m_errors->setItem(r, 1, cell(QString::number(row.row)));
        m_errors->setItem(r, 2, cell(QString::number(row.label)));
        m_errors->setItem(r, 3, cell(formatNumber(row.score, 6)));
        m_errors->setItem(r, 4, cell(formatNumber(row.pt)));
        m_errors->setItem(r, 5, cell(formatNumber(row.loss)));
        ++r;
    };
    for (const ErrorRow& row : rows.falsePositives)
        add(row, tr("false +"));
    for (const ErrorRow& row : rows.falseNegatives)
        add(row, tr("false −"));
}

void ThresholdPanel::fillArgmaxMatrix()
{
    const Predictions* predictions = m_session.predictions();
    const bool multiclass = predictions && !predictions->isBinary() && !m_session.isSummary();
    m_argmaxTitle->setVisible(multiclass);
    m_argmax->setVisible(multiclass);
    if (!multiclass)
        return;
    const ConfusionMatrix matrix = argmaxConfusionMatrix(*predictions);
    const QStringList names = m_session.targetNames();
    const int classes = static_cast<int>(names.size());
    m_argmax->setRowCount(classes);
    m_argmax->setColumnCount(classes);
    m_argmax->setHorizontalHeaderLabels(names);
    m_argmax->setVerticalHeaderLabels(names);
    for (int t = 0; t < classes; ++t) {
        for (int p = 0; p < classes; ++p) {
            const auto count = matrix.at(static_cast<Index>(t), static_cast<Index>(p));
            auto* item = cell(QString::number(count));
            item->setToolTip(
                tr("%1% of the rows of %2")
                    .arg(formatNumber(
                        100.0 * matrix.rowNormalised(static_cast<Index>(t), static_cast<Index>(p))))
                    .arg(names[t]));
            if (t == p)
                item->setBackground(QColor(0xe8, 0xf4, 0xe8));
            m_argmax->setItem(t, p, item);
        }
    }
}

bool ThresholdPanel::exportErrors(const QString& path, QString* error) const
{
    if (!m_model.point()) {
        if (error)
            *error = tr("Pick an operating point first.");
        return false;
    }
    const QByteArray bytes
        = QByteArray::fromStdString(errorRowsCsv({m_model.errorRowsAt(SIZE_MAX)}));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace focalscope
