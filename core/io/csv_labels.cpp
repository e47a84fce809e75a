#include "io/csv_labels.h"

#include "io/csv_dialect.h"
#include "io/csv_fields.h"
#include "io/read_error.h"

#include <cmath>

namespace focalscope {

namespace csv {

std::string LabelRules::rangeText() const
{
    return (binary ? std::string("0 or 1") : "a label in [0, " + std::to_string(targets) + ")")
        + " or the ignore index " + std::to_string(ignoreIndex);
}

std::string LabelRules::invalidMessage(std::string_view found) const
{
    return "expected " + rangeText() + ", found " + std::string(found);
}

bool LabelRules::parse(std::string_view field, std::int32_t& label, std::string& error) const
{
    field = trim(field);
    if (field.empty()) {
        error = "expected a label, found an empty field";
        return false;
    }
    const char* first = field.data();
    const char* last = first + field.size();
    std::int64_t integer = 0;
    if (const char* end = parseNumber(first, last, integer); end == last) {
        if (!valid(integer)) {
            error = invalidMessage(field);
            return false;
        }
        label = static_cast<std::int32_t>(integer);
        return true;
    }
    double real = 0;
    if (const char* end = parseNumber(first, last, real); end == last) {
        if (!std::isfinite(real) || real != std::floor(real)) {
            error = "expected an integer label, found " + std::string(field);
            return false;
        }
        if (std::abs(real) > 2147483647.0 || !valid(static_cast<std::int64_t>(real))) {
            error = invalidMessage(field);
            return false;
        }
        label = static_cast<std::int32_t>(real);
        return true;
    }
    std::int32_t boolean = 0;
    if (binary && isBoolean(field, boolean)) {
        label = boolean;
        return true;
    }
    if (!binary && classNames) {
        for (std::size_t c = 0; c < classNames->size(); ++c)
            if ((*classNames)[c] == field) {
                label = static_cast<std::int32_t>(c);
                return true;
            }
    }
    if (binary) {
        error = "expected 0, 1, true, false or the ignore index " + std::to_string(ignoreIndex)
            + ", found " + quoteForMessage(field);
    } else {
        std::string names;
        for (std::size_t c = 0; c < classNames->size() && c < 12; ++c)
            names += (c ? ", " : "") + (*classNames)[c];
        if (classNames->size() > 12)
            names += ", ...";
        error = "expected an integer label or a class name (" + names + "), found "
            + quoteForMessage(field);
    }
    return false;
}

} // namespace csv

bool isLabelColumnName(std::string_view name)
{
    for (std::string_view candidate : {"label", "target", "y", "y_true", "class", "gt"})
        if (csv::equalsIgnoringCase(csv::trim(name), candidate))
            return true;
    return false;
}

LabelVector readLabelColumn(std::string_view text, const std::string& name,
    const std::vector<std::string>& classNames, std::int32_t ignoreIndex, Index& ignored)
{
    text = csv::checkedText(text, name);
    ignored = 0;
    std::size_t pos = 0;
    Index line = 0;
    if (!csv::findFirstRecord(text, pos, line))
        throw ReadError(name + ": expected labels, found only blank or comment lines");

    csv::LabelRules rules;
    rules.classNames = &classNames;
    rules.binary = classNames.size() == 1;
    rules.targets = static_cast<std::int32_t>(rules.binary ? 2 : classNames.size());
    rules.ignoreIndex = ignoreIndex;

    const char delimiter = csv::detectDelimiter(text, pos);
    std::vector<std::string> fields;
    std::vector<std::int32_t> labels;
    bool firstRecord = true;
    while (pos < text.size()) {
        const std::size_t e = csv::lineEnd(text, pos);
        if (csv::classify(text.data() + pos, text.data() + e) != csv::LineKind::Data) {
            pos = e + 1;
            ++line;
            continue;
        }
        const Index recordLine = line;
        pos = csv::splitRecord(text, pos, delimiter, fields, line);
        if (fields.size() != 1)
            throw ReadError(name + ":" + std::to_string(recordLine + 1)
                + ": expected 1 field (a label), found " + std::to_string(fields.size()));
        std::int32_t label = 0;
        std::string error;
        // A first record named like a label column (label, target, y, ...) is the header, even
        // when a class has that name.
        if (firstRecord && isLabelColumnName(fields[0])) {
            firstRecord = false;
            continue;
        }
        if (!rules.parse(fields[0], label, error)) {
            // A first record that is no label at all is the header.
            if (firstRecord && !csv::isNumber(fields[0]) && !csv::isBoolean(fields[0], label)) {
                firstRecord = false;
                continue;
            }
            throw ReadError(name + ":" + std::to_string(recordLine + 1) + ": " + error);
        }
        firstRecord = false;
        if (label == ignoreIndex)
            ++ignored;
        labels.push_back(label);
    }
    if (labels.empty())
        throw ReadError(name + ": expected labels after the header, found none");
    return Eigen::Map<const LabelVector>(labels.data(), static_cast<Index>(labels.size()));
}

} // namespace focalscope
