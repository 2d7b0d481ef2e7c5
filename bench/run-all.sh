#!/usr/bin/env bash
# Every figure of docs/BENCHMARKS.md, one after the other, as markdown on stdout.
#
#   bench/run-all.sh [--no-build] [--quick]
#
# --no-build  use the binaries already in target/release (or in $RASID_BIN, see below)
# --quick     small sizes and one run each: checks that everything works, figures mean little
#
# RASID_SOAK_MINUTES=60 also runs the wall's soak (`rasid-bench soak`, that many minutes: a
# wall following a collector that receives a change every 3 s, sampled every minute) at the end.
#
# Needs an X server for the kiosk figures: DISPLAY, or starts `Xvfb :97` itself when Xvfb is
# installed. The machine should be otherwise idle; the load average is printed beside each row.
# Before each figure the script waits (at most 5 minutes) for the 1-minute load to fall below
# the number of cores.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
quick=0
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done

# The GL backend, as .cargo/config.toml sets it for cargo commands (Mesa llvmpipe under Xvfb).
export WGPU_BACKEND=gl
bin="${RASID_BIN:-target/release}"
if [ "$build" = 1 ]; then
  # Separately, so that rasid-agent and rasid-kiosk keep their own feature set.
  cargo build --release -p rasid-agent -p rasid-kiosk >&2
  cargo build --release -p rasid-bench >&2
fi
bench="$bin/rasid-bench"

calm() {
  local cores
  cores=$(nproc)
  for _ in $(seq 1 60); do
    awk -v c="$cores" '{ exit !($1 < c) }' /proc/loadavg && return 0
    sleep 5
  done
}

xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null; then
  Xvfb :97 -screen 0 1920x1080x24 -noreset >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=:97
  sleep 1
fi

echo "## Machine"
echo
"$bench" machine
echo

# The national scale of issue #18 (`start`, `latency --scale`): decisions with their statuses
# and budget lines, held by a collector built before the clock starts (about 1.2 M records).
if [ "$quick" = 1 ]; then
  runs=1; ingest_sizes="2000"; updates=20; rows=5000; drains="5000"; settle=8; idle=5
  scale_decisions=2000; scale_lines=20000; scale_updates=20
  crit=(--quick)
else
  runs=3; ingest_sizes="20000 100000 400000"; updates=1000; rows=100000; drains="200000 1000000"
  settle=30; idle=60
  scale_decisions=100000; scale_lines=1000000; scale_updates=200
  crit=()
fi

echo "## Criterion benches"
echo
echo "| bench | started | load avg at start (1/5/15 min) |"
echo "|---|---|---|"
for b in "rasid-shared aggregation" "rasid-shared store" "rasid-kiosk text" "rasid-kiosk frame"; do
  set -- $b
  calm
  echo "| \`cargo bench -p $1 --bench $2\` | $(date -u +'%Y-%m-%d %H:%M UTC') | $(cut -d' ' -f1-3 /proc/loadavg) |"
  cargo bench -q -p "$1" --bench "$2" -- "${crit[@]}" >&2
done
echo
# min / median / max of every benchmark from the samples criterion saved, and the cost by size.
"$bench" criterion --dir target/criterion

echo
echo "## Process figures"
echo
echo "| figure | runs | min / **median** / max | baseline (median) | ratio | load avg (1/5/15 min) |"
echo "|---|---|---|---|---|---|"
for n in $ingest_sizes; do calm; "$bench" --runs "$runs" ingest --agents 200 --records "$n"; done
# The agent's own batch size (batch_records = 1000 by default).
calm; "$bench" --runs "$runs" ingest --agents 200 --records "${ingest_sizes##* }" --batch 1000
calm; "$bench" --runs "$runs" latency --updates "$updates"
calm; "$bench" --runs "$runs" latency --scale --decisions "$scale_decisions" \
  --budget-lines "$scale_lines" --updates "$scale_updates"
calm; "$bench" --runs "$runs" start --decisions "$scale_decisions" --budget-lines "$scale_lines"
calm; "$bench" --runs "$runs" import --rows "$rows" --format csv
calm; "$bench" --runs "$runs" import --rows "$rows" --format xlsx
for n in $drains; do calm; "$bench" --runs "$runs" drain --records "$n"; done
calm; "$bench" --runs "$runs" agent-idle --settle "$settle" --idle "$idle"
if [ -n "${DISPLAY:-}" ]; then
  calm; "$bench" --runs "$runs" kiosk --feed demo --settle "$settle" --idle "$idle"
  calm; "$bench" --runs "$runs" kiosk --feed quiet-hub --settle "$settle" --idle "$idle"
  if [ -n "${RASID_SOAK_MINUTES:-}" ]; then
    echo
    echo "## The wall for ${RASID_SOAK_MINUTES} minutes"
    echo
    calm; "$bench" soak --minutes "$RASID_SOAK_MINUTES"
  fi
else
  echo "(no X display: kiosk figures skipped)"
fi
