#!/bin/sh
# Uploads a ~200 MB JSONL to batchdesk-sandbox with `curl -F` and reports wall time and the peak memory of the
# server (VmHWM, RssAnon from /proc) and of curl. The server must stream the body to disk: its peak stays far
# below the file size.
# Usage: bench/upload-bench.sh [BUILD_DIR] [SIZE_MB]   (default build/sandbox, 200)
set -eu
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${1:-$ROOT/build/sandbox}"
SIZE_MB="${2:-200}"
SANDBOX="$BUILD/app/sandbox/batchdesk-sandbox"
[ -x "$SANDBOX" ] || { echo "upload-bench: build batchdesk-sandbox first ($SANDBOX)" >&2; exit 2; }
WORK="$(mktemp -d)"
PID=""
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# One chat request of ~1 KB per line, distinct custom_ids.
python3 - "$WORK/input.jsonl" "$SIZE_MB" <<'PY'
import json, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
text = "lorem ipsum " * 80
with open(path, "w") as f:
    i = written = 0
    while written < size - 2000:
        line = json.dumps({"custom_id": f"r{i}", "method": "POST", "url": "/v1/chat/completions",
                           "body": {"model": "sandbox/echo", "messages": [{"role": "user", "content": text}]}}) + "\n"
        f.write(line)
        written += len(line)
        i += 1
PY
BYTES=$(stat -c %s "$WORK/input.jsonl")

"$SANDBOX" --port 0 --print-port --data-dir "$WORK/data" >"$WORK/port" 2>"$WORK/server.log" &
PID=$!
i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
PORT="$(head -n 1 "$WORK/port")"
mem() { grep -E "^$1:" "/proc/$PID/status" | awk '{print $2}'; }
BEFORE_HWM=$(mem VmHWM)

START=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$WORK/curl.mem" curl -sS -o "$WORK/resp.json" \
    -F purpose=batch -F "file=@$WORK/input.jsonl" "http://127.0.0.1:$PORT/v1/files"
END=$(date +%s.%N)
grep -q "\"bytes\":$BYTES" "$WORK/resp.json" || { echo "upload-bench: unexpected response:" >&2; cat "$WORK/resp.json" >&2; exit 1; }

echo "file:                $BYTES bytes"
echo "curl -F wall time:   $(echo "$END - $START" | bc) s"
echo "curl peak RSS:       $(cat "$WORK/curl.mem") kB"
echo "server VmHWM:        $BEFORE_HWM kB before, $(mem VmHWM) kB after"
echo "server RssAnon:      $(mem RssAnon) kB after"
