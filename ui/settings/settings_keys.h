#pragma once

// Every QSettings key of the application, declared once with its type and default.
// Components take a QSettings& so that tests can hand in their own (a temporary ini file).

#include "calibration/reliability.h"
#include "loss/focal_loss.h"
#include "plot/export_defaults.h"
#include "roc/bootstrap.h"
#include "roc/roc_report.h"
#include "settings/parameter_names.h"

#include <QByteArray>
#include <QSettings>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace focalscope {

template<typename T> struct SettingKey {
    const char* name;
    T defaultValue;

    T read(const QSettings& settings) const
    {
        const QVariant value = settings.value(QLatin1String(name));
        if (!value.isValid() || !value.canConvert<T>())
            return defaultValue;
        return value.value<T>();
    }
    void write(QSettings& settings, const T& value) const
    {
        settings.setValue(QLatin1String(name), QVariant::fromValue(value));
    }
};

namespace settings {

inline const SettingKey<QByteArray> windowGeometry {"window/geometry", {}};
inline const SettingKey<QByteArray> windowState {"window/state", {}};
inline const SettingKey<int> currentChart {"window/currentChart", 0};

// Recent entries: a predictions path, or "predictions<TAB>labels".
inline const SettingKey<QStringList> recentFiles {"files/recent", {}};
inline const SettingKey<QString> lastDirectory {"files/lastDirectory", {}};

// The parameters' defaults are core's (FocalParams, RocOptions), as in focalscope-cli.
inline const SettingKey<QString> alphaMode {
    "parameters/alphaMode", alphaModeName(FocalParams {}.alpha.mode)};
inline const SettingKey<double> alpha {"parameters/alpha", FocalParams {}.alpha.scalar};
inline const SettingKey<QStringList> alphaPerClass {"parameters/alphaPerClass", {}};
inline const SettingKey<double> gamma {"parameters/gamma", FocalParams {}.gamma};
inline const SettingKey<QString> reduction {
    "parameters/reduction", QString::fromLatin1(reductionName(FocalParams {}.reduction))};
inline const SettingKey<double> maxFpr {"parameters/maxFpr", RocOptions {}.maxFpr};
inline const SettingKey<bool> showGradient {"parameters/showGradient", false};
inline const SettingKey<bool> ptByBackground {"parameters/ptByBackground", false};
inline const SettingKey<bool> rocLogFpr {"window/rocLogFpr", false};

// The calibration dock's diagram and bootstrap (core's defaults, as in focalscope-cli).
inline const SettingKey<int> calibrationBins {"calibration/bins", kDefaultCalibrationBins};
inline const SettingKey<QString> calibrationStrategy {
    "calibration/strategy", QString::fromLatin1(binStrategyName(BinStrategy::Uniform))};
inline const SettingKey<int> bootstrapReplicates {
    "bootstrap/replicates", kDefaultBootstrapReplicates};
inline const SettingKey<int> bootstrapSeed {
    "bootstrap/seed", static_cast<int>(kDefaultBootstrapSeed)};

// The colours the user chose for classes: one key per class name under this group
// (settings/class_colors.h), a colour name such as "#1f77b4".
inline constexpr const char* classColorsGroup = "classColors";

// The most threads the computations use at once (core/parallel); 0 = every core.
inline const SettingKey<int> maxThreads {"performance/maxThreads", 0};

inline const SettingKey<QSize> exportSize {
    "export/size", QSize(kDefaultExportWidth, kDefaultExportHeight)};
inline const SettingKey<int> exportDpi {"export/dpi", kDefaultExportDpi};

} // namespace settings

} // namespace focalscope
