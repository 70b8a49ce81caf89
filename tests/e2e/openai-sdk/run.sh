#!/bin/sh
# Runs sdk-test.mjs against a fresh batchdesk-sandbox. Usage: run.sh PATH/TO/batchdesk-sandbox
set -u
SANDBOX="$1"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
BATCHDESK_SANDBOX_KEY=test "$SANDBOX" --port 0 --print-port --latency-ms 5 >"$WORK/port" 2>"$WORK/server.log" &
PID=$!
cleanup() {
    kill "$PID" 2>/dev/null
    wait "$PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 100 ]; do
    if ! kill -0 "$PID" 2>/dev/null; then break; fi
    sleep 0.1
    i=$((i + 1))
done
PORT="$(head -n 1 "$WORK/port")"
if [ -z "$PORT" ]; then
    echo "run.sh: the sandbox did not report its port" >&2
    cat "$WORK/server.log" >&2
    exit 1
fi

cd "$HERE" || exit 1
if [ ! -d node_modules ]; then
    npm ci --silent --no-audit --no-fund || exit 1
fi
BATCHDESK_SANDBOX_URL="http://127.0.0.1:$PORT/v1" BATCHDESK_SANDBOX_KEY=test node sdk-test.mjs
RC=$?
if [ $RC -ne 0 ]; then
    echo "run.sh: server log:" >&2
    tail -n 50 "$WORK/server.log" >&2
fi
exit $RC
