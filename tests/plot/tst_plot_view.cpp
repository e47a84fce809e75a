#include "plot/chart_builder.h"
#include "plot/plot_export.h"
#include "plot/plot_palette.h"
#include "plot/plot_view.h"

#include <QSignalSpy>
#include <QValueAxis>
#include <QWheelEvent>
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

// |a - b| within `pixels` of the plot area's 800-px-ish span (values on 0..1 axes).
bool near(double a, double b, double tolerance = 0.01)
{
    return std::abs(a - b) <= tolerance;
}

QString describe(const PlotRange& r)
{
    return QStringLiteral("x %1..%2, y %3..%4").arg(r.xMin).arg(r.xMax).arg(r.yMin).arg(r.yMax);
}

// FOCALSCOPE_PLOT_GALLERY=dir keeps a screenshot of the view there.
void saveToGallery(PlotView* view, const QString& name)
{
    const QString dir = qEnvironmentVariable("FOCALSCOPE_PLOT_GALLERY");
    if (!dir.isEmpty())
        view->grab().save(QDir(dir).filePath(name));
}

void sendWheel(QWidget* viewport, QPoint at, int delta)
{
    QWheelEvent wheel(QPointF(at), viewport->mapToGlobal(QPointF(at)), QPoint(), QPoint(0, delta),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
}

// A histogram of four bins of width 0.25 with a hover text each.
PlotSpec barSpec()
{
    PlotSpec spec;
    spec.x = {QStringLiteral("p"), 0.0, 1.0, false};
    spec.y = {QStringLiteral("share"), 0.0, 1.0, false};
    PlotSeries bars;
    bars.name = QStringLiteral("bars");
    bars.color = classColor(2);
    bars.style = PlotSeries::Style::Bars;
    bars.barWidth = 0.25;
    bars.points = {{0.125, 0.2}, {0.375, 0.8}, {0.625, 0.5}, {0.875, 0.1}};
    bars.hoverText = {"bin 0", "bin 1", "bin 2", "bin 3"};
    spec.series = {bars};
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
    void rubberBandZooms();
    void clickIsNotAZoom_data();
    void clickIsNotAZoom();
    void pickWhileZoomed();
    void wheelZoomsAroundCursor();
    void wheelOnLogAxis();
    void doubleClickResets();
    void homeKeyResets();
    void pan_data();
    void pan();
    void zoomKeptForSameAxes();
    void shownSpecAndExport();
    void markerOutsideZoomHidden();
    void hoverHiddenOnClick();
    void histogramBarsHovered();

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

// A drag from empty plot area zooms to the rectangle, widened to a square on a square chart.
void TestPlotView::rubberBandZooms()
{
    QSignalSpy zoomed(m_view, &PlotView::zoomChanged);
    const QPoint from = m_view->mapToView({0.6, 0.4}, 1).toPoint(); // below the curve
    const QPoint to = m_view->mapToView({0.9, 0.2}, 1).toPoint();
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), (from + to) / 2);
    QTest::mouseMove(m_view->viewport(), to);
    QVERIFY(!m_view->isZoomed()); // not before the release
    saveToGallery(m_view, QStringLiteral("plot_view_rubber_band.png"));
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    QVERIFY(m_view->isZoomed());
    QCOMPARE(zoomed.size(), 1);
    saveToGallery(m_view, QStringLiteral("plot_view_zoomed.png"));
    const PlotRange r = m_view->shownRange();
    // 0.3 wide, 0.2 high: the height grows to 0.3 around its centre 0.3.
    QVERIFY2(near(r.xMin, 0.6) && near(r.xMax, 0.9) && near(r.yMin, 0.15) && near(r.yMax, 0.45),
        qPrintable(describe(r)));
    QVERIFY(near(r.xMax - r.xMin, r.yMax - r.yMin, 1e-9));
    // The spec keeps its own ranges; the chart shows the zoomed ones.
    QCOMPARE(m_view->spec().x.min, 0.0);
    QCOMPARE(m_view->spec().x.max, 1.0);
    auto* x = qobject_cast<QValueAxis*>(m_view->plotChart()->axes(Qt::Horizontal).front());
    QCOMPARE(x->min(), r.xMin);
    QCOMPARE(x->max(), r.xMax);

    // Without squareAspect the rectangle is taken as it is.
    m_view->resetZoom();
    PlotSpec free = curveSpec();
    free.squareAspect = false;
    m_view->setSpec(free);
    const QPoint a = m_view->mapToView({0.6, 0.4}, 1).toPoint();
    const QPoint b = m_view->mapToView({0.9, 0.2}, 1).toPoint();
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(m_view->viewport(), b);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, b);
    const PlotRange f = m_view->shownRange();
    QVERIFY2(near(f.yMin, 0.2) && near(f.yMax, 0.4) && near(f.xMin, 0.6), qPrintable(describe(f)));
}

