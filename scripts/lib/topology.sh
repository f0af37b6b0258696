# Shared by scripts/topology and scripts/drills/*: where each part of the one-machine scale-out topology
# lives, and how to start, stop and probe one part (so a drill restarts a process exactly as `up` did).
# Source it; it defines variables and functions only.

TOPO_ROOT="${TOPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
TOPO_DIR="${TOPO_DIR:-$TOPO_ROOT/.data/topology}"
TOPO_ENV_FILE="$TOPO_DIR/env"
TOPO_RUN="$TOPO_DIR/run"
TOPO_LOGS="$TOPO_DIR/logs"

# Ports: all in 7400-7499.
HAPROXY_PORT=7400
HAPROXY_STATS_PORT=7409
API_PORTS=(7401 7402)
WORKER_COUNT=2
REDIS_PORTS=(7411 7412 7413)
PG_PRIMARY_PORT=7432
PG_REPLICA_PORT=7433
PGBOUNCER_PORT=7434
PG_DB=quanzhou_gig
QUEUE_PREFIX_TOPO="${TOPO_QUEUE_PREFIX:-topo}"

PG_BIN=/usr/lib/postgresql/15/bin
PG_PRIMARY_DIR="$TOPO_DIR/pg-primary"
PG_REPLICA_DIR="$TOPO_DIR/pg-replica"

PRIMARY_URL="postgres://postgres@127.0.0.1:$PG_PRIMARY_PORT/$PG_DB"
REPLICA_URL="postgres://postgres@127.0.0.1:$PG_REPLICA_PORT/$PG_DB"
PGBOUNCER_URL="postgres://postgres@127.0.0.1:$PGBOUNCER_PORT/$PG_DB"
API_URL="http://127.0.0.1:$HAPROXY_PORT"
REDIS_NODES="$(printf '127.0.0.1:%s,' "${REDIS_PORTS[@]}")"
REDIS_NODES="${REDIS_NODES%,}"

topo_log() { echo "[topology] $*"; }

# PostgreSQL refuses to run as root: its tools run as the postgres user.
as_postgres() { runuser -u postgres -- "$@"; }

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
pid_of() { [[ -f "$1" ]] && head -n1 "$1" 2>/dev/null || true; }

# wait_until SECONDS COMMAND...: polls every 0.2 s.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# The environment every API and worker process gets (configuration is env only: server/src/config.ts). The SMS
# limits are the simulator's (scripts/start.ts SIMULATION_ENV): it signs every contract with a code, all from one address.
# The write limit too: the simulator signs in its ~200 accounts at once from one address, and an anonymous mutation
# (login) counts against the address's WRITE_RATE_LIMIT (120 a minute), so 91 of 211 logins were refused (RATE_LIMITED).
server_env() {
  cat <<EOF
NODE_ENV=development
HOST=127.0.0.1
DATABASE_URL=$PGBOUNCER_URL
DATABASE_PREPARE=false
DATABASE_REPLICA_URL=$REPLICA_URL
DATABASE_POOL_MAX=25
REDIS_URL=redis://127.0.0.1:${REDIS_PORTS[0]}
REDIS_CLUSTER_NODES=$REDIS_NODES
QUEUE_PREFIX=$QUEUE_PREFIX_TOPO
TRUST_PROXY=true
LOG_LEVEL=info
SMS_RESEND_SECONDS=0
SMS_DAILY_LIMIT_PER_PHONE=100000
SMS_HOURLY_LIMIT_PER_IP=1000000
WRITE_RATE_LIMIT=100000
EOF
}

