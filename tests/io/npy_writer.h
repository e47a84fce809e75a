#pragma once

// Writes .npy files the way NumPy does (version 1.0, header padded to 64 bytes), for tests
// whose inputs are generated in C++.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace focalscope::testing {

inline QByteArray npyBytes(const std::string& descr, bool fortranOrder,
    const std::vector<std::int64_t>& shape, const void* data, std::size_t bytes)
{
    std::string dims;
    for (std::int64_t d : shape)
        dims += std::to_string(d) + (shape.size() == 1 ? "," : ", ");
    if (shape.size() > 1)
        dims.resize(dims.size() - 2);
    std::string header = "{'descr': '" + descr + "', 'fortran_order': "
        + (fortranOrder ? "True" : "False") + ", 'shape': (" + dims + "), }";
    header.append(64 - (10 + header.size() + 1) % 64, ' ');
    header += '\n';
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out.append(char(header.size() & 0xff));
    out.append(char(header.size() >> 8));
    out.append(header.data(), qsizetype(header.size()));
    out.append(static_cast<const char*>(data), qsizetype(bytes));
    return out;
}

inline bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace focalscope::testing
