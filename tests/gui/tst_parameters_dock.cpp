// The parameters dock on its own (a ParameterModel and a session without data): typing into
// the spin boxes as a user does, one key at a time, and the sliders that follow them.

#include "docks/parameters_dock.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSlider>
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
    QTest::newRow("alpha 0.125") << QStringLiteral("alphaSpin") << QStringLiteral("0.125")
                                 << 0.125;
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
                                                                : m_parameters->alphaScalar();
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
    QCOMPARE(m_dock->alphaSlider()->value(),
        int(std::lround(0.355 * ParametersDock::kAlphaSteps)));
    // Moving the slider sets the spin box, which sets the model.
    m_dock->gammaSlider()->setValue(125);
    QCOMPARE(m_dock->gammaSpin()->value(), 1.25);
    QCOMPARE(m_parameters->gamma(), 1.25);
}

QTEST_MAIN(TestParametersDock)
#include "tst_parameters_dock.moc"
