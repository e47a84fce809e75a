#pragma once

// pROC's aSAH data (tests/data/reference/asah.csv), read as plain text: the markers wfns, s100b
// and ndka and the outcome (Poor = positive), for the tests that check pROC's figures.

#include "fixture.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <vector>

namespace focalscope::testing {

// tests/data/reference/asah.csv: pROC's aSAH data, read as plain text (# lines are its source).
struct Asah {
    std::vector<std::uint8_t> poor; // outcome Poor = positive
    std::map<QString, std::vector<double>> markers;
};

inline const Asah& asah()
{
    static const Asah data = [] {
        QFile file(testsDir() + QStringLiteral("/data/reference/asah.csv"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            throw std::runtime_error("cannot open tests/data/reference/asah.csv");
        Asah out;
        QStringList header;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList fields = line.split(QLatin1Char(','));
            if (header.isEmpty()) {
                header = fields;
                continue;
            }
            if (fields.size() != header.size())
                throw std::runtime_error("asah.csv: ragged row " + line.toStdString());
            const QString outcome = fields[header.indexOf(QStringLiteral("outcome"))];
            if (outcome != QLatin1String("P") && outcome != QLatin1String("G"))
                throw std::runtime_error("asah.csv: outcome " + outcome.toStdString());
            out.poor.push_back(outcome == QLatin1String("P") ? 1 : 0);
            for (const QString& marker :
                {QStringLiteral("wfns"), QStringLiteral("s100b"), QStringLiteral("ndka")}) {
                bool ok = false;
                out.markers[marker].push_back(fields[header.indexOf(marker)].toDouble(&ok));
                if (!ok)
                    throw std::runtime_error(
                        "asah.csv: " + marker.toStdString() + " in " + line.toStdString());
            }
        }
        return out;
    }();
    return data;
}

} // namespace focalscope::testing
