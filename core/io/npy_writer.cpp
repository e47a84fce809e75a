#include "io/npy_writer.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace focalscope {

std::string npyBytes(const Eigen::MatrixXd& matrix)
{
    static_assert(std::endian::native == std::endian::little, "writes little-endian float64");
    std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': ("
        + std::to_string(matrix.rows()) + ", " + std::to_string(matrix.cols()) + "), }";
    // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of
    // 64 bytes and ended by a newline.
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    const auto length = static_cast<std::uint16_t>(header.size());
    out += static_cast<char>(length & 0xff);
    out += static_cast<char>(length >> 8);
    out += header;
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rowMajor = matrix;
    const std::size_t bytes = static_cast<std::size_t>(rowMajor.size()) * sizeof(double);
    const std::size_t offset = out.size();
    out.resize(offset + bytes);
    if (bytes > 0)
        std::memcpy(out.data() + offset, rowMajor.data(), bytes);
    return out;
}

} // namespace focalscope
