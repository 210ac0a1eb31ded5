#!/usr/bin/env bash
# Local Bluesky peer, everything on 127.0.0.1:
#   PostgreSQL (Debian package), private cluster  :$PEERS_PG_PORT (55432)   user pg, trust auth, db "bsky"
#   redis-server (Debian package)                 :$PEERS_REDIS_PORT (56379) no persistence
#   @atproto/dev-env TestNetwork in one Node >= 22 process (serve.mjs): PLC :2582, PDS :2583,
#   AppView :2584, Ozone :2587, control :2589 (= $PEERS_BSKY_BASE_PORT + 2/3/4/7/9), and
#   bsync / dataplane / helper PDS on random loopback ports.
# Every start is a fresh network (database recreated, new PDS data): create accounts after each start.
# usage: bsky-peer.sh install|start|stop|restart|status|reset|info|sync|account HANDLE PASSWORD
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/peers-lib.sh"

ST=$PEERS_STATE_DIR/bsky
PG_BIN=${PEERS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PG_USER=${PEERS_PG_SERVICE_USER:-postgres}     # OS user that runs postgres when we are root
REDIS_USER=${PEERS_REDIS_SERVICE_USER:-redis}  # OS user that runs redis-server when we are root
B=$PEERS_BSKY_BASE_PORT
PDS="http://localhost:$((B + 3))"; APPVIEW="http://localhost:$((B + 4))"; CONTROL="http://127.0.0.1:$((B + 9))"
BSKY_PORTS="$((B + 2)) $((B + 3)) $((B + 4)) $((B + 7)) $((B + 9))"

pg_ctl_() { peers_as "$PG_USER" "$PG_BIN/pg_ctl" -D "$ST/pg/data" "$@"; }
pg_running() { [ -f "$ST/pg/data/postmaster.pid" ] && pg_ctl_ status >/dev/null 2>&1; }
psql_() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PEERS_PG_PORT" -U pg -d postgres "$@"; }

do_install() {
  local t0; t0=$(peers_now)
  peers_apt_install
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  peers_npm_install
  peers_log "bsky install done in $(peers_took "$t0")"
}

start_pg() {
  if pg_running; then peers_log "postgres already running on :$PEERS_PG_PORT"; return; fi
  peers_port_busy "$PEERS_PG_PORT" && peers_die "port $PEERS_PG_PORT is taken by another program (set PEERS_PG_PORT)"
  mkdir -p "$ST/pg"; peers_chown "$PG_USER" "$ST/pg"
  if [ ! -f "$ST/pg/data/PG_VERSION" ]; then
    peers_as "$PG_USER" "$PG_BIN/initdb" -N -D "$ST/pg/data" -U pg --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$ST/pg/initdb.log" 2>&1 || { cat "$ST/pg/initdb.log" >&2; peers_die "initdb failed"; }
  fi
  # TCP on 127.0.0.1 only, no unix socket; durability off (throwaway test data).
  pg_ctl_ -l "$ST/pg/pg.log" -w -t 60 start -o "-c listen_addresses=127.0.0.1 -p $PEERS_PG_PORT \
    -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c max_connections=200" >/dev/null || { tail -20 "$ST/pg/pg.log" >&2; peers_die "postgres did not start"; }
}

start_redis() {
  if peers_pid_alive "$ST/redis/redis.pid" redis-server; then peers_log "redis already running on :$PEERS_REDIS_PORT"; return; fi
  peers_port_busy "$PEERS_REDIS_PORT" && peers_die "port $PEERS_REDIS_PORT is taken by another program (set PEERS_REDIS_PORT)"
  id "$REDIS_USER" >/dev/null 2>&1 || REDIS_USER=nobody
  mkdir -p "$ST/redis"; peers_chown "$REDIS_USER" "$ST/redis"
  peers_as_prefix "$REDIS_USER"
  # nohup/setpriv exec into redis-server, so $! is redis-server's own pid
  (cd "$ST/redis" && exec nohup "${PEERS_AS[@]}" redis-server --bind 127.0.0.1 --port "$PEERS_REDIS_PORT" \
    --protected-mode yes --dir "$ST/redis" --save '' --appendonly no --daemonize no \
    --logfile "$ST/redis/redis.log" </dev/null >/dev/null 2>&1) &
  echo $! > "$ST/redis/redis.pid"
  peers_wait_port "$PEERS_REDIS_PORT" 10 || { tail -20 "$ST/redis/redis.log" >&2; peers_die "redis did not start"; }
}

start_net() {
  local t0 pid p i
  if peers_pid_alive "$ST/serve.pid" serve.mjs; then peers_log "Bluesky network already running (pid $(cat "$ST/serve.pid"))"; return; fi
  for p in $BSKY_PORTS; do peers_port_busy "$p" && peers_die "port $p is taken by another program (set PEERS_BSKY_BASE_PORT)"; done
  # fresh network: new database, and dev-env's PDS data/blob dirs + port locks (os.tmpdir()) in $ST/tmp
  psql_ -c 'DROP DATABASE IF EXISTS bsky WITH (FORCE)' -c 'CREATE DATABASE bsky' >/dev/null
  rm -rf "$ST/tmp" "$ST/info.json"; mkdir -p "$ST/tmp"
  # beside node_modules, where their imports resolve; copy then rename, as another run may be starting
  for f in serve.mjs force-loopback.mjs; do cp "$PEERS_DIR/$f" "$PEERS_APP/.$f.$$" && mv -f "$PEERS_APP/.$f.$$" "$PEERS_APP/$f"; done
  t0=$(peers_now)
  (cd "$PEERS_APP" && TMPDIR="$ST/tmp" LOG_ENABLED="${PEERS_BSKY_LOG:-false}" \
    DB_POSTGRES_URL="postgresql://pg@127.0.0.1:$PEERS_PG_PORT/bsky" REDIS_HOST="127.0.0.1:$PEERS_REDIS_PORT" \
    PEERS_BSKY_BASE_PORT="$B" PEERS_BSKY_INFO="$ST/info.json" \
    exec nohup "$PEERS_NODE" --import ./force-loopback.mjs serve.mjs </dev/null >"$ST/serve.log" 2>&1) &
  pid=$!; echo "$pid" > "$ST/serve.pid"
  for ((i = 0; i < ${PEERS_BSKY_START_TIMEOUT:-180} * 10; i++)); do
    [ -s "$ST/info.json" ] && break
    peers_pid_running "$pid" || { tail -40 "$ST/serve.log" >&2; rm -f "$ST/serve.pid"; peers_die "serve.mjs exited during start-up"; }
    sleep 0.1
  done
  [ -s "$ST/info.json" ] || { tail -40 "$ST/serve.log" >&2; peers_die "Bluesky network not ready in time (log: $ST/serve.log)"; }
  local bad; bad=$(peers_nonloopback_listeners "$pid")
  [ -z "$bad" ] || peers_log "WARNING: non-loopback listeners: $bad"
  peers_log "Bluesky network ready in $(peers_took "$t0") (pid $pid): PDS $PDS AppView $APPVIEW control $CONTROL"
}

do_start() {
  local t0; t0=$(peers_now)
  peers_require_app
  [ -x "${PG_BIN:-/nonexistent}/initdb" ] || peers_die "PostgreSQL not installed: run '$PEERS_DIR/peers.sh install'"
  mkdir -p "$ST"
  start_pg; start_redis; start_net
  peers_log "bsky peer up in $(peers_took "$t0")"
  cat "$ST/info.json"
}

do_stop() {
  peers_stop_pid "$ST/serve.pid" serve.mjs "Bluesky network" 60
  peers_stop_pid "$ST/redis/redis.pid" redis-server "redis"
  if pg_running; then pg_ctl_ -m fast -w stop >/dev/null && peers_log "postgres stopped"; fi
  return 0
}

do_status() {
  local rc=0 h
  if peers_pid_alive "$ST/serve.pid" serve.mjs; then
    for h in "$PDS" "$APPVIEW"; do
      printf '%-28s %s\n' "$h/xrpc/_health" "$(curl -s -m 5 "$h/xrpc/_health" || echo DOWN)"
    done
    echo "network   running pid $(cat "$ST/serve.pid")  control $CONTROL"
  else echo "network   stopped"; rc=3; fi
  if peers_pid_alive "$ST/redis/redis.pid" redis-server; then echo "redis     running pid $(cat "$ST/redis/redis.pid") :$PEERS_REDIS_PORT"
  else echo "redis     stopped"; rc=3; fi
  if pg_running; then echo "postgres  running pid $(head -1 "$ST/pg/data/postmaster.pid") :$PEERS_PG_PORT"
  else echo "postgres  stopped"; rc=3; fi
  return $rc
}

case "${1:-}" in
  install) do_install ;;
  start) do_start ;;
  stop) do_stop ;;
  restart) do_stop; do_start ;;
  status) do_status ;;
  reset) do_stop; rm -rf "$ST"; peers_log "bsky state removed (PostgreSQL cluster, logs)" ;;
  info) cat "$ST/info.json" ;;
  sync) curl -sf -X POST "$CONTROL/sync"; echo ;;
  account)  # account HANDLE PASSWORD -> prints did/handle/accessJwt JSON (handle must end in .test)
    [ $# -ge 3 ] || peers_die "usage: $0 account HANDLE PASSWORD"
    curl -sf -X POST "$PDS/xrpc/com.atproto.server.createAccount" -H 'content-type: application/json' \
      -d "{\"handle\":\"$2\",\"password\":\"$3\",\"email\":\"${2%%.*}@example.test\"}"; echo ;;
  *) echo "usage: $0 install|start|stop|restart|status|reset|info|sync|account HANDLE PASSWORD" >&2; exit 2 ;;
esac
