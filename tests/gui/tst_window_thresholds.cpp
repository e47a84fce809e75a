// The threshold panel in the window, headless: slider, typed value and rules move one operating
// point, marked on ROC and PR, with the confusion matrix counted from the file; the rows at the
// point (listed and exported); the multiclass argmax confusion matrix.

#include "charts/score_histogram_plot.h"
#include "main_window_test.h"
#include "model/dataset_session.h"
#include "model/threshold_model.h"
#include "plot/plot_view.h"
#include "roc/threshold_rules.h"
#include "views/chart_tabs.h"
#include "views/operating_point_panel.h"
#include "views/threshold_panel.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>

using namespace focalscope;
using namespace focalscope::testing;

class TestWindowThresholds : public MainWindowTest {
    Q_OBJECT

private slots:
    void sliderMovesTheOnePoint();
    void typedThresholdIsKept();
    void rulesPickTheirPoint_data();
    void rulesPickTheirPoint();
    void badRuleSaysWhy();
    void errorRowsListedAndExported();
    void argmaxMatrixForMulticlassOnly();
    void clickSelectsTheClassAndThreshold();
    void scoresTabDrawsTheThreshold();
    void costRuleDrawsIsoCostLineAndExpectedCost();

private:
    // Opens the fixture and waits until the panel's first table is ready.
    void openWithTable(const char* name);
    // TP, FP, FN, TN of target class c (score >= threshold is positive), counted from the file.
    std::array<qint64, 4> counts(const char* name, int c, double threshold) const;
};

void TestWindowThresholds::openWithTable(const char* name)
{
    openAndWait(fixture(name));
    ThresholdModel& model = m_window->thresholds();
    QTRY_VERIFY_WITH_TIMEOUT(model.hasTable(), 10000);
}

std::array<qint64, 4> TestWindowThresholds::counts(const char* name, int c, double threshold) const
{
    const Predictions p = corePredictions(fixture(name));
    std::array<qint64, 4> n {0, 0, 0, 0};
    const bool binary = p.isBinary();
    for (Index i = 0; i < p.rows(); ++i) {
        const bool positive = binary ? p.labels[i] == 1 : p.labels[i] == c;
        const double score = p.scores(i, binary ? 0 : c); // probabilities: ranked as given
        const bool predicted = score >= threshold;
        n[positive ? (predicted ? 0 : 2) : (predicted ? 1 : 3)] += 1;
    }
    return n;
}

void TestWindowThresholds::sliderMovesTheOnePoint()
{
    openWithTable("three_class.csv");
    ThresholdModel& model = m_window->thresholds();
    QSlider* slider = m_window->thresholdPanel()->slider();
    const ThresholdTable& table = *model.table();
    QCOMPARE(slider->maximum(), int(table.size()) - 1);
    const int k = int(table.size()) / 3;
    slider->setValue(k);
    QVERIFY(model.point().has_value());
    QCOMPARE(model.point()->threshold, table.threshold(std::size_t(k)));
    const auto expected = counts("three_class.csv", model.entry(), model.point()->threshold);
    QCOMPARE(model.point()->tp, expected[0]);
    QCOMPARE(model.point()->fp, expected[1]);
    QCOMPARE(model.point()->fn, expected[2]);
    QCOMPARE(model.point()->tn, expected[3]);
    QTableWidget* matrix = m_window->operatingPointPanel()->confusionTable();
    QCOMPARE(matrix->item(0, 0)->text(), QString::number(expected[0]));
    QCOMPARE(matrix->item(1, 0)->text(), QString::number(expected[1]));
    ChartTabs* tabs = m_window->chartTabs();
    QVERIFY(tabs->view(ChartTabs::RocChart)->hasMarker());
    QVERIFY(tabs->view(ChartTabs::PrChart)->hasMarker());
    QCOMPARE(tabs->pickedPoint()->threshold, model.point()->threshold);
}

