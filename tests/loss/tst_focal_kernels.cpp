// The SIMD kernels of loss/focal_kernels.h against the std:: functions, element by element, on
// lengths that leave every kind of partial vector, with the edge values each one meets.

#include "loss/focal_kernels.h"
#include "test_rng.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace focalscope;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Uniform in [low, high) from the shared generator.
std::vector<double> uniform(std::uint64_t seed, std::size_t n, double low, double high)
{
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = low + (high - low) * static_cast<double>(testing::mix(seed, i) >> 11) * 0x1.0p-53;
    return v;
}

bool close(double actual, double expected, double relative)
{
    if (std::isinf(expected) || expected == 0.0)
        return actual == expected;
    return std::abs(actual - expected) <= relative * std::abs(expected);
}

} // namespace

class TestFocalKernels : public QObject {
    Q_OBJECT

private slots:
    void expNonPositive_data();
    void expNonPositive();
    void softmaxSums();
    void logs();
    void entryLoss();
};

void TestFocalKernels::expNonPositive_data()
{
    QTest::addColumn<int>("n");
    for (int n : {1, 3, 7, 8, 9, 15, 16, 17, 1001})
        QTest::addRow("n=%d", n) << n;
}

// e^x for x <= 0: within 2 ulp of std::exp down to -708, 0 below (e^-708 < 3e-308).
void TestFocalKernels::expNonPositive()
{
    QFETCH(int, n);
    std::vector<double> x = uniform(7, static_cast<std::size_t>(n), -40.0, 0.0);
    const double edges[] = {0.0, -0.0, -1e-300, -1e-17, -0.5 * std::log(2.0), -700.0, -707.9,
        -708.5, -745.2, -1e4, -kInf};
    for (std::size_t k = 0; k < x.size() && k < std::size(edges); ++k)
        x[k * 7 % x.size()] = edges[k];
    std::vector<double> y = x;
    expInPlace(y.data(), y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double expected = x[i] < -708.0 ? 0.0 : std::exp(x[i]);
        QVERIFY2(close(y[i], expected, 4.5e-16),
            qPrintable(QStringLiteral("exp(%1) = %2, std %3")
                           .arg(x[i], 0, 'g', 17)
                           .arg(y[i], 0, 'g', 17)
                           .arg(expected, 0, 'g', 17)));
    }
}

// m and r = sum_j exp(x_j - m) - 1 of rows with ties at the max and tiny terms.
void TestFocalKernels::softmaxSums()
{
    const std::size_t rows = 37;
    const std::size_t columns = 5;
    std::vector<double> x = uniform(11, rows * columns, -30.0, 30.0);
    x[0 * rows + 3] = x[2 * rows + 3] = 40.0; // two equal maxima
    x[1 * rows + 4] = 1e30; // every other term underflows
    std::vector<double> m(rows);
    std::vector<double> r(rows);
    focalscope::softmaxSums(x.data(), rows, columns, rows, m.data(), r.data());
    for (std::size_t i = 0; i < rows; ++i) {
        double max = x[i];
        for (std::size_t j = 1; j < columns; ++j)
            max = std::max<double>(max, x[j * rows + i]);
        // r = the terms below the max, plus the maxima beyond the first
        long double small = 0.0L;
        long double ties = 0.0L;
        for (std::size_t j = 0; j < columns; ++j) {
            const long double d = static_cast<long double>(x[j * rows + i]) - max;
            (d == 0.0L ? ties : small) += d == 0.0L ? 1.0L : std::exp(d);
        }
        const long double expected = small + (ties - 1.0L);
        QCOMPARE(m[i], max);
        QVERIFY2(close(r[i], static_cast<double>(expected), 1e-14),
            qPrintable(QStringLiteral("row %1: r %2, plain %3")
                           .arg(i)
                           .arg(r[i], 0, 'g', 17)
                           .arg(static_cast<double>(expected), 0, 'g', 17)));
    }
    QVERIFY(r[3] >= 1.0); // the second maximum counts 1
    QCOMPARE(r[4], 0.0);
}

