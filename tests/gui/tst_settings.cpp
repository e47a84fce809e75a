// Settings through a test QSettings (a temporary ini file): the typed keys, the parameter
// model and the recent files list.

#include "model/parameter_model.h"
#include "plot/plot_export.h"
#include "settings/parameter_names.h"
#include "settings/recent_files.h"
#include "settings/settings_keys.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace focalscope;

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void init();
    void keysFallBackToDefaults();
    void emptySettingsRestoreTheDefaults();
    void keysRoundTrip();
    void parametersRoundTrip_data();
    void parametersRoundTrip();
    void recentFilesKeepTenMostRecentFirst();
    void recentEntriesWithLabelsRoundTrip_data();
    void recentEntriesWithLabelsRoundTrip();

private:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("focalscope.ini")); }
    std::unique_ptr<QTemporaryDir> m_dirOwner;
    QDir m_dir;
};

void TestSettings::init()
{
    m_dirOwner = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dirOwner->isValid());
    m_dir = QDir(m_dirOwner->path());
}

void TestSettings::keysFallBackToDefaults()
{
    // An empty file gives the defaults the rest of the program uses: core's FocalParams and
    // RocOptions for the parameters (focalscope-cli's), ExportOptions for the plot exports.
    QSettings settings(iniPath(), QSettings::IniFormat);
    const FocalParams loss;
    QCOMPARE(settings::gamma.read(settings), loss.gamma);
    QCOMPARE(settings::alpha.read(settings), loss.alpha.scalar);
    QCOMPARE(
        alphaModeFromName(settings::alphaMode.read(settings), Alpha::Mode::None), loss.alpha.mode);
    QCOMPARE(
        reductionFromName(settings::reduction.read(settings), Reduction::None), loss.reduction);
    QCOMPARE(settings::maxFpr.read(settings), RocOptions {}.maxFpr);
    QCOMPARE(settings::exportSize.read(settings), ExportOptions {}.size);
    QCOMPARE(settings::exportDpi.read(settings), ExportOptions {}.dpi);
    QVERIFY(settings::recentFiles.read(settings).isEmpty());
    QVERIFY(settings::windowState.read(settings).isEmpty());
}

void TestSettings::emptySettingsRestoreTheDefaults()
{
    // A parameter model restored from an empty file is a new one, with core's defaults; one
    // with every parameter changed, restored from the empty file, comes back to them too.
    const QSettings settings(iniPath(), QSettings::IniFormat);
    ParameterModel changed;
    changed.setAlphaListLength(3);
    changed.setAlphaPerClass({1.0, 2.0, 3.0});
    changed.setGamma(4.5);
    changed.setReduction(Reduction::Sum);
    changed.setMaxFpr(0.1);
    ParameterModel fresh;
    for (ParameterModel* model : {&changed, &fresh}) {
        model->restore(settings);
        const FocalParams params = model->focalParams();
        const FocalParams defaults;
        QCOMPARE(params.alpha.mode, defaults.alpha.mode);
        QCOMPARE(params.alpha.scalar, defaults.alpha.scalar);
        QCOMPARE(params.gamma, defaults.gamma);
        QCOMPARE(params.reduction, defaults.reduction);
        QCOMPARE(model->maxFpr(), RocOptions {}.maxFpr);
    }
}

void TestSettings::keysRoundTrip()
{
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        settings::exportSize.write(settings, QSize(640, 480));
        settings::exportDpi.write(settings, 300);
        settings::showGradient.write(settings, true);
        settings::lastDirectory.write(settings, QStringLiteral("/data/runs, 2026"));
        settings::windowState.write(settings, QByteArray("\x00\x01state", 7));
    }
    const QSettings settings(iniPath(), QSettings::IniFormat);
    QCOMPARE(settings::exportSize.read(settings), QSize(640, 480));
    QCOMPARE(settings::exportDpi.read(settings), 300);
    QCOMPARE(settings::showGradient.read(settings), true);
    QCOMPARE(settings::lastDirectory.read(settings), QStringLiteral("/data/runs, 2026"));
    QCOMPARE(settings::windowState.read(settings), QByteArray("\x00\x01state", 7));
}

