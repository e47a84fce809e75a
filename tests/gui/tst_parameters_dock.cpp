// The parameters dock on its own (a ParameterModel and a session): typing into the spin boxes
// as a user does, one key at a time, the sliders that follow them, and the weight table.

#include "docks/parameters_dock.h"
#include "io/prediction_reader.h"
#include "model/alpha_weight_model.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <memory>

using namespace focalscope;

class TestParametersDock : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void typingIntoSpinBox_data();
    void typingIntoSpinBox();
    void sliderFollowsSpinBox();
    void weightTableUpdatesInPlace();

private:
    QDoubleSpinBox* spin(const QString& name) const;

    std::unique_ptr<ParameterModel> m_parameters;
    std::unique_ptr<DatasetSession> m_session;
    std::unique_ptr<ParametersDock> m_dock;
};

void TestParametersDock::init()
{
    m_parameters = std::make_unique<ParameterModel>();
    m_session = std::make_unique<DatasetSession>(*m_parameters);
    m_dock = std::make_unique<ParametersDock>(*m_parameters, *m_session);
    m_dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
}

void TestParametersDock::cleanup()
{
    m_dock.reset();
    m_session.reset();
    m_parameters.reset();
}

QDoubleSpinBox* TestParametersDock::spin(const QString& name) const
{
    return m_dock->findChild<QDoubleSpinBox*>(name);
}

void TestParametersDock::typingIntoSpinBox_data()
{
    QTest::addColumn<QString>("spinBox");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("expected");
    QTest::newRow("gamma 2.75") << QStringLiteral("gammaSpin") << QStringLiteral("2.75") << 2.75;
    QTest::newRow("gamma 0.5") << QStringLiteral("gammaSpin") << QStringLiteral("0.5") << 0.5;
    QTest::newRow("alpha 0.35") << QStringLiteral("alphaSpin") << QStringLiteral("0.35") << 0.35;
    QTest::newRow("alpha 0.125") << QStringLiteral("alphaSpin") << QStringLiteral("0.125") << 0.125;
    QTest::newRow("max FPR 0.25") << QStringLiteral("maxFpr") << QStringLiteral("0.25") << 0.25;
}

void TestParametersDock::typingIntoSpinBox()
{
    QFETCH(QString, spinBox);
    QFETCH(QString, typed);
    QFETCH(double, expected);
    QDoubleSpinBox* box = spin(spinBox);
    QVERIFY(box);
    box->setFocus();
    // Select all, then type with a pause between keys: every key that changes the value
    // reaches the model on the way (keyboard tracking), as it does for a user.
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(box->findChild<QLineEdit*>()->selectedText(), box->text());
    QTest::keyClicks(box, typed, Qt::NoModifier, 150);
    QTest::keyClick(box, Qt::Key_Enter);
    QCOMPARE(box->value(), expected);
    const double model = spinBox == QStringLiteral("gammaSpin") ? m_parameters->gamma()
        : spinBox == QStringLiteral("alphaSpin")                ? m_parameters->alphaScalar()
                                                                : m_parameters->maxFpr();
    QCOMPARE(model, expected);
}

void TestParametersDock::sliderFollowsSpinBox()
{
    // alpha 0.355 is between two slider steps (0.35 and 0.36): the slider shows the nearest
    // step and the spin box and the model keep 0.355.
    QDoubleSpinBox* alpha = spin(QStringLiteral("alphaSpin"));
    alpha->setValue(0.355);
    QCOMPARE(m_parameters->alphaScalar(), 0.355);
    QCOMPARE(alpha->value(), 0.355);
    QCOMPARE(m_dock->alphaSlider()->value(), int(std::lround(0.355 * ParametersDock::kAlphaSteps)));
    // Moving the slider sets the spin box, which sets the model.
    m_dock->gammaSlider()->setValue(125);
    QCOMPARE(m_dock->gammaSpin()->value(), 1.25);
    QCOMPARE(m_parameters->gamma(), 1.25);
}

void TestParametersDock::weightTableUpdatesInPlace()
{
    const QString path = QStringLiteral(FOCALSCOPE_TESTS_DIR "/gui/data/three_class.csv");
    m_session->setDataset(
        std::make_shared<const ReadResult>(readPredictions(path.toStdString())), path);
    AlphaWeightModel* weights = m_dock->weightModel();
    QCOMPARE(m_dock->weightTable()->model(), weights);
    QCOMPARE(weights->rowCount(), 3);
    QCOMPARE(
        weights->index(0, AlphaWeightModel::ClassColumn).data().toString(), QStringLiteral("cat"));

    // A slider tick changes the effective weights [a, 1 - a, 1 - a] in place.
    QSignalSpy reset(weights, &QAbstractItemModel::modelReset);
    QSignalSpy changed(weights, &QAbstractItemModel::dataChanged);
    m_dock->alphaSlider()->setValue(40);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    auto weightAt = [weights](int row) {
        return weights->index(row, AlphaWeightModel::WeightColumn)
            .data(AlphaWeightModel::kWeightRole)
            .toDouble();
    };
    QCOMPARE(weightAt(0), 0.4);
    QCOMPARE(weightAt(1), 0.6);
    QCOMPARE(weightAt(2), 0.6);
    // The same weights again: nothing changes.
    m_parameters->setGamma(3.0);
    QCOMPARE(changed.size(), 1);

    // An edit switches to per-class weights and keeps the other rows' effective weights.
    QVERIFY(weights->flags(weights->index(1, AlphaWeightModel::WeightColumn)) & Qt::ItemIsEditable);
    QVERIFY(!weights->setData(
        weights->index(1, AlphaWeightModel::WeightColumn), QStringLiteral("-1"), Qt::EditRole));
    QVERIFY(weights->setData(
        weights->index(1, AlphaWeightModel::WeightColumn), QStringLiteral("2.5"), Qt::EditRole));
    QCOMPARE(m_parameters->alphaMode(), Alpha::Mode::PerClass);
    QCOMPARE(m_parameters->alphaPerClass(), (std::vector<double> {0.4, 2.5, 0.6}));
    QCOMPARE(weightAt(1), 2.5);
    QCOMPARE(reset.size(), 0);
}

QTEST_MAIN(TestParametersDock)
#include "tst_parameters_dock.moc"
