#!/usr/bin/env bash
# Installs what is missing, builds Batchdesk (release with debug info) and launches the desktop app.
# Extra arguments are passed to the app (e.g. a .jsonl file to open).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps-debian.sh --gui-only
cmake --preset default >/dev/null
cmake --build --preset default --target batchdesk batchdesk-cli
exec build/default/app/desktop/batchdesk "$@"
