// ParameterModel: per-class alpha weights start from the scalar's effective weights and keep
// the user's edits.

#include "model/parameter_model.h"

#include <QTest>

#include <vector>

using namespace focalscope;

class TestParameterModel : public QObject {
    Q_OBJECT

private slots:
    void perClassStartsFromScalar()
    {
        ParameterModel model;
        model.setAlphaListLength(3);
        model.setAlphaScalar(0.3);
        model.setAlphaMode(Alpha::Mode::PerClass);
        QCOMPARE(model.alphaPerClass(), (std::vector<double> {0.3, 0.7, 0.7}));
        QCOMPARE(model.focalParams().alpha.perClass, (std::vector<double> {0.3, 0.7, 0.7}));
    }

    void editsAreKept()
    {
        ParameterModel model;
        model.setAlphaListLength(3);
        model.setAlphaMode(Alpha::Mode::PerClass);
        model.setAlphaWeight(1, 2.0);
        model.setAlphaScalar(0.1); // back to the scalar
        model.setAlphaMode(Alpha::Mode::PerClass);
        QCOMPARE(model.alphaPerClass(), (std::vector<double> {0.25, 2.0, 0.75}));
        // A new dataset's length starts from the scalar again.
        model.setAlphaScalar(0.1);
        model.setAlphaListLength(2);
        model.setAlphaMode(Alpha::Mode::PerClass);
        QCOMPARE(model.alphaPerClass(), (std::vector<double> {0.1, 0.9}));
    }

    // Sigmoid: a list gives each column its alpha, so the scalar becomes a for every column.
    void sigmoidColumns()
    {
        ParameterModel model;
        model.setLossMode(LossMode::Sigmoid);
        model.setAlphaListLength(1);
        model.setAlphaScalar(0.4);
        model.setAlphaMode(Alpha::Mode::PerClass);
        QCOMPARE(model.alphaPerClass(), (std::vector<double> {0.4}));
    }

    void resetFollowsTheScalar()
    {
        ParameterModel model;
        model.setAlphaListLength(2);
        model.setAlphaPerClass({5.0, 6.0});
        model.resetToDefaults();
        QCOMPARE(model.alphaMode(), FocalParams {}.alpha.mode);
        model.setAlphaMode(Alpha::Mode::PerClass);
        const double a = FocalParams {}.alpha.scalar;
        QCOMPARE(model.alphaPerClass(), (std::vector<double> {a, 1.0 - a}));
    }
};

QTEST_GUILESS_MAIN(TestParameterModel)
#include "tst_parameter_model.moc"
