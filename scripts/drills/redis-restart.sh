#!/usr/bin/env bash
# Drill: under simulator load, restart the Redis Cluster master that holds the queues' slot ({QUEUE_PREFIX}),
# then stop all of Redis for DRILL_OUTAGE seconds (30) and start it again; then the invariant checks.
# The nodes keep an AOF, so a restarted master comes back with its jobs. Options (env): DRILL_RATE (30),
# DRILL_SEED (14), DRILL_OUTAGE (30).
DRILL_NAME=redis-restart
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

outage="${DRILL_OUTAGE:-30}"
load_start "$((outage + 110))" "${DRILL_RATE:-30}" "${DRILL_SEED:-14}"
sleep 20

master="$(redis_queue_master_port)"
say "restart the master :$master (holds {$QUEUE_PREFIX})"
redis_node_stop "$master"
sleep 2
redis_node_start "$master"
wait_until 60 redis_cluster_ok && say "cluster ok again" || say "cluster not ok within 60 s"
check "cluster ok after the master's restart" redis_cluster_ok

sleep 20
say "stop all of Redis for $outage s"
for port in "${REDIS_PORTS[@]}"; do redis_node_stop "$port"; done
sleep "$outage"
for port in "${REDIS_PORTS[@]}"; do redis_node_start "$port"; done
wait_until 60 redis_cluster_ok && say "cluster ok again" || say "cluster not ok within 60 s"
check "cluster ok after the outage" redis_cluster_ok
check "queues' slot still on :$master" test "$(redis_queue_master_port)" = "$master"
wait_until 30 http_ok "$API_URL/healthz" || true

load_wait
settle 300
check "no API or worker exited (supervisor restarts: $(restarts_during))" no_crash
run_invariants
drill_finish
