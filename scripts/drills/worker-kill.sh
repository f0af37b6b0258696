#!/usr/bin/env bash
# Drill: kill -9 a worker in the middle of a roll-up (performance queue) or payout (settlement queue) job,
# DRILL_KILLS times (50) (the topology's supervisor starts it again), under simulator load; then the invariant checks.
# Each round plants venue-year.changed events through the outbox (as a venue's activity would) so roll-ups
# are always running, waits until such a job or a payout is active, reads which worker holds it (BullMQ's
# processedBy, host:pid) and kills exactly that process. Options (env): DRILL_KILLS (50), DRILL_RATE (30),
# DRILL_SEED (13), DRILL_MAX_SECONDS (1200: stop earlier if it takes longer).
DRILL_NAME=worker-kill
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

want="${DRILL_KILLS:-50}" cap=$((SECONDS + ${DRILL_MAX_SECONDS:-1200}))
load_start "${DRILL_MAX_SECONDS:-1200}" "${DRILL_RATE:-30}" "${DRILL_SEED:-13}"
health_monitor_start
q() { redis-cli -c -p "${REDIS_PORTS[0]}" "$@" 2>/dev/null; }

# plant N: N roll-up events for venues with a result this year (the roll-up recomputes from source rows).
plant() {
  psql_primary "insert into outbox (name, payload)
    select 'venue-year.changed', jsonb_build_object('venueId', venue_id, 'year', year)
      from (select distinct venue_id, year from venue_year_metrics where year = extract(year from now() at time zone 'Asia/Shanghai')::int) v
     order by random() limit $1" >/dev/null
}

# victim: "queue slot pid job" of a worker running a roll-up (performance or rollup queue) or payout (settlement.pay) job now.
victim() {
  local queue id pb pid i
  for queue in performance rollup settlement; do
    for id in $(q lrange "{$QUEUE_PREFIX}:$queue:active" 0 -1); do
      # Payouts only from the settlement queue (it also drafts contracts and approves hours).
      [[ "$queue" == settlement && "$id" != *.settlement.pay ]] && continue
      pb="$(q hget "{$QUEUE_PREFIX}:$queue:$id" pb)"
      pid="${pb##*:}"
      for i in $(seq 1 "$WORKER_COUNT"); do
        [[ -n "$pid" && "$(pid_of "$TOPO_RUN/worker-$i.pid")" == "$pid" ]] && { echo "$queue $i $pid $id"; return 0; }
      done
    done
  done
  return 1
}

kills=0 rollup_kills=0 payout_kills=0 rounds=0 back_total=0
while ((kills < want && SECONDS < cap)); do
  rounds=$((rounds + 1))
  plant 15
  hit=""
  round_end=$((SECONDS + 20))
  while ((SECONDS < round_end)); do
    if hit="$(victim)"; then break; fi
    hit=""
    sleep 0.05
  done
  if [[ -z "$hit" ]]; then say "round $rounds: no roll-up or payout job caught running"; continue; fi
  read -r queue slot pid job <<<"$hit"
  kill -KILL "$pid" 2>/dev/null || true
  kills=$((kills + 1))
  [[ "$queue" != settlement ]] && rollup_kills=$((rollup_kills + 1)) || payout_kills=$((payout_kills + 1))
  say "kill $kills: worker-$slot (pid $pid) while running $queue job $job"
  t0=$(date +%s%3N)
  wait_new_pid "worker-$slot" "$pid" 30 || say "worker-$slot was not restarted within 30 s"
  back_ms=$(($(date +%s%3N) - t0)); back_total=$((back_total + back_ms))
  sleep 2
done
say "$kills kills in $rounds rounds ($rollup_kills during roll-ups, $payout_kills during payouts); the supervisor had a new worker running $((back_total / (kills ? kills : 1))) ms after a kill on average"
check "killed $want times" test "$kills" -ge "$want"
health_monitor_stop
# The APIs never restart in this drill: a run of failed probes this long is a hung database pool, not a slow answer.
check "both APIs kept answering /healthz (longest failure run $LONGEST_API_OUTAGE s < 30 s)" test "$LONGEST_API_OUTAGE" -lt 30
# Stop the load now; what it started must still finish.
[[ -n "$LOAD_PID" ]] && kill -INT "$LOAD_PID" 2>/dev/null || true
load_wait
# A killed worker's job returns to wait only after its lock expires (30 s) and a stalled check runs.
settle 300
run_invariants
drill_finish
