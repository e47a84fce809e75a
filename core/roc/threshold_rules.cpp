#include "roc/threshold_rules.h"

#include "platform/uint128.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

[[noreturn]] void badRule(std::string_view rule, const std::string& expected)
{
    throw std::invalid_argument("operating point rule '" + std::string(rule) + "': " + expected);
}

double ruleNumber(std::string_view rule, std::string_view field, const char* what)
{
    field = trimmed(field);
    double value = 0.0;
    const char* end = field.data() + field.size();
    const auto [ptr, ec] = std::from_chars(field.data(), end, value);
    if (field.empty() || ec != std::errc() || ptr != end || !std::isfinite(value))
        badRule(rule,
            std::string("expected a number for ") + what + ", got '" + std::string(field) + "'");
    return value;
}

// rate = count / total as scikit-learn's roc_curve divides them.
double rate(std::int64_t count, std::int64_t total)
{
    return static_cast<double>(count) / static_cast<double>(total);
}

// The first index in [begin, end) that no later index beats (less(a, b): b is strictly better).
template<typename Less> std::size_t firstMaximum(std::size_t begin, std::size_t end, Less less)
{
    std::size_t best = begin;
    for (std::size_t k = begin + 1; k < end; ++k)
        if (less(best, k))
            best = k;
    return best;
}

} // namespace

OperatingRule parseOperatingRule(std::string_view text)
{
    const std::string_view rule = trimmed(text);
    OperatingRule parsed;
    parsed.text = std::string(rule);
    const std::size_t eq = rule.find('=');
    const std::string_view name = trimmed(rule.substr(0, eq));
    const std::string_view argument = eq == std::string_view::npos ? "" : rule.substr(eq + 1);
    const std::string expected = "expected youden, f1, fpr=X, tpr=X or cost=CFP,CFN[,PI]";
    if (name == "youden" || name == "f1") {
        if (eq != std::string_view::npos)
            badRule(rule, std::string(name) + " takes no value");
        parsed.kind = name == "youden" ? OperatingRule::Kind::Youden : OperatingRule::Kind::F1;
        return parsed;
    }
    if (name == "fpr" || name == "tpr") {
        if (eq == std::string_view::npos)
            badRule(rule, "expected " + std::string(name) + "=X with X in [0, 1]");
        parsed.kind = name == "fpr" ? OperatingRule::Kind::Fpr : OperatingRule::Kind::Tpr;
        parsed.limit = ruleNumber(rule, argument, name == "fpr" ? "the FPR" : "the TPR");
        if (!(parsed.limit >= 0.0 && parsed.limit <= 1.0))
            badRule(rule, "X must be in [0, 1]");
        return parsed;
    }
    if (name == "cost") {
        if (eq == std::string_view::npos)
            badRule(rule, "expected cost=CFP,CFN or cost=CFP,CFN,PI");
        std::vector<std::string_view> fields;
        for (std::size_t start = 0;;) {
            const std::size_t comma = argument.find(',', start);
            fields.push_back(argument.substr(start, comma - start));
            if (comma == std::string_view::npos)
                break;
            start = comma + 1;
        }
        if (fields.size() < 2 || fields.size() > 3)
            badRule(rule,
                "expected cost=CFP,CFN or cost=CFP,CFN,PI (2 or 3 numbers), got "
                    + std::to_string(fields.size()));
        parsed.kind = OperatingRule::Kind::Cost;
        parsed.costFp = ruleNumber(rule, fields[0], "the false positive cost CFP");
        parsed.costFn = ruleNumber(rule, fields[1], "the false negative cost CFN");
        if (parsed.costFp < 0.0 || parsed.costFn < 0.0)
            badRule(rule, "costs must be >= 0");
        if (parsed.costFp == 0.0 && parsed.costFn == 0.0)
            badRule(rule, "at least one cost must be > 0");
        if (fields.size() == 3) {
            parsed.prevalence = ruleNumber(rule, fields[2], "the prevalence PI");
            if (!(*parsed.prevalence > 0.0 && *parsed.prevalence < 1.0))
                badRule(rule, "the prevalence PI must be in (0, 1)");
        }
        return parsed;
    }
    badRule(rule, expected);
}

// CFN PI (1 - TPR) + CFP (1 - PI) FPR
double expectedCost(const OperatingPoint& point, double costFp, double costFn, double prevalence)
{
    return costFn * prevalence * (1.0 - point.tpr) + costFp * (1.0 - prevalence) * point.fpr;
}

// CFP (1 - PI) / (CFN PI)
double isoCostSlope(double costFp, double costFn, double prevalence)
{
    return costFp * (1.0 - prevalence) / (costFn * prevalence);
}

double rulePrevalence(const ThresholdTable& table, const OperatingRule& rule)
{
    if (rule.prevalence)
        return *rule.prevalence;
    const std::int64_t rows = table.positives() + table.negatives();
    return rows > 0 ? rate(table.positives(), rows) : kNaN;
}

