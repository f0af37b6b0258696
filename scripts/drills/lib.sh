# Shared by the drills (scripts/drills/*.sh): load from the market simulator while a part fails, then let the
# system settle and run the invariant checks (pnpm drills:check). Source it after setting DRILL_NAME.
set -euo pipefail

DRILLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/topology.sh
source "$DRILLS_DIR/../lib/topology.sh"
cd "$TOPO_ROOT"

if [[ ! -f "$TOPO_ENV_FILE" ]]; then
  echo "[$DRILL_NAME] the topology is not up: run scripts/topology up first" >&2
  exit 2
fi
# shellcheck disable=SC1090
source "$TOPO_ENV_FILE"

DRILL_OUT="$TOPO_DIR/drills/$DRILL_NAME-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$DRILL_OUT"
DRILL_FAILURES=0
DRILL_T0=$SECONDS
LOAD_PID=""
DRILL_RESTARTS0="$(supervisor_restarts)"

say() { printf '[%s +%3ss] %s\n' "$DRILL_NAME" "$((SECONDS - DRILL_T0))" "$*"; }

# check NAME COMMAND...: one printed invariant line; a failure marks the drill failed.
check() {
  local name="$1"; shift
  if "$@"; then echo "✓ $name"; else echo "✗ $name"; DRILL_FAILURES=$((DRILL_FAILURES + 1)); fi
}

# load_start DURATION_S RATE_PER_MIN SEED: the market simulator against haproxy, in the background.
load_start() {
  say "machine load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  say "load: pnpm simulate --rate $2 --duration $1 --seed $3"
  node --import @oxc-node/core/register scripts/simulate.ts --api "$GRAPHQL_URL" --rate "$2" --duration "$1" --seed "$3" \
    --report "$DRILL_OUT/simulate.json" --quiet --sms-log "$API_LOGS" >"$DRILL_OUT/simulate.log" 2>&1 &
  LOAD_PID=$!
}

# load_wait: waits for the simulator and prints what it did (requests, errors by code) from its report.
load_wait() {
  [[ -n "$LOAD_PID" ]] || return 0
  local rc=0
  wait "$LOAD_PID" || rc=$?
  LOAD_PID=""
  say "load finished (exit $rc)"
  if [[ -f "$DRILL_OUT/simulate.json" ]]; then
    node -e '
      const s = require(process.argv[1]).snapshot;
      const ops = s.operations, pick = (n) => (ops[n] ? `${n} ${ops[n].count}× p95 ${ops[n].p95Ms} ms` : `${n} 0×`);
      console.log(`  ${s.requests} requests in ${s.elapsedSeconds} s, ${s.tasksPerMinute} tasks/min, fill ${Math.round(s.fillRate * 100)}%`);
      console.log(`  ${["acceptOffer", "signContract", "confirmSettlement"].map(pick).join(" · ")}`);
      console.log(`  errors by code: ${JSON.stringify(s.errorsByCode)}`);' "$DRILL_OUT/simulate.json"
  else
    tail -n 5 "$DRILL_OUT/simulate.log"
  fi
  # The simulator exiting non-zero means it could not run at all (API unreachable at start, a crash).
  check "load ran (simulator exit 0)" test "$rc" -eq 0
}

psql_primary() { psql -qtAX "$PRIMARY_URL" -c "$1"; }

# settle SECONDS: waits until every due outbox event is sent and no roll-up, payout or other job is waiting,
# active or delayed past due, so the checks judge a quiet system rather than one still catching up.
settle() {
  say "settling (up to $1 s): outbox drained, queues idle"
  local deadline=$((SECONDS + $1))
  while ((SECONDS < deadline)); do
    local unsent busy=0
    unsent="$(psql_primary "select count(*) from outbox where sent_at is null and coalesce(run_at, created_at) <= now()" 2>/dev/null || echo x)"
    for q in dispatch settlement performance rollup complaints subsidy notify housekeeping; do
      busy=$((busy + $(redis-cli -c -p "${REDIS_PORTS[0]}" llen "{$QUEUE_PREFIX}:$q:wait" 2>/dev/null || echo 1)))
      busy=$((busy + $(redis-cli -c -p "${REDIS_PORTS[0]}" llen "{$QUEUE_PREFIX}:$q:active" 2>/dev/null || echo 1)))
    done
    if [[ "$unsent" == "0" && "$busy" == "0" ]]; then say "settled"; return 0; fi
    sleep 2
  done
  say "not settled after $1 s (unsent events: $unsent, waiting or active jobs: $busy); checking anyway"
}

