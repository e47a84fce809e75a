#include "plot/chart_builder.h"
#include "plot/plot_palette.h"
#include "plot/plot_view.h"

#include <QSignalSpy>
#include <QtTest>

using namespace focalscope;

namespace {

// A decimated-looking curve: drawn point i came from source index 10 i + 3.
PlotSpec curveSpec()
{
    PlotSpec spec;
    spec.title = QStringLiteral("View");
    spec.x = {QStringLiteral("x"), 0.0, 1.0, false};
    spec.y = {QStringLiteral("y"), 0.0, 1.0, false};
    PlotSeries diagonal; // a reference line that must not be picked
    diagonal.color = Qt::gray;
    diagonal.style = PlotSeries::Style::Dotted;
    diagonal.pickable = false;
    diagonal.points = {{0, 0}, {1, 1}};
    PlotSeries curve;
    curve.name = QStringLiteral("curve");
    curve.color = classColor(1);
    curve.id = 42;
    for (int i = 0; i <= 20; ++i) {
        curve.points.append({i / 20.0, std::sqrt(i / 20.0)});
        curve.sourceIndex.append(10 * i + 3);
    }
    spec.series = {diagonal, curve};
    spec.squareAspect = true;
    return spec;
}

} // namespace

class TestPlotView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void clickReportsSourceIndex_data();
    void clickReportsSourceIndex();
    void clickAwayReportsNothing();
    void referenceLinesNotPicked_data();
    void referenceLinesNotPicked();
    void hover();
    void setSpecInPlaceOrRebuilt();
    void marker();
    void squareInView();
    void overlaysDrawn();

private:
    PlotView* m_view = nullptr;
};

void TestPlotView::init()
{
    m_view = new PlotView;
    m_view->resize(800, 600);
    m_view->setSpec(curveSpec());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestPlotView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

void TestPlotView::clickReportsSourceIndex_data()
{
    QTest::addColumn<int>("drawn");
    QTest::addColumn<QPointF>("offset"); // pixels from the point, within the pick radius
    QTest::newRow("first") << 0 << QPointF(0, 0);
    QTest::newRow("middle") << 7 << QPointF(0, 0);
    QTest::newRow("middle, 3 px off") << 7 << QPointF(2, -2);
    QTest::newRow("last") << 20 << QPointF(-1, 1);
}

void TestPlotView::clickReportsSourceIndex()
{
    QFETCH(int, drawn);
    QFETCH(QPointF, offset);
    const PlotSeries& curve = m_view->spec().series[1];
    const QPointF value = curve.points[drawn];
    const QPointF at = m_view->mapToView(value, 1) + offset;
    QSignalSpy clicked(m_view, &PlotView::pointClicked);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked[0][0].toInt(), 1);
    QCOMPARE(clicked[0][1].value<qsizetype>(), qsizetype(10 * drawn + 3));
    QCOMPARE(clicked[0][2].toPointF(), value);
    QCOMPARE(m_view->spec().series[clicked[0][0].toInt()].id, 42);
}

void TestPlotView::clickAwayReportsNothing()
{
    QSignalSpy clicked(m_view, &PlotView::pointClicked);
    // Far below the curve, inside the plot area.
    const QPoint away = m_view->mapToView({0.9, 0.1}, 1).toPoint();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, away);
    // Right button on a point: not a pick.
    const QPoint on = m_view->mapToView(m_view->spec().series[1].points[5], 1).toPoint();
    QTest::mouseClick(m_view->viewport(), Qt::RightButton, {}, on);
    // 15 px beside a point, beyond the pick radius.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, on + QPoint(15, 0));
    QCOMPARE(clicked.size(), 0);
    QCOMPARE(m_view->pickAt(away).series, -1);
    QCOMPARE(m_view->pickAt(on).drawn, qsizetype(5));
}

void TestPlotView::referenceLinesNotPicked_data()
{
    QTest::addColumn<bool>("pickable");
    QTest::newRow("reference line") << false;
    // The same line made pickable: the click is reported, so the first row can fail.
    QTest::newRow("pickable line (control)") << true;
}

void TestPlotView::referenceLinesNotPicked()
{
    // The diagonal drawn with a point every 0.01, so that its middle (0.5, 0.5), far from the
    // curve, is a drawn point of the diagonal only.
    QFETCH(bool, pickable);
    PlotSpec spec = curveSpec();
    PlotSeries& diagonal = spec.series[0];
    QVERIFY(!diagonal.pickable);
    diagonal.pickable = pickable;
    diagonal.points.clear();
    for (int i = 0; i <= 100; ++i)
        diagonal.points.append({i / 100.0, i / 100.0});
    m_view->setSpec(spec);

    const QPoint middle = m_view->mapToView({0.5, 0.5}, 0).toPoint();
    const PlotView::Pick pick = m_view->pickAt(middle);
    QCOMPARE(pick.series, pickable ? 0 : -1);
    QCOMPARE(pick.drawn, pickable ? qsizetype(50) : qsizetype(-1));
    QSignalSpy clicked(m_view, &PlotView::pointClicked);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, middle);
    QCOMPARE(clicked.size(), pickable ? 1 : 0);

    // (1, 1) is on the diagonal and the curve's last point: the curve is reported.
    const PlotView::Pick end = m_view->pickAt(m_view->mapToView({1.0, 1.0}, 1).toPoint());
    QCOMPARE(end.series, 1);
    QCOMPARE(end.drawn, qsizetype(20));
}

