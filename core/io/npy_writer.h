#pragma once

#include <Eigen/Core>

#include <string>

namespace focalscope {

// The bytes of an .npy file (format 1.0) holding matrix as little-endian float64 of shape
// (rows, cols) in C order: what np.load reads back exactly.
std::string npyBytes(const Eigen::MatrixXd& matrix);

} // namespace focalscope
