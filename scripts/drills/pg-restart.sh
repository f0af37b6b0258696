#!/usr/bin/env bash
# Drill: under simulator load, restart the PostgreSQL primary twice: a fast shutdown (in-flight transactions
# are rolled back, clients disconnected) and an immediate one (a crash: recovery replays the WAL). The
# APIs and workers reach it through pgbouncer, which reconnects; the replica resumes streaming. Then the
# invariant checks: no request may be left half-done. Options (env): DRILL_RATE (30), DRILL_SEED (15).
DRILL_NAME=pg-restart
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

load_start 130 "${DRILL_RATE:-30}" "${DRILL_SEED:-15}"
sleep 25
for mode in fast immediate; do
  say "restart the primary (pg_ctl restart -m $mode)"
  t0=$(date +%s%3N)
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_PRIMARY_DIR" -m "$mode" -w -t 60 restart -l "$TOPO_LOGS/pg-primary.log" >/dev/null
  wait_until 60 pg_primary_ready
  say "primary accepting connections after $(($(date +%s%3N) - t0)) ms"
  sleep 35
done
check "primary up" pg_primary_ready
replica_streaming() { [[ "$(psql_primary "select count(*) from pg_stat_replication where state = 'streaming'")" == 1 ]]; }
wait_until 60 replica_streaming || true
check "replica streaming again" replica_streaming

load_wait
settle 240
check "no API or worker exited (supervisor restarts: $(restarts_during))" no_crash
run_invariants
drill_finish
