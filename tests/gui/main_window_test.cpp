#include "main_window_test.h"

#include "io/prediction_reader.h"
#include "loading/prediction_loader.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"

#include <QTest>

#include <cmath>

namespace focalscope::testing {

QString fixture(const char* name)
{
    return QStringLiteral(FOCALSCOPE_TESTS_DIR "/gui/data/") + QLatin1String(name);
}

bool close(double a, double b, double tolerance)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

void MainWindowTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(
        m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_window = std::make_unique<MainWindow>(*m_settings);
    auto presenter = std::make_unique<RecordingPresenter>();
    m_presenter = presenter.get();
    m_window->setMessagePresenter(std::move(presenter));
    m_window->show();
}

void MainWindowTest::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void MainWindowTest::openAndWait(const QString& path, const QString& labels)
{
    int finished = 0;
    PredictionLoader& loader = m_window->loader();
    const auto a = connect(&loader, &PredictionLoader::loaded, this, [&] { ++finished; });
    const auto b = connect(&loader, &PredictionLoader::failed, this, [&] { ++finished; });
    const auto c = connect(&loader, &PredictionLoader::cancelled, this, [&] { ++finished; });
    const auto d = connect(&loader, &PredictionLoader::summaryLoaded, this, [&] { ++finished; });
    m_window->openFile(path, labels);
    QTRY_VERIFY_WITH_TIMEOUT(finished > 0, 30000);
    disconnect(a);
    disconnect(b);
    disconnect(c);
    disconnect(d);
    waitUntilComputed();
}

void MainWindowTest::waitUntilComputed()
{
    DatasetSession& session = m_window->session();
    QTRY_VERIFY_WITH_TIMEOUT(!session.hasData()
            || (!session.isBusy() && session.loss() && session.lossCharts() && session.roc()),
        30000);
}

Predictions MainWindowTest::corePredictions(const QString& path) const
{
    return readPredictions(path.toStdString()).predictions;
}

Analysis MainWindowTest::coreAnalysis(const QString& path) const
{
    AnalysisOptions options;
    options.loss = m_window->parameters().focalParams();
    options.roc.maxFpr = m_window->parameters().maxFpr();
    return analyze(corePredictions(path), options);
}

} // namespace focalscope::testing
