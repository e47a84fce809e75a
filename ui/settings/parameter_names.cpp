#include "settings/parameter_names.h"

namespace focalscope {

QString alphaModeName(Alpha::Mode mode)
{
    switch (mode) {
    case Alpha::Mode::Scalar:
        return QStringLiteral("scalar");
    case Alpha::Mode::PerClass:
        return QStringLiteral("per-class");
    case Alpha::Mode::None:
        return QStringLiteral("none");
    }
    return {};
}

Alpha::Mode alphaModeFromName(const QString& name, Alpha::Mode fallback)
{
    for (Alpha::Mode mode : {Alpha::Mode::Scalar, Alpha::Mode::PerClass, Alpha::Mode::None}) {
        if (alphaModeName(mode) == name)
            return mode;
    }
    return fallback;
}

Reduction reductionFromName(const QString& name, Reduction fallback)
{
    for (Reduction r :
        {Reduction::Mean, Reduction::Sum, Reduction::WeightedMean, Reduction::None}) {
        if (name == QLatin1String(reductionName(r)))
            return r;
    }
    return fallback;
}

} // namespace focalscope