void TestSettings::parametersRoundTrip_data()
{
    QTest::addColumn<int>("alphaMode");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<QList<double>>("weights");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<int>("reduction");
    QTest::addColumn<double>("maxFpr");
    QTest::newRow("scalar") << int(Alpha::Mode::Scalar) << 0.4 << QList<double> {} << 1.5
                            << int(Reduction::Sum) << 0.3;
    QTest::newRow("per class") << int(Alpha::Mode::PerClass) << 0.25
                               << QList<double> {0.1, 2.5, 1.0 / 3.0} << 0.0
                               << int(Reduction::WeightedMean) << 1.0;
    QTest::newRow("none") << int(Alpha::Mode::None) << 0.9 << QList<double> {} << 5.0
                          << int(Reduction::Mean) << 0.05;
}

void TestSettings::parametersRoundTrip()
{
    QFETCH(int, alphaMode);
    QFETCH(double, alpha);
    QFETCH(QList<double>, weights);
    QFETCH(double, gamma);
    QFETCH(int, reduction);
    QFETCH(double, maxFpr);
    {
        ParameterModel model;
        model.setAlphaScalar(alpha);
        if (!weights.isEmpty()) {
            model.setAlphaListLength(static_cast<int>(weights.size()));
            model.setAlphaPerClass(std::vector<double>(weights.begin(), weights.end()));
        }
        model.setAlphaMode(static_cast<Alpha::Mode>(alphaMode));
        model.setGamma(gamma);
        model.setReduction(static_cast<Reduction>(reduction));
        model.setMaxFpr(maxFpr);
        QSettings settings(iniPath(), QSettings::IniFormat);
        model.save(settings);
    }
    const QSettings settings(iniPath(), QSettings::IniFormat);
    ParameterModel restored;
    restored.restore(settings);
    QCOMPARE(int(restored.alphaMode()), alphaMode);
    QCOMPARE(restored.alphaScalar(), alpha);
    QCOMPARE(restored.gamma(), gamma);
    QCOMPARE(int(restored.reduction()), reduction);
    QCOMPARE(restored.maxFpr(), maxFpr);
    if (!weights.isEmpty()) {
        QCOMPARE(restored.alphaPerClass(), std::vector<double>(weights.begin(), weights.end()));
        const FocalParams params = restored.focalParams();
        QCOMPARE(params.alpha.perClass, std::vector<double>(weights.begin(), weights.end()));
    }
}

void TestSettings::recentFilesKeepTenMostRecentFirst()
{
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        RecentFiles recent(settings);
        for (int i = 0; i < 12; ++i)
            recent.add({QStringLiteral("/data/run%1.npy").arg(i), {}});
        recent.add({QStringLiteral("/data/run5.npy"), {}}); // again: moves to the front
    }
    QSettings settings(iniPath(), QSettings::IniFormat);
    RecentFiles recent(settings);
    const QList<RecentEntry> entries = recent.entries();
    QCOMPARE(entries.size(), RecentFiles::kMaximum);
    QCOMPARE(entries[0].predictions, QStringLiteral("/data/run5.npy"));
    QCOMPARE(entries[1].predictions, QStringLiteral("/data/run11.npy"));
    QCOMPARE(entries[9].predictions, QStringLiteral("/data/run2.npy"));
    for (const RecentEntry& e : entries)
        QVERIFY(e.labels.isEmpty());
    recent.remove({QStringLiteral("/data/run11.npy"), {}});
    QCOMPARE(recent.entries().size(), RecentFiles::kMaximum - 1);
    recent.clear();
    QVERIFY(recent.entries().isEmpty());
}

void TestSettings::recentEntriesWithLabelsRoundTrip_data()
{
    QTest::addColumn<QString>("predictions");
    QTest::addColumn<QString>("labels");
    QTest::newRow("alone") << QStringLiteral("/tmp/a.csv") << QString();
    QTest::newRow("with labels") << QStringLiteral("/tmp/scores.npy")
                                 << QStringLiteral("/tmp/labels.npy");
    QTest::newRow("commas and spaces") << QStringLiteral("/tmp/my run, v2/scores.npy")
                                       << QStringLiteral("/tmp/my run, v2/labels, final.csv");
}

void TestSettings::recentEntriesWithLabelsRoundTrip()
{
    QFETCH(QString, predictions);
    QFETCH(QString, labels);
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        RecentFiles(settings).add({predictions, labels});
    }
    QSettings settings(iniPath(), QSettings::IniFormat);
    const QList<RecentEntry> entries = RecentFiles(settings).entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].predictions, predictions);
    QCOMPARE(entries[0].labels, labels);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
