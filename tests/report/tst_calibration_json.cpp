// The "calibration" and "bootstrap" objects of the JSON report: their shape (DESIGN.md), null
// for undefined numbers and for a temperature that was not fitted.

#include "report/bootstrap_json.h"
#include "report/calibration_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace focalscope;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template<typename Write> QJsonObject written(Write write)
{
    JsonWriter json;
    json.beginObject();
    write(json);
    json.endObject();
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json.text()));
    return doc.object();
}

CalibrationReport sampleCalibration()
{
    CalibrationReport report;
    report.strategy = BinStrategy::Quantile;
    report.bins = 4;
    ReliabilityCurve curve;
    curve.edges = {0.0, 0.25, 0.5, 0.75, 1.0};
    curve.bins = {{0.0, 0.25, 3, 0.1, 0.0}, {0.75, 1.0, 2, 0.9, 1.0}};
    curve.samples = 5;
    curve.ece = 0.1;
    curve.mce = 0.1;
    report.perClass = {{"cat", curve, 0.02}};
    report.topLabel = curve;
    report.brier = 0.02;
    report.nll = 0.2;
    return report;
}

} // namespace

class TestCalibrationJson : public QObject {
    Q_OBJECT

private slots:
    void calibrationShape();
    void temperature();
    void bootstrapBinary();
    void bootstrapMulticlass();
    void bootstrapBands();
};

void TestCalibrationJson::calibrationShape()
{
    const QJsonObject c = written([](JsonWriter& json) {
        writeCalibration(json, sampleCalibration());
    })[QStringLiteral("calibration")]
                              .toObject();
    QCOMPARE(c[QStringLiteral("strategy")].toString(), QStringLiteral("quantile"));
    QCOMPARE(c[QStringLiteral("bins")].toInt(), 4);
    QCOMPARE(c[QStringLiteral("probabilities")].toString(), QStringLiteral("softmax"));
    const QJsonObject cls = c[QStringLiteral("per_class")].toArray()[0].toObject();
    QCOMPARE(cls[QStringLiteral("class")].toString(), QStringLiteral("cat"));
    QCOMPARE(cls[QStringLiteral("brier")].toDouble(), 0.02);
    const QJsonArray bins = cls[QStringLiteral("bins")].toArray();
    QCOMPARE(bins.size(), 2);
    const QJsonObject last = bins[1].toObject();
    QCOMPARE(
        last.keys(), (QStringList {"count", "fraction_positive", "hi", "lo", "mean_predicted"}));
    QCOMPARE(last[QStringLiteral("lo")].toDouble(), 0.75);
    QCOMPARE(last[QStringLiteral("count")].toInt(), 2);
    QCOMPARE(last[QStringLiteral("mean_predicted")].toDouble(), 0.9);
    const QJsonObject top = c[QStringLiteral("top_label")].toObject();
    QCOMPARE(top.keys(), (QStringList {"bins", "ece", "mce"}));
    QCOMPARE(c[QStringLiteral("nll")].toDouble(), 0.2);
    QVERIFY(c[QStringLiteral("temperature")].isNull());
}

void TestCalibrationJson::temperature()
{
    CalibrationReport report = sampleCalibration();
    report.hasTemperature = true;
    report.temperature.fit = {2.5, 0.7, 0.6, 17, false};
    report.temperature.eceBefore = 0.2;
    report.temperature.eceAfter = kNaN;
    report.temperature.focalLossBefore = 0.3;
    report.temperature.focalLossAfter = 0.25;
    const QJsonObject t = written(
        [&](JsonWriter& json) { writeCalibration(json, report); })[QStringLiteral("calibration")]
                              .toObject()[QStringLiteral("temperature")]
                              .toObject();
    QCOMPARE(t[QStringLiteral("value")].toDouble(), 2.5);
    QCOMPARE(t[QStringLiteral("nll_before")].toDouble(), 0.7);
    QCOMPARE(t[QStringLiteral("nll_after")].toDouble(), 0.6);
    QCOMPARE(t[QStringLiteral("ece_before")].toDouble(), 0.2);
    QVERIFY(t[QStringLiteral("ece_after")].isNull());
    QCOMPARE(t[QStringLiteral("focal_loss_after")].toDouble(), 0.25);
    QCOMPARE(t[QStringLiteral("at_bound")].toBool(true), false);
}