void TestPlotView::clickIsNotAZoom_data()
{
    QTest::addColumn<QPoint>("move");
    QTest::newRow("no movement") << QPoint(0, 0);
    QTest::newRow("a 2 px tremor") << QPoint(2, 1);
    QTest::newRow("a thin band") << QPoint(200, 3);
}

void TestPlotView::clickIsNotAZoom()
{
    QFETCH(QPoint, move);
    QSignalSpy zoomed(m_view, &PlotView::zoomChanged);
    QSignalSpy clicked(m_view, &PlotView::pointClicked);
    const QPoint at = m_view->mapToView({0.5, 0.1}, 1).toPoint();
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseMove(m_view->viewport(), at + move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, at + move);
    QVERIFY(!m_view->isZoomed());
    QCOMPARE(zoomed.size(), 0);
    QCOMPARE(clicked.size(), 0);
}

// Zoomed in, a click on a point is still a pick of the right source index, and a point out
// of the shown ranges cannot be picked.
void TestPlotView::pickWhileZoomed()
{
    m_view->zoomTo(0.3, 0.6, 0.4, 0.9);
    QVERIFY(m_view->isZoomed());
    const QPointF value = m_view->spec().series[1].points[9]; // (0.45, 0.67)
    QSignalSpy clicked(m_view, &PlotView::pointClicked);
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, {}, m_view->mapToView(value, 1).toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked[0][1].value<qsizetype>(), qsizetype(93));
    QVERIFY(m_view->isZoomed()); // a click does not zoom
    const QPointF outside = m_view->spec().series[1].points[18]; // x = 0.9
    QCOMPARE(m_view->pickAt(m_view->mapToView(outside, 1)).series, -1);
}

// One notch in shrinks both ranges by 0.8 around the value under the cursor; zooming out
// past the spec's ranges ends at them, not zoomed.
void TestPlotView::wheelZoomsAroundCursor()
{
    QSignalSpy zoomed(m_view, &PlotView::zoomChanged);
    const QPoint at = m_view->mapToView({0.5, 0.25}, 1).toPoint();
    const QPointF under = m_view->plotChart()->mapToValue(
        m_view->plotChart()->mapFromScene(m_view->mapToScene(at)));
    sendWheel(m_view->viewport(), at, 120);
    QVERIFY(m_view->isZoomed());
    QCOMPARE(zoomed.size(), 1);
    const PlotRange r = m_view->shownRange();
    QVERIFY2(near(r.xMax - r.xMin, 0.8, 1e-9) && near(r.yMax - r.yMin, 0.8, 1e-9),
        qPrintable(describe(r)));
    // The value under the cursor stays under it.
    QVERIFY2(near(r.xMin, under.x() - 0.8 * under.x(), 1e-9), qPrintable(describe(r)));
    QVERIFY2(near(r.yMin, under.y() - 0.8 * under.y(), 1e-9), qPrintable(describe(r)));
    sendWheel(m_view->viewport(), at, 120);
    QVERIFY(near(m_view->shownRange().xMax - m_view->shownRange().xMin, 0.64, 1e-9));
    sendWheel(m_view->viewport(), at, -360);
    QVERIFY(!m_view->isZoomed());
    QCOMPARE(m_view->shownRange(), fullRange(m_view->spec()));
    // Outside the plot area the wheel does nothing.
    sendWheel(m_view->viewport(), QPoint(2, 2), 120);
    QVERIFY(!m_view->isZoomed());
}

