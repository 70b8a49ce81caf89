#!/usr/bin/env bash
# Installs what Batchdesk needs to build, run and test on Debian 12 / Ubuntu 24.04, skipping what is present.
#   tools/install-deps-debian.sh [--gui-only]
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(
  # toolchain
  g++ make cmake ninja-build pkg-config
  # Qt 6 (Widgets, Network, Concurrent, Sql, Test, LinguistTools, Charts) and what Debian forgets to pull in
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev libqt6svg6
  libqt6opengl6-dev qt6-websockets-dev libqt6sql6-sqlite libgl-dev
  # keychain (QtKeychain over the Secret Service) and a Secret Service for the tests
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus dbus-x11
  # JSON hot path, HTTP server of the sandbox
  libsimdjson-dev libcpp-httplib-dev
  # XLSX export (results) and unzip to read it back in the tests
  libxlsxwriter-dev unzip libcsv-dev
  # headless GUI and fonts (Noto CJK: the Japanese translation); Qt's own translations (qtbase_de.qm, …)
  xvfb xauth fonts-dejavu-core fonts-noto-cjk qt6-translations-l10n
  # the .deb and its check (tools/check-package.sh): dpkg-shlibdeps, desktop-file-validate, appstreamcli
  dpkg-dev desktop-file-utils appstream file curl
)
if [ "${1:-}" != "--gui-only" ]; then
  # libFuzzer smoke run of the tests
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
