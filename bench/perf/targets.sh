#!/usr/bin/env bash
# Runs issue 6's targets with ./chat bench and prints one JSON line per run (see docs/PERFORMANCE.md).
#   bench/perf/targets.sh [quick]     from the repository root; "quick" shortens every run
# The machine should be otherwise idle: the bench and the server share its cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
D=10; D30=30
if [ "${1:-}" = quick ]; then D=3; D30=5; fi

run() { # name, then bench flags
  local name=$1; shift
  printf '{"target":"%s","report":%s}\n' "$name" "$(./chat bench --json "$@" 2>/dev/null)"
}

run v1-4000       --protocol v1 --rooms 1 --members 50 --senders 5 --rate 4000 --duration $D --warmup 2
run v1-1000       --protocol v1 --rooms 1 --members 50 --senders 5 --rate 1000 --duration $D --warmup 2
run v2-2000       --protocol v2 --rooms 1 --members 50 --senders 5 --rate 2000 --duration $D --warmup 2
run v2-4000       --protocol v2 --rooms 1 --members 50 --senders 5 --rate 4000 --duration $D --warmup 2
run v2-500rooms   --protocol v2 --rooms 500 --members 10 --senders 10 --rate 10000 --duration $D30 --warmup 3
run v1-1000-idle  --protocol v1 --rooms 1 --members 50 --senders 5 --rate 1000 --duration $D --warmup 2 --idle-rooms 1000 --idle-members 10
run v2-1000-idle  --protocol v2 --rooms 1 --members 50 --senders 5 --rate 1000 --duration $D --warmup 2 --idle-rooms 1000 --idle-members 10
run v2-1000       --protocol v2 --rooms 1 --members 50 --senders 5 --rate 1000 --duration $D --warmup 2
