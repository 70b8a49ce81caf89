#!/usr/bin/env bash
# Real-time runner benchmark (issue 15): 10,000 short chat requests run by one Realtime::RealtimeRunner against a
# batchdesk-sandbox process answering after 20 ms, at concurrency 32: requests/s against the ideal
# (concurrency / latency = 1,600/s), the client's CPU time and peak memory (bench_realtime: the sandbox is a
# separate process, so these are the client's alone), and the sandbox's observed max_in_flight; then the sweep
# over concurrency 1, 8, 32, 64 (each point in its own process).
#   bench/run-realtime-bench.sh [BUILD_DIR] [RUNS]      (default: build/default, 3 runs of the main case)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/default}"
runs="${2:-3}"
bench="$build/bench/bench_realtime"
sandbox="$build/app/sandbox/batchdesk-sandbox"
[ -x "$bench" ] && [ -x "$sandbox" ] || { echo "build bench_realtime and batchdesk-sandbox first" >&2; exit 2; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
for i in $(seq 1 "$runs"); do
  echo "== run $i: 10,000 requests, concurrency 32, 20 ms"
  "$bench" --requests 10000 --concurrency 32 --latency-ms 20 --sandbox "$sandbox"
done
echo "== sweep (10,000 requests at 20 ms; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null))"
"$bench" --sweep --requests 10000 --latency-ms 20 --sandbox "$sandbox"
