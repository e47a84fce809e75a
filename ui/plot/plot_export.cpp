#include "plot/plot_export.h"

#include "plot/chart_builder.h"

#include <QDir>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace focalscope {

namespace {

// The logical resolution charts are laid out at: a pixel-sized font of n px is n/96 inch.
constexpr double kLayoutDpi = 96.0;

QString validate(const ExportOptions& options)
{
    const QSize size = options.size;
    if (size.width() < 16 || size.height() < 16 || size.width() > 20000 || size.height() > 20000)
        return QStringLiteral("size %1x%2 is outside 16x16 .. 20000x20000 pixels")
            .arg(size.width())
            .arg(size.height());
    if (options.dpi < 10 || options.dpi > 2400)
        return QStringLiteral("dpi %1 is outside 10 .. 2400").arg(options.dpi);
    const double scale = options.dpi / kLayoutDpi;
    if (size.width() / scale < 64 || size.height() / scale < 48)
        return QStringLiteral("size %1x%2 at %3 dpi leaves too little room for a chart")
            .arg(size.width())
            .arg(size.height())
            .arg(options.dpi);
    return {};
}

// Lays the chart out at size * 96 / dpi logical pixels and draws it scaled onto `target`.
void renderChart(
    QPainter& painter, const PlotSpec& spec, const ExportOptions& options, const QRectF& target)
{
    if (!spec.panels.empty()) {
        // Small multiples: each panel laid out at its share of the size, in its cell.
        painter.fillRect(target, Qt::white);
        const int columns = spec.gridColumns();
        const int rows = spec.gridRows();
        ExportOptions cell = options;
        cell.size = QSize(options.size.width() / columns, options.size.height() / rows);
        const QSizeF cellSize(target.width() / columns, target.height() / rows);
        for (std::size_t k = 0; k < spec.panels.size(); ++k) {
            const int row = static_cast<int>(k) / columns;
            const int column = static_cast<int>(k) % columns;
            const QRectF area(
                target.topLeft() + QPointF(column * cellSize.width(), row * cellSize.height()),
                cellSize);
            renderChart(painter, spec.panels[k], cell, area);
        }
        return;
    }
    const double scale = options.dpi / kLayoutDpi;
    const QRectF logical(0, 0, options.size.width() / scale, options.size.height() / scale);

    QGraphicsScene scene;
    PlotChart* chart = buildChart(spec);
    scene.addItem(chart); // the scene owns the chart
    chart->setGeometry(logical);
    if (chart->layout())
        chart->layout()->activate();
    chart->fitPlotArea();
    scene.setSceneRect(logical);

    painter.setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter.fillRect(target, Qt::white);
    scene.render(&painter, target, logical, Qt::IgnoreAspectRatio);
}

QString describe(const QString& path, const QString& reason)
{
    return QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), reason);
}

} // namespace

std::optional<ExportFormat> exportFormatFor(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ExportFormat::Png;
    if (suffix == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

QImage renderPlot(const PlotSpec& spec, const ExportOptions& options)
{
    if (!validate(options).isEmpty())
        return {};
    QImage image(options.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        renderChart(painter, spec, options, QRectF(QPointF(0, 0), QSizeF(options.size)));
    }
    // Set after painting: the image's resolution is metadata here, the scaling is explicit.
    const int dotsPerMeter = static_cast<int>(std::lround(options.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

bool exportPlot(
    const PlotSpec& spec, const QString& path, const ExportOptions& options, QString* error)
{
    auto fail = [&](const QString& reason) {
        if (error)
            *error = describe(path, reason);
        return false;
    };
    const std::optional<ExportFormat> format = exportFormatFor(path);
    if (!format)
        return fail(QStringLiteral("unsupported file type (expected .png, .svg or .pdf)"));
    if (const QString invalid = validate(options); !invalid.isEmpty())
        return fail(invalid);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write: %1").arg(file.errorString()));

    const QSize size = options.size;
    switch (*format) {
    case ExportFormat::Png: {
        const QImage image = renderPlot(spec, options);
        if (image.isNull() || !image.save(&file, "PNG"))
            return fail(QStringLiteral("cannot encode PNG: %1").arg(file.errorString()));
        break;
    }
    case ExportFormat::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setResolution(options.dpi);
        generator.setTitle(spec.title);
        generator.setDescription(QStringLiteral("Made by Focalscope"));
        QPainter painter;
        if (!painter.begin(&generator))
            return fail(QStringLiteral("cannot start the SVG"));
        renderChart(painter, spec, options, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
        break;
    }
    case ExportFormat::Pdf: {
        QPdfWriter writer(&file);
        writer.setResolution(options.dpi);
        writer.setPageSize(
            QPageSize(QSizeF(size.width() * 72.0 / options.dpi, size.height() * 72.0 / options.dpi),
                QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(spec.title);
        writer.setCreator(QStringLiteral("Focalscope"));
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(QStringLiteral("cannot start the PDF"));
        renderChart(painter, spec, options, QRectF(0, 0, writer.width(), writer.height()));
        painter.end();
        break;
    }
    }
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("write failed: %1").arg(file.errorString()));
    if (!file.commit())
        return fail(QStringLiteral("cannot save: %1").arg(file.errorString()));
    return true;
}

} // namespace focalscope
