#!/usr/bin/env bash
# Make sure the Debian libraries Qt needs are present.
#   scripts/system_deps.sh offscreen   libraries for headless Qt (the test suite)
#   scripts/system_deps.sh window      plus what a real window on X11 needs (make run)
# Installs what is missing when run as root on Debian/Ubuntu; otherwise prints the
# apt-get line to run and carries on (the caller decides whether Qt will load).
set -u
mode="${1:-offscreen}"
packages="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3"
if [ "$mode" = "window" ]; then
  packages="$packages libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1 libxcb-randr0 \
libxcb-render0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0"
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "note: not a Debian system; make sure Qt's libraries are installed ($packages)" >&2
  exit 0
fi
missing=""
for pkg in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $pkg" ;;
  esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the libraries Qt needs:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q --no-install-recommends $missing
else
  echo "Qt needs these Debian packages. Run as root:" >&2
  echo "  apt-get update && apt-get install -y$missing" >&2
fi
