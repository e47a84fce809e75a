// holmAdjust against statsmodels' multipletests(method='holm') computed by hand in
// tests/reference/gen_runs.py (ties, NaN, values capped at 1, empty input).

#include "compare/holm.h"
#include "run_fixture.h"

#include <QTest>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

class TestHolm : public QObject {
    Q_OBJECT

private slots:
    void fixtureCases_data();
    void fixtureCases();
    void orderDoesNotMatter();
};

void TestHolm::fixtureCases_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c : runsFixture()[QStringLiteral("holm")].toArray())
        QTest::newRow(qPrintable(c[QStringLiteral("name")].toString())) << c.toObject();
}

void TestHolm::fixtureCases()
{
    QFETCH(QJsonObject, expected);
    const std::vector<double> p = toDoubles(expected[QStringLiteral("p")]);
    const std::vector<double> adjusted = toDoubles(expected[QStringLiteral("adjusted")]);
    const std::vector<double> got = holmAdjust(p);
    QCOMPARE(got.size(), adjusted.size());
    for (std::size_t k = 0; k < got.size(); ++k)
        COMPARE_CLOSE(got[k], adjusted[k], 1e-15, QStringLiteral("adjusted[%1]").arg(k));
}

// The adjusted value of each p does not depend on where it stands in the input.
void TestHolm::orderDoesNotMatter()
{
    const std::vector<double> p {0.04, 0.001, 0.03, 0.2};
    const std::vector<double> reversed(p.rbegin(), p.rend());
    const std::vector<double> a = holmAdjust(p);
    const std::vector<double> b = holmAdjust(reversed);
    for (std::size_t k = 0; k < p.size(); ++k)
        QCOMPARE(a[k], b[p.size() - 1 - k]);
    QCOMPARE(a[1], 0.004); // the smallest of 4: 4 p
}

QTEST_GUILESS_MAIN(TestHolm)
#include "tst_holm.moc"