// On a log axis the zoom works in decades.
void TestPlotView::wheelOnLogAxis()
{
    PlotSpec spec = curveSpec();
    spec.squareAspect = false;
    spec.x = {QStringLiteral("FPR"), 1e-3, 1.0, true};
    for (PlotSeries& s : spec.series)
        s.points.removeIf([](QPointF p) { return p.x() <= 0.0; });
    m_view->setSpec(spec);
    // The cursor at x = 0.1, a third of the way down from 1 in decades.
    const QPoint at = m_view->mapToView({0.1, 0.5}, 1).toPoint();
    const double centre
        = std::log10(m_view->plotChart()
                         ->mapToValue(m_view->plotChart()->mapFromScene(m_view->mapToScene(at)))
                         .x());
    sendWheel(m_view->viewport(), at, 120);
    const PlotRange r = m_view->shownRange();
    QVERIFY2(near(std::log10(r.xMin), centre + (-3.0 - centre) * 0.8, 1e-9)
            && near(std::log10(r.xMax), centre + (0.0 - centre) * 0.8, 1e-9),
        qPrintable(describe(r)));
    QVERIFY(std::abs(centre + 1.0) < 0.01);
    QVERIFY(m_view->shownSpec().x.logarithmic);
}

void TestPlotView::doubleClickResets()
{
    m_view->zoomTo(0.2, 0.4, 0.2, 0.4);
    QVERIFY(m_view->isZoomed());
    QSignalSpy zoomed(m_view, &PlotView::zoomChanged);
    QTest::mouseDClick(
        m_view->viewport(), Qt::LeftButton, {}, m_view->mapToView({0.35, 0.21}, 1).toPoint());
    QVERIFY(!m_view->isZoomed());
    QCOMPARE(zoomed.size(), 1);
    QCOMPARE(m_view->shownRange(), fullRange(m_view->spec()));
}

void TestPlotView::homeKeyResets()
{
    m_view->zoomTo(0.2, 0.4, 0.2, 0.4);
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Plus);
    QVERIFY(near(m_view->shownRange().xMax - m_view->shownRange().xMin, 0.16, 1e-9));
    QTest::keyClick(m_view, Qt::Key_Home);
    QVERIFY(!m_view->isZoomed());
    QCOMPARE(m_view->shownRange(), fullRange(m_view->spec()));
    QTest::keyClick(m_view, Qt::Key_Minus); // out of the full view: nothing to do
    QVERIFY(!m_view->isZoomed());
}

void TestPlotView::pan_data()
{
    QTest::addColumn<int>("button");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("middle button") << int(Qt::MiddleButton) << int(Qt::NoModifier);
    QTest::newRow("shift + left button") << int(Qt::LeftButton) << int(Qt::ShiftModifier);
}

