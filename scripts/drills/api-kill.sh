#!/usr/bin/env bash
# Drill: kill -9 one API process every 10 s for 2 minutes (alternating API 1 and 2); the topology's supervisor starts it again,
# under simulator load through haproxy; then the invariant checks. Exit 1 on a violation.
# Options (env): DRILL_SECONDS (120), DRILL_EVERY (10), DRILL_RATE (tasks/min, 30), DRILL_SEED (12).
DRILL_NAME=api-kill
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

duration="${DRILL_SECONDS:-120}" every="${DRILL_EVERY:-10}"
load_start "$((duration + 20))" "${DRILL_RATE:-30}" "${DRILL_SEED:-12}"
sleep 10
kills=0 down_ms_total=0 max_ms=0
end=$((SECONDS + duration))
while ((SECONDS < end)); do
  i=$((kills % 2 + 1))
  pid="$(pid_of "$TOPO_RUN/api-$i.pid")"
  kill -KILL "$pid" 2>/dev/null || true
  t0=$(date +%s%3N)
  # The supervisor restarts it; recovery = kill to /healthz answering again.
  { wait_new_pid "api-$i" "$pid" 30 && wait_until 90 api_healthy "$i"; } || say "API $i did not come back within 120 s"
  down_ms=$(($(date +%s%3N) - t0))
  kills=$((kills + 1)); down_ms_total=$((down_ms_total + down_ms)); ((down_ms > max_ms)) && max_ms=$down_ms
  say "kill -9 API $i (pid $pid); back in $down_ms ms"
  sleep "$(( every > down_ms / 1000 ? every - down_ms / 1000 : 0 ))"
done
say "$kills kills, mean time to healthy again $((down_ms_total / (kills ? kills : 1))) ms (max $max_ms ms)"
load_wait
check "haproxy answers" http_ok "$API_URL/healthz"
check "every kill was followed by a restart (supervisor restarts $(restarts_during) ≥ kills $kills)" test "$(restarts_during)" -ge "$kills"
settle 240
run_invariants
drill_finish
