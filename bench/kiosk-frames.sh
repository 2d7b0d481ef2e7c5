#!/usr/bin/env bash
# The CPU a frame of the wall costs, by renderer and screen size: `rasid-kiosk --demo
# --windowed` under its own Xvfb, with its live changes and rotation; after SETTLE seconds, over
# WINDOW seconds: frames drawn (counted from the kiosk's trace log), CPU of the whole process (%
# of a core, and ms a frame), of the software renderer's threads (Mesa llvmpipe) and of the
# drawing thread, and PSS. The demo's own collector runs in the same process (threads
# rasid-demo, rasid-collector, sled-io): its share is printed apart, since a wall following a
# collector (`--collector`) does not carry it.
#
#   bench/kiosk-frames.sh [RENDERER ...]        (default: glow wgpu; sizes 1920x1080 3840x2160)
#
# Needs Xvfb and target/release/rasid-kiosk (`cargo build --release -p rasid-kiosk`), or the
# kiosk binary in $RASID_KIOSK_BIN. Prints one markdown row per renderer and size.
set -euo pipefail
cd "$(dirname "$0")/.."

kiosk="${RASID_KIOSK_BIN:-$PWD/target/release/rasid-kiosk}"
settle="${SETTLE:-20}"
window="${WINDOW:-60}"
sizes="${SIZES:-1920x1080 3840x2160}"
renderers=("$@")
[ ${#renderers[@]} -eq 0 ] && renderers=(glow wgpu)
hz=$(getconf CLK_TCK)

# CPU ticks (user + system) of the threads of $1 whose name matches the regex $2.
ticks() {
  local pid=$1 pattern=$2 sum=0 t
  for t in /proc/"$pid"/task/*; do
    if grep -Eq "$pattern" "$t/comm" 2>/dev/null; then
      sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
    fi
  done
  echo "$sum"
}

echo "| renderer | size | frames in ${window} s | CPU, % of a core | CPU a frame, ms | llvmpipe a frame, ms | drawing thread a frame, ms | demo collector a frame, ms | PSS, MiB | load (1/5/15) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for size in $sizes; do
  n=90
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  display=":$n"
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  for r in "${renderers[@]}"; do
    work=$(mktemp -d)
    (cd "$work" && RASID_LOG=rasid_kiosk=trace DISPLAY="$display" exec "$kiosk" --demo \
      --windowed --size "$size" --renderer "$r" >/dev/null 2>"$work/log") &
    pid=$!
    sleep "$settle"
    frames0=$(grep -c ' frame ' "$work/log" || true)
    all0=$(ticks "$pid" .); lp0=$(ticks "$pid" '^llvmpipe'); main0=$(ticks "$pid" '^rasid-kiosk$')
    demo0=$(ticks "$pid" '^(rasid-demo|rasid-collecto|sled-io)')
    sleep "$window"
    frames1=$(grep -c ' frame ' "$work/log" || true)
    all1=$(ticks "$pid" .); lp1=$(ticks "$pid" '^llvmpipe'); main1=$(ticks "$pid" '^rasid-kiosk$')
    demo1=$(ticks "$pid" '^(rasid-demo|rasid-collecto|sled-io)')
    pss=$(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$work"
    n=$((frames1 - frames0)); [ "$n" -gt 0 ] || n=1
    per() { echo "scale=1; ($1) * 1000 / $hz / $n" | bc; }
    echo "| $r | $size | $((frames1 - frames0)) | $(echo "scale=2; ($all1 - $all0) * 100 / $hz / $window" | bc) | $(per "$all1 - $all0") | $(per "$lp1 - $lp0") | $(per "$main1 - $main0") | $(per "$demo1 - $demo0") | $((pss / 1024)) | $(cut -d' ' -f1-3 /proc/loadavg) |"
  done
  kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true
done