// Dragging moves the data with the mouse: right by 1/4 of the shown width shows x 1/4 of a
// span lower; the span stays, and the pan stops at the spec's edge.
void TestPlotView::pan()
{
    QFETCH(int, button);
    QFETCH(int, modifiers);
    m_view->zoomTo(0.4, 0.6, 0.4, 0.6);
    const QPoint from = m_view->mapToView({0.45, 0.5}, 1).toPoint();
    const QPoint to = m_view->mapToView({0.5, 0.5}, 1).toPoint();
    QSignalSpy clicked(m_view, &PlotView::pointClicked);
    QTest::mousePress(
        m_view->viewport(), Qt::MouseButton(button), Qt::KeyboardModifiers(modifiers), from);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(
        m_view->viewport(), Qt::MouseButton(button), Qt::KeyboardModifiers(modifiers), to);
    PlotRange r = m_view->shownRange();
    QVERIFY2(
        near(r.xMin, 0.35, 0.005) && near(r.xMax - r.xMin, 0.2, 1e-9), qPrintable(describe(r)));
    QVERIFY2(near(r.yMin, 0.4, 1e-9), qPrintable(describe(r)));
    QCOMPARE(clicked.size(), 0);
    // A long drag stops at x = 0.
    const QPoint start = m_view->mapToView({0.4, 0.45}, 1).toPoint();
    QTest::mousePress(
        m_view->viewport(), Qt::MouseButton(button), Qt::KeyboardModifiers(modifiers), start);
    QTest::mouseMove(m_view->viewport(), start + QPoint(1500, 0));
    QTest::mouseRelease(m_view->viewport(), Qt::MouseButton(button),
        Qt::KeyboardModifiers(modifiers), start + QPoint(1500, 0));
    r = m_view->shownRange();
    QVERIFY2(r.xMin == 0.0 && near(r.xMax, 0.2, 1e-9), qPrintable(describe(r)));
}

// A slider move (new points) or a hidden series keeps the zoom; other axes (a log axis
// toggled) reset it.
void TestPlotView::zoomKeptForSameAxes()
{
    m_view->zoomTo(0.2, 0.5, 0.3, 0.6);
    const PlotRange zoomed = m_view->shownRange();
    QSignalSpy changed(m_view, &PlotView::zoomChanged);
    PlotSpec moved = curveSpec();
    moved.series[1].points[5] = {0.3, 0.5};
    m_view->setSpec(moved);
    QVERIFY(m_view->isZoomed());
    QVERIFY2(m_view->shownRange() == zoomed,
        qPrintable(describe(m_view->shownRange()) + " vs " + describe(zoomed)));
    QCOMPARE(m_view->spec().series[1].points[5], QPointF(0.3, 0.5));
    QCOMPARE(changed.size(), 0);
    // Its point is where the zoomed axes put it.
    QSignalSpy clicked(m_view, &PlotView::pointClicked);
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, {}, m_view->mapToView({0.3, 0.5}, 1).toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked[0][1].value<qsizetype>(), qsizetype(53));

    PlotSpec more = curveSpec();
    more.series.append(more.series[1]);
    m_view->setSpec(more);
    QVERIFY(m_view->isZoomed());
    QCOMPARE(m_view->shownRange(), zoomed);
    QCOMPARE(changed.size(), 0);

    PlotSpec other = curveSpec();
    other.x = {QStringLiteral("x (log scale)"), 1e-3, 1.0, true};
    for (PlotSeries& s : other.series)
        s.points.removeIf([](QPointF p) { return p.x() <= 0.0; });
    m_view->setSpec(other);
    QVERIFY(!m_view->isZoomed());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_view->shownRange(), fullRange(other));

    // Back to the linear axes, zoomed again: resetZoom() (what a new dataset calls) resets.
    m_view->setSpec(curveSpec());
    m_view->zoomTo(0.2, 0.5, 0.3, 0.6);
    m_view->resetZoom();
    QVERIFY(!m_view->isZoomed());
    QCOMPARE(changed.size(), 3);
}

