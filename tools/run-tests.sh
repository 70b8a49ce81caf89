#!/usr/bin/env bash
# Installs what is missing, builds everything and runs all tests: unit, CLI, GUI (offscreen) and end-to-end
# tests through ctest inside a private D-Bus session with an unlocked gnome-keyring (the keychain tests use the
# real Secret Service), then a short libFuzzer run of the validator.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps-debian.sh
export QT_QPA_PLATFORM=offscreen
cmake --preset default >/dev/null
cmake --build --preset default

# libFuzzer smoke run (clang build of the core only); a crash fails the run.
if command -v clang++ >/dev/null; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz --target fuzz_validator
  corpus="$(mktemp -d)"
  cp tests/fuzz/corpus/* "$corpus/"
  build/fuzz/tests/fuzz/fuzz_validator -max_total_time="${BATCHDESK_FUZZ_SECONDS:-20}" -max_len=8192 \
    -print_final_stats=1 "$corpus" 2>&1 | tail -n 3
  rm -rf "$corpus"
fi

# The .deb of that same build: cpack, desktop-file-validate, appstreamcli, apt-get install, run the installed
# binaries, apt-get remove (tools/check-package.sh; without --build-dir it makes its own Release build).
tools/check-package.sh --build-dir build/default

# ctest last, so that its summary closes the output.
# A keyring of its own in a temporary folder: an existing login keyring (with another password) would stay locked.
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c '
  printf %s batchdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  BATCHDESK_REQUIRE_KEYCHAIN=1 ctest --preset default -j2'
