#include "report/curve_csv.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace focalscope {

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char ch : text) {
        if (ch == '"')
            quoted += '"';
        quoted += ch;
    }
    return quoted + '"';
}

void appendCsvNumber(std::string& out, double value)
{
    if (std::isinf(value)) {
        out += value > 0 ? "inf" : "-inf";
        return;
    }
    if (std::isnan(value)) {
        out += "nan";
        return;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest round trip
    out.append(buffer, result.ptr);
}

namespace {

void appendCurve(std::string& out, const std::string& name, const RocCurve& curve)
{
    const std::string field = csvField(name);
    for (std::size_t i = 0; i < curve.fpr.size(); ++i) {
        out += field;
        out += ',';
        appendCsvNumber(out, curve.thresholds[i]);
        out += ',';
        appendCsvNumber(out, curve.fpr[i]);
        out += ',';
        appendCsvNumber(out, curve.tpr[i]);
        out += '\n';
    }
}

void appendRow(std::string& out, const std::string& field, std::initializer_list<double> values)
{
    out += field;
    for (const double value : values) {
        out += ',';
        appendCsvNumber(out, value);
    }
    out += '\n';
}

} // namespace

std::string rocCsv(const Analysis& analysis)
{
    std::string out = "class,threshold,fpr,tpr\n";
    for (const ClassRoc& c : analysis.roc.classes)
        appendCurve(out, c.name, c.roc);
    if (!analysis.roc.binary && !analysis.roc.microRoc.fpr.empty())
        appendCurve(out, "micro", analysis.roc.microRoc);
    return out;
}

std::string prCsv(const Analysis& analysis)
{
    std::string out = "class,threshold,precision,recall\n";
    for (const ClassRoc& c : analysis.roc.classes) {
        const std::string field = csvField(c.name);
        for (std::size_t i = 0; i < c.pr.precision.size(); ++i) {
            const double threshold = i < c.pr.thresholds.size()
                ? c.pr.thresholds[i]
                : std::numeric_limits<double>::infinity();
            appendRow(out, field, {threshold, c.pr.precision[i], c.pr.recall[i]});
        }
    }
    return out;
}

} // namespace focalscope