// shownSpec() is spec() with the shown ranges: an export of it draws the zoomed view.
void TestPlotView::shownSpecAndExport()
{
    QCOMPARE(m_view->shownSpec().x.max, 1.0);
    m_view->zoomTo(0.25, 0.75, 0.5, 1.0);
    const PlotSpec shown = m_view->shownSpec();
    QCOMPARE(shown.x.min, 0.25);
    QCOMPARE(shown.x.max, 0.75);
    QCOMPARE(shown.y.min, 0.5);
    QCOMPARE(shown.y.max, 1.0);
    QCOMPARE(shown.series.size(), m_view->spec().series.size());
    QCOMPARE(shown.series[1].points, m_view->spec().series[1].points);
    QCOMPARE(shown.title, m_view->spec().title);

    std::unique_ptr<PlotChart> exported(buildChart(shown));
    auto* x = qobject_cast<QValueAxis*>(exported->axes(Qt::Horizontal).front());
    QCOMPARE(x->min(), 0.25);
    QCOMPARE(x->max(), 0.75);
    const ExportOptions options {QSize(600, 450), 96};
    const QImage zoomedImage = renderPlot(shown, options);
    QVERIFY(!zoomedImage.isNull());
    QVERIFY(zoomedImage != renderPlot(m_view->spec(), options));
    QTemporaryDir dir;
    QString error;
    QVERIFY2(exportPlot(shown, dir.filePath("zoomed.svg"), options, &error), qPrintable(error));
    QFile svg(dir.filePath("zoomed.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    // The zoomed axes' labels (x 0.3 .. 0.7, y 0.5 .. 1.0), not the full view's 0.0.
    QVERIFY(text.contains(">0.3<") && text.contains(">0.7<"));
    QVERIFY(!text.contains(">0.0<"));
}

void TestPlotView::markerOutsideZoomHidden()
{
    m_view->setMarker(1, {0.8, std::sqrt(0.8)}, QStringLiteral("t"));
    QVERIFY(m_view->isMarkerShown());
    m_view->zoomTo(0.0, 0.5, 0.0, 0.5);
    QVERIFY(m_view->hasMarker());
    QVERIFY(!m_view->isMarkerShown());
    m_view->resetZoom();
    QVERIFY(m_view->isMarkerShown());
    // A value a log axis cannot draw (FPR 0).
    PlotSpec log = curveSpec();
    log.x = {QStringLiteral("FPR"), 1e-3, 1.0, true};
    for (PlotSeries& s : log.series)
        s.points.removeIf([](QPointF p) { return p.x() <= 0.0; });
    m_view->setSpec(log);
    m_view->setMarker(1, {0.0, 0.0});
    QVERIFY(!m_view->isMarkerShown());
}

// A click hides the hover text, on a point and off one.
void TestPlotView::hoverHiddenOnClick()
{
    const QPointF value = m_view->spec().series[1].points[12];
    const QPoint at = m_view->mapToView(value, 1).toPoint();
    m_view->showHoverText(1, value, QStringLiteral("threshold 0.5"));
    QCOMPARE(m_view->hoverText(), QStringLiteral("threshold 0.5"));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(m_view->hoverText(), QString());
    m_view->showHoverText(1, value, QStringLiteral("again"));
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, {}, m_view->mapToView({0.9, 0.1}, 1).toPoint());
    QCOMPARE(m_view->hoverText(), QString());
}

// Anywhere over a histogram bar hovers its bin, and the spec's text for it is shown.
void TestPlotView::histogramBarsHovered()
{
    m_view->setSpec(barSpec());
    QSignalSpy hovered(m_view, &PlotView::pointHovered);
    // Low inside the second bar (height 0.8), far from its top.
    QTest::mouseMove(m_view->viewport(), m_view->mapToView({0.3, 0.1}, 0).toPoint());
    QTRY_COMPARE(hovered.size(), 1);
    QCOMPARE(hovered[0][0].toInt(), 0);
    QCOMPARE(hovered[0][1].value<qsizetype>(), qsizetype(1));
    QCOMPARE(m_view->hoverText(), QStringLiteral("bin 1"));
    saveToGallery(m_view, QStringLiteral("plot_view_bar_hover.png"));
    // Above the fourth bar (height 0.1): nothing.
    QTest::mouseMove(m_view->viewport(), m_view->mapToView({0.9, 0.6}, 0).toPoint());
    QCOMPARE(m_view->pickAt(m_view->mapToView({0.9, 0.6}, 0)).series, -1);
    QCOMPARE(m_view->pickAt(m_view->mapToView({0.9, 0.05}, 0)).drawn, qsizetype(3));
}

QTEST_MAIN(TestPlotView)
#include "tst_plot_view.moc"
