#!/usr/bin/env bash
# Job results benchmark (issue 13): the results of a 20-part job of 50,000 chat requests each (1,000,000
# requests, ~1 kB a line) opened as the app opens a job (Results::openJoin: the 20 part inputs read in part
# order as one input while the 40 shuffled output and error files are indexed on a second thread, then the
# join), against the baseline of one 1,000,000-line input (the same requests) with one shuffled output and one
# error file. Then scrolling through the results
# table model (500 random 40-row viewports, 1,000 page-downs). Each case runs in its own process (peak RSS
# from VmHWM), interleaved RUNS times; medians, and each job figure as a ratio of the single-part figure.
# Data (~3.6 GB) goes to DATA_DIR, not into the repository. Page cache warm.
#   bench/run-jobresults-bench.sh [BUILD_DIR] [DATA_DIR] [RUNS]
#   (defaults: build/default, /tmp/batchdesk-jobresults, 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/default}"
data="${2:-/tmp/batchdesk-jobresults}"
runs="${3:-3}"
gen="$build/bench/batchdesk-bench-gen"
genres="$build/bench/batchdesk-bench-gen-results"
bench="$build/bench/bench_jobresults"
[ -x "$gen" ] && [ -x "$genres" ] && [ -x "$bench" ] || { echo "build first" >&2; exit 2; }
mkdir -p "$data"
for p in $(seq -w 1 20); do
  in="$data/part-$p.jsonl"
  [ -s "$in" ] || "$gen" --bytes 1000000000 --lines 50000 --line-bytes 1200 --endpoint chat --seed "$p" \
    --id-prefix "p$p-request-" -o "$in" >/dev/null
  [ -s "$data/part-$p-output.jsonl" ] || "$genres" --input "$in" --kind chat \
    --output "$data/part-$p-output.jsonl" --errors "$data/part-$p-errors.jsonl" >/dev/null
done
# The baseline: the same requests in one file, their results shuffled over all of them.
[ -s "$data/single.jsonl" ] || cat "$data"/part-??.jsonl >"$data/single.jsonl"
[ -s "$data/single-output.jsonl" ] || "$genres" --input "$data/single.jsonl" --kind chat \
  --output "$data/single-output.jsonl" --errors "$data/single-errors.jsonl" >/dev/null
echo "data: $(du -shc "$data"/part-??.jsonl | tail -1 | cut -f1) of part inputs, $(wc -l <"$data/single.jsonl") requests," \
  "$(du -shc "$data"/part-??-output.jsonl "$data"/part-??-errors.jsonl | tail -1 | cut -f1) of part results"
cat "$data"/part-*.jsonl "$data"/single*.jsonl >/dev/null # warm the page cache

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
for run in $(seq 1 "$runs"); do
  for mode in single job; do
    echo "-- run $run, $mode"
    "$bench" "$mode" "$data" | tee -a "$results"
  done
done

python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    if line.startswith("RESULT "):
        kv = dict(f.split("=") for f in line.split()[1:])
        rows.setdefault(kv.pop("mode"), []).append({k: float(v) for k, v in kv.items()})
med = {m: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for m, rs in rows.items()}
labels = [("open_s", "open: openJoin + table + first screen (s)"), ("join_s", "  of which openJoin (s)"),
          ("join_cpu_s", "  CPU time of openJoin, both threads (s)"),
          ("hwm_mb", "peak RSS (MB)"), ("random_p99_ms", "scroll, random viewports: p99 (ms)"),
          ("random_max_ms", "scroll, random viewports: max (ms)"), ("walk_p99_ms", "scroll, page-downs: p99 (ms)"),
          ("walk_max_ms", "scroll, page-downs: max (ms)")]
print("\nmedians of %d run(s), rows: single %d, job %d; load average %s" % (len(rows["job"]), med["single"]["rows"],
      med["job"]["rows"], open("/proc/loadavg").read().split()[0]))
print("%-44s %10s %10s %8s" % ("", "single", "job", "job/single"))
for key, label in labels:
    s, j = med["single"][key], med["job"][key]
    print("%-44s %10.2f %10.2f %8.2fx" % (label, s, j, j / s if s else float("nan")))
PY