void TestPlotView::hover()
{
    QSignalSpy hovered(m_view, &PlotView::pointHovered);
    QSignalSpy left(m_view, &PlotView::hoverLeft);
    const QPointF value = m_view->spec().series[1].points[12];
    QTest::mouseMove(m_view->viewport(), m_view->mapToView(value, 1).toPoint());
    QTRY_COMPARE(hovered.size(), 1);
    QCOMPARE(hovered[0][1].value<qsizetype>(), qsizetype(123));
    QCOMPARE(hovered[0][2].toPointF(), value);
    // The caller answers with a text box.
    m_view->showHoverText(1, value, QStringLiteral("threshold 0.5"));
    QCOMPARE(m_view->hoverText(), QStringLiteral("threshold 0.5"));
    QTest::mouseMove(m_view->viewport(), m_view->mapToView({0.9, 0.1}, 1).toPoint());
    QTRY_COMPARE(left.size(), 1);
    m_view->hideHoverText();
    QCOMPARE(m_view->hoverText(), QString());
}

void TestPlotView::setSpecInPlaceOrRebuilt()
{
    PlotChart* chart = m_view->plotChart();
    PlotSpec next = curveSpec();
    next.series[1].points[5] = {0.25, 0.1};
    m_view->setSpec(next);
    QCOMPARE(m_view->plotChart(), chart); // same structure: updated in place
    QCOMPARE(m_view->spec().series[1].points[5], QPointF(0.25, 0.1));
    QSignalSpy clicked(m_view, &PlotView::pointClicked);
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, {}, m_view->mapToView({0.25, 0.1}, 1).toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked[0][1].value<qsizetype>(), qsizetype(53));

    PlotSpec more = curveSpec();
    more.series.append(more.series[1]);
    m_view->setSpec(more);
    QVERIFY(m_view->plotChart() != nullptr);
    QCOMPARE(m_view->chart(), m_view->plotChart());
    QCOMPARE(m_view->plotChart()->series().size(), 3);
}

void TestPlotView::marker()
{
    QVERIFY(!m_view->hasMarker());
    m_view->setMarker(1, {0.5, std::sqrt(0.5)}, QStringLiteral("picked"));
    QVERIFY(m_view->hasMarker());
    PlotSpec fewer = curveSpec();
    fewer.series.removeLast();
    m_view->setSpec(fewer); // its series is gone: the marker goes too
    QVERIFY(!m_view->hasMarker());
    m_view->setMarker(0, {0.5, 0.5});
    m_view->clearMarker();
    QVERIFY(!m_view->hasMarker());
}

void TestPlotView::squareInView()
{
    for (const QSize size : {QSize(900, 500), QSize(500, 900)}) {
        m_view->resize(size);
        QTRY_VERIFY(std::abs(m_view->plotChart()->plotArea().width()
                        - m_view->plotChart()->plotArea().height())
            < 1.0);
    }
}

// The marker and the hover box are drawn in the view (FOCALSCOPE_PLOT_GALLERY=dir keeps the
// screenshot there).
void TestPlotView::overlaysDrawn()
{
    const QImage before = m_view->grab().toImage();
    const QPointF value = m_view->spec().series[1].points[10];
    m_view->setMarker(1, value, QStringLiteral("threshold 0.42"));
    m_view->showHoverText(1, m_view->spec().series[1].points[16],
        QStringLiteral("threshold 0.31\nFPR 0.800  TPR 0.894"));
    const QImage after = m_view->grab().toImage();
    QCOMPARE(after.size(), before.size());
    QVERIFY(after != before);
    // The ring's centre keeps the white fill; the ring itself is dark.
    const QPoint centre = m_view->mapToView(value, 1).toPoint();
    const QColor ring(after.pixel(centre + QPoint(6, 0)));
    QVERIFY2(ring.lightness() < 100, qPrintable(ring.name()));
    const QString dir = qEnvironmentVariable("FOCALSCOPE_PLOT_GALLERY");
    if (!dir.isEmpty())
        after.save(QDir(dir).filePath(QStringLiteral("plot_view.png")));
}

QTEST_MAIN(TestPlotView)
#include "tst_plot_view.moc"
