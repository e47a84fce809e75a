#!/usr/bin/env bash
# Configures (Ninja, ccache) and builds into build/ (or build-sanitize/). Sourced by the scripts.
set -euo pipefail

configure_and_build() {
  local build_dir=$1; shift
  local top
  top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  export CCACHE_BASEDIR="$top"
  export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
  cmake -S "$top" -B "$top/$build_dir" -G Ninja \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@"
  cmake --build "$top/$build_dir" --parallel "$(nproc)"
}