// Sigmoid and probability logs: log p and log(1 - p) to full relative precision on both sides.
void TestFocalKernels::logs()
{
    const std::vector<double> x
        = {-800.0, -40.0, -3.0, -1e-9, 0.0, 1e-9, 0.5, 3.0, 40.0, 800.0, -17.25};
    std::vector<double> a(x.size());
    std::vector<double> b(x.size());
    sigmoidLogs(x.data(), x.size(), a.data(), b.data());
    for (std::size_t i = 0; i < x.size(); ++i) {
        // log sigmoid(x) = -log1p(e^-x) (x >= 0) or x - log1p(e^x) (x < 0)
        const double logP
            = x[i] >= 0 ? -std::log1p(std::exp(-x[i])) : x[i] - std::log1p(std::exp(x[i]));
        const double log1mP
            = x[i] >= 0 ? -x[i] - std::log1p(std::exp(-x[i])) : -std::log1p(std::exp(x[i]));
        QVERIFY2(close(a[i], logP, 1e-14) && close(b[i], log1mP, 1e-14),
            qPrintable(QStringLiteral("x %1: %2 %3")
                           .arg(x[i])
                           .arg(a[i], 0, 'g', 17)
                           .arg(b[i], 0, 'g', 17)));
    }
    const std::vector<double> p = {0.0, 1e-13, 1e-12, 1e-6, 0.25, 0.5, 0.75, 1.0 - 1e-9, 1.0, 2.0};
    std::vector<double> lp(p.size());
    std::vector<double> l1m(p.size());
    probabilityLogs(p.data(), p.size(), 1e-12, 1.0, lp.data(), l1m.data());
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double c = std::clamp(p[i], 1e-12, 1.0);
        const double expectedLog = c > 0.5 ? std::log1p(c - 1.0) : std::log(c);
        const double expectedLog1m = c == 1.0 ? -kInf
            : c > 0.5                         ? std::log(1.0 - c)
                                              : std::log1p(-c);
        QVERIFY2(close(lp[i], expectedLog, 1e-14) && close(l1m[i], expectedLog1m, 1e-14),
            qPrintable(QStringLiteral("p %1: %2 %3")
                           .arg(p[i])
                           .arg(lp[i], 0, 'g', 17)
                           .arg(l1m[i], 0, 'g', 17)));
    }
}

// l = -alpha_t (1 - p_t)^gamma log p_t, plain and with the alpha gathered by index, and the
// fused softmax row kernel, against std::pow and std::expm1.
void TestFocalKernels::entryLoss()
{
    const std::size_t n = 23;
    std::vector<double> logPt = uniform(3, n, -30.0, 0.0);
    logPt[0] = 0.0; // p_t = 1, the ignored-row convention with log(1 - p_t) = -inf
    logPt[1] = -1e-12;
    std::vector<double> log1mPt(n);
    log1mFromLog(logPt.data(), n, log1mPt.data());
    QCOMPARE(log1mPt[0], -kInf);
    std::vector<int> index(n);
    const std::vector<double> weights = {0.0, 0.25, 0.75, 2.0};
    std::vector<double> alphaT(n);
    for (std::size_t i = 0; i < n; ++i) {
        index[i] = static_cast<int>(i % 4) - 1;
        alphaT[i] = weights[static_cast<std::size_t>(index[i] + 1)];
        QVERIFY(i == 0 || close(log1mPt[i], std::log(-std::expm1(logPt[i])), 1e-14));
    }
    // alpha_t gathered by label (the ignore index -100 gets weights[0] = 0)
    std::vector<std::int32_t> labels(n);
    for (std::size_t i = 0; i < n; ++i)
        labels[i] = index[i] < 0 ? -100 : index[i];
    std::vector<double> gathered(n);
    gatherAlpha(labels.data(), -100, weights.data(), n, gathered.data());
    QCOMPARE(gathered, alphaT);
    for (double gamma : {0.0, 0.5, 2.0, 3.7}) {
        std::vector<double> loss(n);
        std::vector<double> indexed(n);
        focalEntryLoss(logPt.data(), log1mPt.data(), alphaT.data(), n, gamma, loss.data());
        focalEntryLossIndexed(
            logPt.data(), log1mPt.data(), index.data(), weights.data(), n, gamma, indexed.data());
        for (std::size_t i = 0; i < n; ++i) {
            const double q = -std::expm1(logPt[i]);
            const double expected
                = -alphaT[i] * (gamma == 0.0 ? 1.0 : std::pow(q, gamma)) * logPt[i] + 0.0;
            QVERIFY2(close(loss[i], expected, 1e-13),
                qPrintable(QStringLiteral("gamma %1 entry %2: %3, std %4")
                               .arg(gamma)
                               .arg(i)
                               .arg(loss[i], 0, 'g', 17)
                               .arg(expected, 0, 'g', 17)));
            QCOMPARE(indexed[i], loss[i]);
            QVERIFY(!std::signbit(loss[i]));
        }
        // The fused softmax rows: x_t - m and r giving the same log p_t.
        std::vector<double> xtMinusM(n, 0.0);
        std::vector<double> r(n);
        for (std::size_t i = 0; i < n; ++i)
            r[i] = std::expm1(-logPt[i]); // log1p(r) = -log p_t with x_t the max
        std::vector<double> lp(n), l1m(n), rowLoss(n), pt(n);
        softmaxRowLoss(xtMinusM.data(), r.data(), alphaT.data(), n, gamma, true, lp.data(),
            l1m.data(), rowLoss.data(), pt.data());
        for (std::size_t i = 0; i < n; ++i) {
            QVERIFY(close(lp[i], logPt[i], 1e-13));
            QVERIFY(close(pt[i], std::exp(logPt[i]), 1e-14));
            QVERIFY2(close(rowLoss[i], loss[i], 1e-12),
                qPrintable(QStringLiteral("row %1: %2 %3")
                               .arg(i)
                               .arg(rowLoss[i], 0, 'g', 17)
                               .arg(loss[i], 0, 'g', 17)));
        }
    }
}

QTEST_GUILESS_MAIN(TestFocalKernels)
#include "tst_focal_kernels.moc"