std::vector<double> expectedCostCurve(
    const ThresholdTable& table, double costFp, double costFn, double prevalence)
{
    std::vector<double> cost;
    if (!table.hasBothClasses())
        return cost;
    cost.resize(table.size());
    const std::int64_t p = table.positives();
    const std::int64_t n = table.negatives();
    for (std::size_t k = 0; k < table.size(); ++k)
        cost[k] = costFn * prevalence * (1.0 - rate(table.tp(k), p))
            + costFp * (1.0 - prevalence) * rate(table.fp(k), n);
    return cost;
}

RulePoint applyRule(const ThresholdTable& table, const OperatingRule& rule)
{
    RulePoint result;
    result.prevalence = kNaN;
    result.expectedCost = kNaN;
    result.isoCostSlope = kNaN;
    if (!table.hasBothClasses()) {
        result.message = table.positives() == 0 && table.negatives() == 0
            ? "there are no rows"
            : (table.positives() == 0 ? "there are no positive rows"
                                      : "there are no negative rows");
        result.message += ": " + rule.text + " needs positive and negative rows";
        return result;
    }
    const std::int64_t p = table.positives();
    const std::int64_t n = table.negatives();
    const std::size_t size = table.size();
    std::size_t k = 0;
    switch (rule.kind) {
    case OperatingRule::Kind::Youden:
        // TPR - FPR = (TP N - FP P) / (P N): compare the exact numerators.
        k = firstMaximum(0, size, [&](std::size_t a, std::size_t b) {
            return static_cast<Int128>(table.tp(a)) * n - static_cast<Int128>(table.fp(a)) * p
                < static_cast<Int128>(table.tp(b)) * n - static_cast<Int128>(table.fp(b)) * p;
        });
        break;
    case OperatingRule::Kind::F1:
        // F1 = 2 TP / (TP + FP + P); a / b < c / d <=> a d < c b. The +inf point (F1 0) never
        // wins: the lowest threshold has TP = P > 0.
        k = firstMaximum(1, size, [&](std::size_t a, std::size_t b) {
            return static_cast<Int128>(table.tp(a)) * (table.tp(b) + table.fp(b) + p)
                < static_cast<Int128>(table.tp(b)) * (table.tp(a) + table.fp(a) + p);
        });
        break;
    case OperatingRule::Kind::Fpr: {
        // FP rises along the table: the points with FPR <= X are a prefix, and TP rises too, so
        // its last point has the highest TPR; the first point with that TP has the lowest FPR.
        std::size_t prefix = 1;
        std::size_t count = size - 1;
        while (count > 0) { // the first k with fpr(k) > X
            const std::size_t half = count / 2;
            if (rate(table.fp(prefix + half), n) <= rule.limit) {
                prefix += half + 1;
                count -= half + 1;
            } else {
                count = half;
            }
        }
        const std::int64_t bestTp = table.tp(prefix - 1);
        std::size_t lo = 0;
        std::size_t hi = prefix - 1;
        while (lo < hi) { // the first k with tp(k) == bestTp
            const std::size_t mid = (lo + hi) / 2;
            if (table.tp(mid) < bestTp)
                lo = mid + 1;
            else
                hi = mid;
        }
        k = lo;
        break;
    }
    case OperatingRule::Kind::Tpr: {
        // The points with TPR >= X are a suffix (the last point has TPR 1); its first point has
        // the lowest FPR, and the last point with that FP the highest TPR.
        std::size_t lo = 0;
        std::size_t hi = size - 1;
        while (lo < hi) { // the first k with tpr(k) >= X
            const std::size_t mid = (lo + hi) / 2;
            if (rate(table.tp(mid), p) >= rule.limit)
                hi = mid;
            else
                lo = mid + 1;
        }
        const std::int64_t bestFp = table.fp(lo);
        std::size_t last = size - 1;
        while (lo < last) { // the last k with fp(k) == bestFp
            const std::size_t mid = (lo + last + 1) / 2;
            if (table.fp(mid) > bestFp)
                last = mid - 1;
            else
                lo = mid;
        }
        k = lo;
        break;
    }
    case OperatingRule::Kind::Cost: {
        result.prevalence = rulePrevalence(table, rule);
        const std::vector<double> cost
            = expectedCostCurve(table, rule.costFp, rule.costFn, result.prevalence);
        k = firstMaximum(0, size, [&](std::size_t a, std::size_t b) { return cost[b] < cost[a]; });
        result.expectedCost = cost[k];
        result.isoCostSlope = isoCostSlope(rule.costFp, rule.costFn, result.prevalence);
        break;
    }
    }
    result.index = k;
    result.point = table.point(k);
    return result;
}

} // namespace focalscope