void TestCalibrationJson::bootstrapBinary()
{
    BootstrapReport report;
    report.binary = true;
    report.options.replicates = 2000;
    report.options.seed = 42;
    BootstrapResult result;
    result.aurocCi = {0.7, 0.8};
    result.averagePrecisionCi = {kNaN, kNaN};
    report.classes = {result};
    const QJsonObject b = written(
        [&](JsonWriter& json) { writeBootstrap(json, report); })[QStringLiteral("bootstrap")]
                              .toObject();
    QCOMPARE(b[QStringLiteral("method")].toString(), QStringLiteral("stratified percentile"));
    QCOMPARE(b[QStringLiteral("replicates")].toInt(), 2000);
    QCOMPARE(b[QStringLiteral("seed")].toInt(), 42);
    QCOMPARE(b[QStringLiteral("level")].toDouble(), 0.95);
    QCOMPARE(b[QStringLiteral("ci95")].toArray(), (QJsonArray {0.7, 0.8}));
    const QJsonArray ap = b[QStringLiteral("average_precision_ci95")].toArray();
    QVERIFY(ap[0].isNull() && ap[1].isNull());
    QVERIFY(!b.contains(QStringLiteral("cancelled")));
}

void TestCalibrationJson::bootstrapMulticlass()
{
    BootstrapReport report;
    report.cancelled = true;
    BootstrapResult a;
    a.aurocCi = {0.1, 0.2};
    BootstrapResult b;
    b.aurocCi = {0.3, 0.4};
    report.classes = {a, b};
    const QJsonObject json
        = written([&](JsonWriter& w) { writeBootstrap(w, report); })[QStringLiteral("bootstrap")]
              .toObject();
    const QJsonArray ci = json[QStringLiteral("ci95")].toArray();
    QCOMPARE(ci.size(), 2);
    QCOMPARE(ci[1].toArray(), (QJsonArray {0.3, 0.4}));
    QCOMPARE(json[QStringLiteral("cancelled")].toBool(), true);
}

// With bandPoints > 0, "band": the binary task's object; a multiclass task's array, null for a
// class without a band (no positives or no negatives), whichever class that is; none without.
void TestCalibrationJson::bootstrapBands()
{
    RocBand band;
    band.fpr = {0.0, 0.5, 1.0};
    band.tpr = {0.0, 0.8, 1.0};
    band.tprLower = {0.0, 0.6, 1.0};
    band.tprUpper = {0.1, 0.9, 1.0};
    BootstrapReport report;
    report.options.bandPoints = 3;
    BootstrapResult withBand;
    withBand.band = band;
    const BootstrapResult without; // a class without positives
    report.classes = {without, withBand};
    auto bootstrap = [&report] {
        return written(
            [&](JsonWriter& w) { writeBootstrap(w, report); })[QStringLiteral("bootstrap")]
            .toObject();
    };
    const QJsonArray bands = bootstrap()[QStringLiteral("band")].toArray();
    QCOMPARE(bands.size(), 2);
    QVERIFY(bands[0].isNull());
    const QJsonObject second = bands[1].toObject();
    QCOMPARE(second[QStringLiteral("fpr")].toArray(), (QJsonArray {0.0, 0.5, 1.0}));
    QCOMPARE(second[QStringLiteral("tpr")].toArray(), (QJsonArray {0.0, 0.8, 1.0}));
    QCOMPARE(second[QStringLiteral("tpr_lo")].toArray(), (QJsonArray {0.0, 0.6, 1.0}));
    QCOMPARE(second[QStringLiteral("tpr_hi")].toArray(), (QJsonArray {0.1, 0.9, 1.0}));

    report.binary = true;
    report.classes = {withBand};
    QCOMPARE(bootstrap()[QStringLiteral("band")].toObject()[QStringLiteral("tpr_hi")].toArray(),
        (QJsonArray {0.1, 0.9, 1.0}));
    report.options.bandPoints = 0;
    QVERIFY(!bootstrap().contains(QStringLiteral("band")));
}

QTEST_GUILESS_MAIN(TestCalibrationJson)
#include "tst_calibration_json.moc"
