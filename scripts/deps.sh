#!/usr/bin/env bash
# Installs the Debian packages Focalscope needs that are missing. Sourced by scripts/run and
# scripts/test. FOCALSCOPE_EXTRA_PACKAGES adds more (the reference generators' Python stack).
# NumPy and Dask are for python/focalscope_summary.py's own test (python_summary); no C++ test
# needs Python.
set -euo pipefail

focalscope_packages=(
  cmake ninja-build ccache g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev qt6-qpa-plugins
  libeigen3-dev libhwy-dev libzip-dev libtbb-dev
  fonts-dejavu-core xvfb xauth
  desktop-file-utils appstream
  python3-numpy python3-dask python3-distributed
)

install_missing_packages() {
  local wanted=("${focalscope_packages[@]}" ${FOCALSCOPE_EXTRA_PACKAGES:-})
  local missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}