void TestWindowThresholds::typedThresholdIsKept()
{
    openWithTable("binary.csv");
    QLineEdit* edit = m_window->thresholdPanel()->thresholdEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("0.25"), Qt::NoModifier, 20);
    QTest::keyClick(edit, Qt::Key_Return);
    ThresholdModel& model = m_window->thresholds();
    QVERIFY(model.point().has_value());
    QCOMPARE(model.point()->threshold, 0.25); // the typed value, not the next score
    const auto expected = counts("binary.csv", 0, 0.25);
    QCOMPARE(model.point()->tp, expected[0]);
    QCOMPARE(model.point()->fp, expected[1]);
    // Above every score: nothing positive; below every score: everything.
    edit->setText(QStringLiteral("1e9"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(model.point()->tp + model.point()->fp, 0);
    edit->setText(QStringLiteral("-1e9"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(model.point()->fn + model.point()->tn, 0);
}

void TestWindowThresholds::rulesPickTheirPoint_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("youden") << QStringLiteral("youden");
    QTest::newRow("f1") << QStringLiteral("f1");
    QTest::newRow("fpr=0.1") << QStringLiteral("fpr=0.1");
    QTest::newRow("tpr=0.9") << QStringLiteral("tpr=0.9");
    QTest::newRow("cost=1,5") << QStringLiteral("cost=1,5");
}

void TestWindowThresholds::rulesPickTheirPoint()
{
    QFETCH(QString, rule);
    openWithTable("binary.csv");
    ThresholdPanel* panel = m_window->thresholdPanel();
    panel->ruleBox()->setCurrentText(rule);
    panel->findChild<QPushButton*>(QStringLiteral("applyRule"))->click();
    ThresholdModel& model = m_window->thresholds();
    const RulePoint expected = applyRule(*model.table(), parseOperatingRule(rule.toStdString()));
    QVERIFY(expected.point.has_value());
    QVERIFY(model.point().has_value());
    QCOMPARE(model.point()->threshold, expected.point->threshold);
    QCOMPARE(model.point()->tp, expected.point->tp);
    QCOMPARE(panel->slider()->value(), int(expected.index));
    QVERIFY(m_window->chartTabs()->view(ChartTabs::RocChart)->hasMarker());
    QCOMPARE(panel->ruleMessage()->text().contains(QStringLiteral("expected cost")),
        rule.startsWith(QStringLiteral("cost")));
}

void TestWindowThresholds::badRuleSaysWhy()
{
    openWithTable("binary.csv");
    ThresholdPanel* panel = m_window->thresholdPanel();
    panel->ruleBox()->setCurrentText(QStringLiteral("fpr=2"));
    panel->findChild<QPushButton*>(QStringLiteral("applyRule"))->click();
    QVERIFY2(panel->ruleMessage()->text().contains(QStringLiteral("fpr=2")),
        qPrintable(panel->ruleMessage()->text()));
    QVERIFY(!m_window->thresholds().point().has_value());
}

void TestWindowThresholds::errorRowsListedAndExported()
{
    openWithTable("binary.csv");
    QLineEdit* edit = m_window->thresholdPanel()->thresholdEdit();
    edit->setText(QStringLiteral("0"));
    QTest::keyClick(edit, Qt::Key_Return);
    const auto expected = counts("binary.csv", 0, 0.0);
    QTableWidget* table = m_window->thresholdPanel()->errorsTable();
    const qint64 listed = std::min<qint64>(expected[1], ThresholdPanel::kListedErrors)
        + std::min<qint64>(expected[2], ThresholdPanel::kListedErrors);
    QCOMPARE(table->rowCount(), int(listed));
    QVERIFY(listed > 0);
    // The hardest false positive first: the highest-scored negative.
    if (expected[1] > 0)
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("false +"));

    const QString path = m_dir->filePath(QStringLiteral("errors.csv"));
    QString error;
    QVERIFY2(m_window->thresholdPanel()->exportErrors(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.front(), QByteArray("class,error,row,label,score,p_t,loss"));
    QCOMPARE(qint64(lines.size() - 1), expected[1] + expected[2]);
}

void TestWindowThresholds::argmaxMatrixForMulticlassOnly()
{
    openWithTable("three_class.csv");
    QTableWidget* matrix = m_window->thresholdPanel()->argmaxTable();
    QVERIFY(!matrix->isHidden());
    QCOMPARE(matrix->rowCount(), 3);
    qint64 total = 0;
    for (int t = 0; t < 3; ++t)
        for (int p = 0; p < 3; ++p)
            total += matrix->item(t, p)->text().toLongLong();
    QCOMPARE(total, qint64(corePredictions(fixture("three_class.csv")).rows()));
    openWithTable("binary.csv");
    QVERIFY(matrix->isHidden());
}

void TestWindowThresholds::clickSelectsTheClassAndThreshold()
{
    openWithTable("three_class.csv");
    ThresholdModel& model = m_window->thresholds();
    QCOMPARE(model.entry(), 0);
    ChartTabs* tabs = m_window->chartTabs();
    tabs->setCurrentIndex(ChartTabs::RocChart);
    const RocCurve& curve = m_window->session().roc()->classes[2].roc;
    QVERIFY(tabs->pickOperatingPoint(2, curve.thresholds.size() / 2));
    const double threshold = curve.thresholds[curve.thresholds.size() / 2];
    QTRY_VERIFY_WITH_TIMEOUT(model.point().has_value() && model.entry() == 2, 10000);
    QCOMPARE(model.point()->threshold, threshold);
    QCOMPARE(m_window->thresholdPanel()->classBox()->currentIndex(), 2);
    QCOMPARE(model.table()->threshold(model.index()), threshold);
    QVERIFY(tabs->view(ChartTabs::RocChart)->hasMarker());
}

// The Scores tab: the class's positive and negative rows in shared bins and the threshold line.
void TestWindowThresholds::scoresTabDrawsTheThreshold()
{
    openWithTable("three_class.csv");
    ThresholdModel& model = m_window->thresholds();
    ChartTabs* tabs = m_window->chartTabs();
    auto seriesOf = [tabs](int id) -> const PlotSeries* {
        for (const PlotSeries& s : tabs->spec(ChartTabs::ScoresChart).series)
            if (s.id == id)
                return &s;
        return nullptr;
    };
    QVERIFY(seriesOf(kPositiveScoresSeriesId));
    QVERIFY(!seriesOf(kThresholdLineSeriesId)); // no point yet
    qint64 positives = 0;
    for (const QPointF& bar : seriesOf(kPositiveScoresSeriesId)->points)
        positives += qint64(bar.y());
    QCOMPARE(positives, model.table()->positives());

    m_window->thresholdPanel()->slider()->setValue(int(model.table()->size()) / 2);
    const PlotSeries* line = seriesOf(kThresholdLineSeriesId);
    QVERIFY(line);
    QCOMPARE(line->points.front().x(), model.point()->threshold);
    auto* logCounts = m_window->findChild<QAction*>(QStringLiteral("scoresLogCounts"));
    QVERIFY(logCounts);
    logCounts->setChecked(true);
    QVERIFY(tabs->spec(ChartTabs::ScoresChart).y.logarithmic);
}

// A cost rule: the line of equal expected cost through the point on ROC, and the expected cost
// against the threshold on the Scores tab; another rule takes both away.
void TestWindowThresholds::costRuleDrawsIsoCostLineAndExpectedCost()
{
    openWithTable("binary.csv");
    ThresholdPanel* panel = m_window->thresholdPanel();
    ChartTabs* tabs = m_window->chartTabs();
    auto isoLine = [tabs]() -> const PlotSeries* {
        for (const PlotSeries& s : tabs->spec(ChartTabs::RocChart).series)
            if (s.name.startsWith(QStringLiteral("equal expected cost")))
                return &s;
        return nullptr;
    };
    auto costCurve = [tabs]() -> const PlotSeries* {
        for (const PlotSeries& s : tabs->spec(ChartTabs::ScoresChart).series)
            if (s.id == kExpectedCostSeriesId)
                return &s;
        return nullptr;
    };
    panel->ruleBox()->setCurrentText(QStringLiteral("cost=1,5"));
    panel->findChild<QPushButton*>(QStringLiteral("applyRule"))->click();
    ThresholdModel& model = m_window->thresholds();
    QVERIFY(model.costs().has_value());
    const OperatingPoint point = *model.point();
    const PlotSeries* line = isoLine();
    QVERIFY(line);
    // Through the point, with the rule's slope CFP (1 - PI) / (CFN PI).
    const double slope = model.costs()->isoCostSlope;
    const double prevalence = model.costs()->prevalence;
    QVERIFY(std::abs(slope - (1.0 - prevalence) / (5.0 * prevalence)) < 1e-12);
    const QPointF a = line->points.front();
    QVERIFY(std::abs(a.y() - (point.tpr + slope * (a.x() - point.fpr))) < 1e-9);
    const PlotSeries* cost = costCurve();
    QVERIFY(cost);
    QVERIFY(cost->onSecondaryAxis);
    // The rule's point has the least expected cost of the curve's thresholds.
    const double atPoint = expectedCost(point, 1.0, 5.0, prevalence);
    for (const QPointF& p : cost->points)
        QVERIFY(p.y() >= atPoint - 1e-12);

    panel->ruleBox()->setCurrentText(QStringLiteral("youden"));
    panel->findChild<QPushButton*>(QStringLiteral("applyRule"))->click();
    QVERIFY(!isoLine());
    QVERIFY(!costCurve());
}

QTEST_MAIN(TestWindowThresholds)
#include "tst_window_thresholds.moc"
