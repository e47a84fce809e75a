#pragma once

#include <QString>

namespace focalscope {

// The bundled demo dataset: $FOCALSCOPE_DEMO, else <prefix>/share/focalscope/demo/demo.npz
// beside the installed binary, else the source tree's resources/demo/demo.npz. Empty if none
// exists.
QString demoDatasetPath();

} // namespace focalscope