all_parts_up() {
  local out; out="$(scripts/topology status)"
  echo "$out" | sed 's/^/  /'
  ! echo "$out" | grep -q DOWN
}

# restarts_during: how many API/worker exits the supervisor saw since the drill began, with their log lines.
restarts_during() { echo $(($(supervisor_restarts) - DRILL_RESTARTS0)); }
show_restarts() {
  local n; n="$(restarts_during)"
  say "supervisor restarts during the drill: $n"
  ((n == 0)) || cat "$TOPO_LOGS"/api-*.log "$TOPO_LOGS"/worker-*.log | grep '^\[supervise\].* exited with status' | sort -k2 | tail -n "$n" | sed 's/^/  /' | tail -n 8
}
# no_crash: for drills that break a server (Redis, PostgreSQL), not a process: no API or worker may have exited.
no_crash() { [[ "$(restarts_during)" == 0 ]]; }

run_invariants() {
  show_restarts
  check "topology: every part up again" all_parts_up
  say "invariants: pnpm drills:check"
  local rc=0
  node --import @oxc-node/core/register scripts/drills/check.ts --database-url "$PRIMARY_URL" \
    --redis-cluster-nodes "$REDIS_CLUSTER_NODES" --queue-prefix "$QUEUE_PREFIX" | tee "$DRILL_OUT/check.txt" || rc=$?
  check "invariants (drills:check exit 0)" test "$rc" -eq 0
}

drill_finish() {
  if ((DRILL_FAILURES)); then
    say "FAIL: $DRILL_FAILURES check(s) failed (output in $DRILL_OUT)"
    exit 1
  fi
  say "PASS (output in $DRILL_OUT)"
}

# health_monitor_start: probes each API's /healthz every 2 s in the background (logs/api-health.log in the drill's
# output); health_monitor_stop prints each API's longest run of failed probes. A hung pool (the pgbouncer
# pipelining hang) shows as an API failing for minutes; a loaded machine's slow answer as one or two misses.
MON_PID=""
health_monitor_start() {
  ( while :; do
      for i in 1 2; do api_healthy "$i" && echo "$(date +%s) api-$i ok" || echo "$(date +%s) api-$i FAIL"; done
      sleep 2
    done >"$DRILL_OUT/api-health.log" 2>/dev/null ) &
  MON_PID=$!
}
# health_monitor_stop: kills the monitor; sets LONGEST_API_OUTAGE (seconds, the longer of the two APIs).
health_monitor_stop() {
  [[ -n "$MON_PID" ]] && kill "$MON_PID" 2>/dev/null; MON_PID=""
  LONGEST_API_OUTAGE="$(awk '{ if ($3 == "FAIL") { if (!($2 in from)) from[$2] = $1; d = $1 - from[$2]; if (d > max) max = d; fails++ } else delete from[$2] }
    END { print max + 0 }' "$DRILL_OUT/api-health.log")"
  say "API /healthz probes: $(grep -c FAIL "$DRILL_OUT/api-health.log" || true) failed of $(wc -l <"$DRILL_OUT/api-health.log"); longest run of failures $LONGEST_API_OUTAGE s"
}

# Never leave the simulator or the monitor behind when the drill is interrupted.
trap '[[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2>/dev/null; [[ -n "$MON_PID" ]] && kill "$MON_PID" 2>/dev/null; true' EXIT