# start_node_process NAME ENTRY [VAR=VALUE...]: a compiled server entry under the supervisor (scripts/lib/supervise,
# restarts it whenever it exits), detached in its own session, logging to logs/NAME.log. run/NAME.pid holds the
# node process's pid (the one a drill kills), run/NAME.supervisor.pid the supervisor's.
start_node_process() {
  local name="$1" entry="$2"; shift 2
  mkdir -p "$TOPO_RUN" "$TOPO_LOGS"
  rm -f "$TOPO_RUN/$name.pid"
  # shellcheck disable=SC2046
  (cd "$TOPO_ROOT" && exec setsid "$TOPO_ROOT/scripts/lib/supervise" "$name" "$TOPO_RUN/$name.pid" "$TOPO_LOGS/$name.log" -- \
    env $(server_env | tr '\n' ' ') "$@" node --enable-source-maps --conditions=qz-compiled "server/dist/$entry.js" \
    >/dev/null 2>&1 </dev/null) &
  echo $! >"$TOPO_RUN/$name.supervisor.pid"
  # Not the shell's job any more: a drill's kill -9 then prints no "Killed" line.
  disown $! 2>/dev/null || true
  wait_until 10 test -s "$TOPO_RUN/$name.pid"
}
# supervised NAME: its supervisor runs (it restarts the process itself, so nothing else must start one).
supervised() { pid_alive "$(pid_of "$TOPO_RUN/$1.supervisor.pid")"; }
# stop_supervised NAME: the supervisor stops the process (TERM, KILL after 15 s) and exits; then nothing is left.
stop_supervised() {
  [[ -e "$TOPO_RUN/$1.supervisor.pid" ]] && stop_pidfile "$TOPO_RUN/$1.supervisor.pid"
  [[ -e "$TOPO_RUN/$1.pid" ]] && stop_pidfile "$TOPO_RUN/$1.pid"
  return 0
}
# supervisor_restarts: how many times the supervisor restarted any API or worker so far (a drill compares before/after).
supervisor_restarts() { cat "$TOPO_LOGS"/api-*.log "$TOPO_LOGS"/worker-*.log 2>/dev/null | grep -c '^\[supervise\].* exited with status' || true; }
# wait_new_pid NAME OLD_PID SECONDS: until the supervisor has started a new process in place of OLD_PID.
wait_new_pid() { wait_until "$3" bash -c "p=\$(head -n1 '$TOPO_RUN/$1.pid' 2>/dev/null); [[ -n \$p && \$p != $2 ]] && kill -0 \$p"; }

# start_api N (1-based): the API on API_PORTS[N-1].
start_api() { start_node_process "api-$1" main "PORT=${API_PORTS[$(($1 - 1))]}"; }
start_worker() { start_node_process "worker-$1" worker; }
api_healthy() { http_ok "http://127.0.0.1:${API_PORTS[$(($1 - 1))]}/healthz"; }

# stop_pidfile FILE [SIGNAL]: signals the process and waits up to 15 s, then SIGKILL.
stop_pidfile() {
  local pid; pid="$(pid_of "$1")"
  if pid_alive "$pid"; then
    kill "-${2:-TERM}" "$pid" 2>/dev/null || true
    wait_until 15 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

pg_primary_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PRIMARY_PORT"; }
pg_replica_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_REPLICA_PORT"; }
pg_start() { as_postgres "$PG_BIN/pg_ctl" -D "$1" -l "$TOPO_LOGS/$(basename "$1").log" -w -t 60 start >/dev/null; }
pg_stop() { [[ -f "$1/postmaster.pid" ]] && as_postgres "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" -w -t 60 stop >/dev/null || true; }

redis_node_start() {
  local port="$1" dir="$TOPO_DIR/redis/$1"
  mkdir -p "$dir"
  # AOF on: a restarted master comes back with its jobs (the cluster has no replicas to take over).
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$dir" --pidfile "$TOPO_RUN/redis-$port.pid" \
    --logfile "$TOPO_LOGS/redis-$port.log" --cluster-enabled yes --cluster-config-file nodes.conf \
    --cluster-node-timeout 5000 --appendonly yes --appendfsync everysec --save "" >/dev/null
}
redis_node_stop() {
  redis-cli -p "$1" shutdown >/dev/null 2>&1 || true
  wait_until 10 bash -c "! redis-cli -p $1 ping" || stop_pidfile "$TOPO_RUN/redis-$1.pid" KILL
  rm -f "$TOPO_RUN/redis-$1.pid"
}
redis_cluster_ok() { redis-cli -p "${REDIS_PORTS[0]}" cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }
# The master holding the queues' slot: every BullMQ key is under the hash tag {QUEUE_PREFIX}.
redis_queue_master_port() {
  local slot; slot="$(redis-cli -p "${REDIS_PORTS[0]}" cluster keyslot "{$QUEUE_PREFIX_TOPO}")"
  redis-cli -p "${REDIS_PORTS[0]}" cluster nodes | awk -v s="$slot" '
    { for (i = 9; i <= NF; i++) { n = split($i, r, "-"); if (n == 1) r[2] = r[1];
        if (s + 0 >= r[1] + 0 && s + 0 <= r[2] + 0) { split($2, a, "[:@]"); print a[2]; exit } } }'
}
