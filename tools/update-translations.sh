#!/usr/bin/env bash
# Regenerates translations/batchdesk_<lang>.ts from the sources of the desktop application.
#   tools/update-translations.sh
# The CLI (app/cli) is not scanned: its output stays English because scripts parse it.
# -locations none and -no-obsolete keep the files stable: moving a line does not change them, and strings that
# left the sources leave the files. New strings arrive as type="unfinished"; tests/ui/tst_translations fails until
# they are translated.
# batchdesk_en.ts holds only the plural (%n) messages (-pluralonly): English needs it so that "%n request(s)" reads
# "1 request" / "3 requests"; every other English text is the source itself.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE="${LUPDATE:-}"
if [ -z "$LUPDATE" ]; then
  for c in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then LUPDATE="$c"; break; fi
  done
fi
if [ -z "$LUPDATE" ]; then
  echo "lupdate not found (Debian: apt-get install qt6-l10n-tools)" >&2
  exit 1
fi
for lang in de ja; do
  "$LUPDATE" -silent -no-obsolete -locations none -target-language "$lang" \
    core models ui app/desktop -ts "translations/batchdesk_${lang}.ts" 2> >(grep -v "lacks Q_OBJECT macro" >&2)
done
"$LUPDATE" -silent -no-obsolete -pluralonly -locations none -source-language en -target-language en \
  core models ui app/desktop -ts translations/batchdesk_en.ts 2> >(grep -v "lacks Q_OBJECT macro" >&2)
