#include "summary/summary_report.h"

#include "report/json_writer.h"
#include "summary/summary_analysis.h"
#include "summary/summary_loss.h"
#include "summary/summary_roc.h"

#include <cmath>
#include <cstdio>

namespace focalscope {

namespace {

struct Numbers {
    SummaryRoc roc;
    SummaryLoss loss;
};

Numbers compute(const Summary& s, const FocalParams& params)
{
    return {summaryRoc(s), summaryFocalLoss(s, params)};
}

void bounds(JsonWriter& json, double lo, double hi)
{
    json.beginArray();
    json.value(lo);
    json.value(hi);
    json.endArray();
}

void aurocValue(JsonWriter& json, const char* name, const BinnedAuroc& a)
{
    json.key(name);
    json.value(a.value);
    json.key((std::string(name == std::string("value") ? "" : std::string(name) + "_") + "bounds"));
    bounds(json, a.lower(), a.upper());
}

std::string targetName(const Summary& s, int t)
{
    return s.binary ? std::to_string(t) : s.classNames[static_cast<std::size_t>(t)];
}

} // namespace

std::string summaryJson(const std::string& path, const Summary& s, const FocalParams& params)
{
    const Numbers n = compute(s, params);
    JsonWriter json;
    json.beginObject();
    json.key("schema");
    json.value(1LL);
    json.key("binned");
    json.value(true);
    json.key("input");
    json.beginObject();
    json.key("path");
    json.value(path);
    json.key("labels_path");
    json.null();
    json.key("format");
    json.value("summary");
    json.key("task");
    json.value(s.binary ? "binary" : "multiclass");
    json.key("kind");
    json.value(scoreKindName(s.kind));
    json.key("samples");
    json.value(static_cast<long long>(s.samples));
    json.key("ignored");
    json.value(static_cast<long long>(s.ignored));
    json.key("skipped");
    json.value(0LL);
    json.key("classes");
    json.value(static_cast<long long>(s.classes()));
    json.key("class_names");
    json.beginArray();
    for (const std::string& name : s.classNames)
        json.value(name);
    json.endArray();
    json.key("binned");
    json.value(true);
    json.key("bins");
    json.value(static_cast<long long>(s.bins()));
    json.key("bin_width");
    json.value(std::ldexp(1.0, -s.scaleBits));
    json.key("bin_range");
    bounds(json, -s.range, s.range);
    json.endObject();

    json.key("focal_loss");
    json.beginObject();
    json.key("mode");
    json.value(lossModeName(params.mode));
    json.key("gamma");
    json.value(params.gamma);
    json.key("alpha");
    json.beginArray();
    for (double a : n.loss.alpha)
        json.value(a);
    json.endArray();
    json.key("reduction");
    json.value(reductionName(params.reduction));
    json.key("value");
    json.value(n.loss.value.mid());
    json.key("bounds");
    bounds(json, n.loss.value.lower, n.loss.value.upper);
    json.key("per_class");
    json.beginArray();
    for (int t = 0; t < s.targets(); ++t) {
        const LossBracket& mean = n.loss.classMean[static_cast<std::size_t>(t)];
        json.beginObject();
        json.key("class");
        json.value(targetName(s, t));
        json.key("samples");
        json.value(static_cast<long long>(n.loss.rows[static_cast<std::size_t>(t)]));
        json.key("mean");
        json.value(mean.mid());
        json.key("mean_bounds");
        bounds(json, mean.lower, mean.upper);
        json.endObject();
    }
    json.endArray();
    json.endObject();

    json.key("auroc");
    json.beginObject();
    if (s.binary) {
        const SummaryClassRoc& c = n.roc.perClass.front();
        aurocValue(json, "value", c.auroc);
        json.key("ci95");
        bounds(json, c.delong.lower, c.delong.upper);
    } else {
        json.key("per_class");
        json.beginArray();
        for (const SummaryClassRoc& c : n.roc.perClass)
            json.value(c.auroc.value);
        json.endArray();
        json.key("bounds");
        json.beginArray();
        for (const SummaryClassRoc& c : n.roc.perClass)
            bounds(json, c.auroc.lower(), c.auroc.upper());
        json.endArray();
        json.key("ci95");
        json.beginArray();
        for (const SummaryClassRoc& c : n.roc.perClass)
            bounds(json, c.delong.lower, c.delong.upper);
        json.endArray();
        aurocValue(json, "macro", n.roc.macro);
        aurocValue(json, "weighted", n.roc.weighted);
        aurocValue(json, "micro", n.roc.micro);
        json.key("ovo");
        json.null();
    }
    json.key("partial");
    json.null();
    json.endObject();

    json.key("average_precision");
    json.beginObject();
    if (s.binary) {
        json.key("value");
        json.value(n.roc.perClass.front().averagePrecision);
    } else {
        json.key("per_class");
        json.beginArray();
        for (const SummaryClassRoc& c : n.roc.perClass)
            json.value(c.averagePrecision);
        json.endArray();
        json.key("macro");
        json.value(n.roc.apMacro);
    }
    json.endObject();
    json.key("warnings");
    json.beginArray();
    for (const std::string& w : n.roc.warnings)
        json.value(w);
    json.endArray();
    json.endObject();
    return json.text() + "\n";
}

std::string summaryText(const std::string& path, const Summary& s, const FocalParams& params)
{
    const Numbers n = compute(s, params);
    std::string out;
    char line[512];
    const auto add = [&](const char* format, auto... values) {
        std::snprintf(line, sizeof line, format, values...);
        out += line;
    };
    add("%s: summary (binned: %lld bins of width 2^-%d in logit), %s %s, %lld rows (%lld ignored), "
        "%d classes\n",
        path.c_str(), static_cast<long long>(s.bins()), s.scaleBits,
        s.binary ? "binary" : "multiclass", scoreKindName(s.kind),
        static_cast<long long>(s.samples), static_cast<long long>(s.ignored), s.classes());
    add("focal loss (%s, gamma %g, %s): %.6g, bounds [%.6g, %.6g]\n", lossModeName(params.mode),
        params.gamma, reductionName(params.reduction), n.loss.value.mid(), n.loss.value.lower,
        n.loss.value.upper);
    for (int c = 0; c < s.classes(); ++c) {
        const SummaryClassRoc& k = n.roc.perClass[static_cast<std::size_t>(c)];
        add("AUROC %s: %.6f binned, bounds [%.6f, %.6f], DeLong 95%% CI [%.4f, %.4f], AP %.6f\n",
            s.classNames[static_cast<std::size_t>(c)].c_str(), k.auroc.value, k.auroc.lower(),
            k.auroc.upper(), k.delong.lower, k.delong.upper, k.averagePrecision);
    }
    if (!s.binary)
        add("AUROC macro %.6f [%.6f, %.6f], weighted %.6f [%.6f, %.6f], micro %.6f [%.6f, %.6f]\n",
            n.roc.macro.value, n.roc.macro.lower(), n.roc.macro.upper(), n.roc.weighted.value,
            n.roc.weighted.lower(), n.roc.weighted.upper(), n.roc.micro.value, n.roc.micro.lower(),
            n.roc.micro.upper());
    for (const std::string& w : n.roc.warnings)
        out += "warning: " + w + "\n";
    return out;
}

} // namespace focalscope
