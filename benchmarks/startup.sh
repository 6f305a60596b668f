#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
#
# Startup benchmark: `tiepoint --version` and the workbench's time to first window, several runs
# each, medians. Uses hyperfine (Debian package) for both; the window is waited for from outside the
# JVM with xdotool (Debian package), on the current X display or a private Xvfb.
#
#   benchmarks/startup.sh [RUNS]        (default 10 runs after 2 warm-ups)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-10}"
need=()
for p in hyperfine xdotool xvfb; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "startup.sh needs: ${need[*]} (apt-get install ${need[*]})" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
"$ROOT/tiepoint" --version >/dev/null   # builds the product if needed, and warms the class-data archive
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:$((90 + RANDOM % 9))
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB 2>/dev/null || true' EXIT
  sleep 1
fi
WS="$(mktemp -d)"
OUT="$ROOT/target/benchmarks"; mkdir -p "$OUT"
# one run of the workbench: start it, wait until its window is mapped, close it
cat > "$OUT/first-window.sh" <<SH
#!/usr/bin/env bash
TIEPOINT_WORKSPACE="$WS" "$ROOT/tiepoint" gui >/dev/null 2>&1 &
pid=\$!
xdotool search --sync --onlyvisible --name '^Tiepoint ?\$' >/dev/null
kill -9 \$pid; wait \$pid 2>/dev/null || true   # -9: time to the window, not to a clean exit
SH
chmod +x "$OUT/first-window.sh"
hyperfine --warmup 2 --runs "$RUNS" --export-json "$OUT/version.json" "$ROOT/tiepoint --version"
hyperfine --warmup 2 --runs "$RUNS" --export-json "$OUT/first-window.json" "$OUT/first-window.sh"
python3 - "$OUT" <<'PY'
import json, sys, statistics
out = sys.argv[1]
for name, target in (("version", 1.5), ("first-window", 3.0)):
    r = json.load(open(f"{out}/{name}.json"))["results"][0]
    med = statistics.median(r["times"])
    print(f"{name:13s} median {med:.2f} s  (min {min(r['times']):.2f}, max {max(r['times']):.2f}, "
          f"{len(r['times'])} runs; target <= {target} s: {'met' if med <= target else 'NOT met'})")
PY
rm -rf "$WS"
