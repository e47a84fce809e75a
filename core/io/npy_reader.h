#pragma once

// The .npy reader: the header (npy_header.h), then the array as scores (npy_scores.h), labels
// (npy_labels.h) or class names (npy_strings.h).

#include "io/npy_header.h"
#include "io/npy_labels.h"
#include "io/npy_scores.h"
#include "io/npy_strings.h"
