#!/usr/bin/env bash
# Set up this checkout on a fresh machine: the system libraries Qt needs (and, with --tests, the
# PostgreSQL server and PDF tools the tests use) from Debian's packages when we are root or have
# sudo; a virtual environment in .venv with the app (and its test tools); compiled translations.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--tests" ] && with_tests=1

qt_libs="libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0"
test_pkgs="postgresql poppler-utils"
wanted="$qt_libs"
[ "$with_tests" = 1 ] && wanted="$wanted $test_pkgs"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
  done
fi
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  if [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; then
    echo "setup: installing system packages:$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing \
      >/dev/null
  else
    echo "setup: please install these system packages:$missing" >&2
  fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: catalog_app needs Python 3.11 or newer ($python is $("$python" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
extras=""
[ "$with_tests" = 1 ] && extras="[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
if [ -f scripts/build_translations.py ]; then
  .venv/bin/python scripts/build_translations.py
fi
