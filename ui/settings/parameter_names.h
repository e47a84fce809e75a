#pragma once

// The names under which the parameters' choices are stored in the settings. Reductions use
// core's reductionName() (the CLI's and the JSON's names); core has no names for the alpha
// modes, so they are here.

#include "loss/focal_loss.h"

#include <QString>

namespace focalscope {

QString alphaModeName(Alpha::Mode mode);
Alpha::Mode alphaModeFromName(const QString& name, Alpha::Mode fallback);

// The reduction whose reductionName() is `name`, else `fallback`.
Reduction reductionFromName(const QString& name, Reduction fallback);

} // namespace focalscope
