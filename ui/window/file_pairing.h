#pragma once

#include <QString>
#include <QStringList>

namespace focalscope {

// The files a user chose together (in the Open dialog or by dropping them), sorted into a
// predictions file and an optional labels file.
struct FilePair {
    QString predictions;
    QString labels; // empty: the predictions file holds its labels
};

// One file: the predictions. Two: the one named like labels ("label", "target", "gt", "y_true"
// in the base name) is the labels file, else the second. More than two: empty predictions and
// `error` says why.
FilePair pairChosenFiles(const QStringList& files, QString* error = nullptr);

} // namespace focalscope
