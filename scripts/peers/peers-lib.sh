# Shared settings and helpers for the *-peer.sh scripts (sourced, not run).
# Every value can be overridden from the environment; nothing here names a machine path.

PEERS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)            # this folder (package.json, serve.mjs)
PEERS_HOME=${PEERS_HOME:-$HOME/.cache/pieuvre-peers}
PEERS_INSTALL_DIR=${PEERS_INSTALL_DIR:-$PEERS_HOME/install}        # node_modules, snac binary
PEERS_STATE_DIR=${PEERS_STATE_DIR:-$PEERS_HOME/state}              # databases, logs, pid files, passwords

PEERS_PG_PORT=${PEERS_PG_PORT:-55432}            # private PostgreSQL cluster (Bluesky AppView, bsync, Ozone)
PEERS_REDIS_PORT=${PEERS_REDIS_PORT:-56379}      # private redis (Bluesky AppView)
PEERS_BSKY_BASE_PORT=${PEERS_BSKY_BASE_PORT:-2580}  # PLC +2, PDS +3, AppView +4, Ozone +7, control +9
PEERS_SNAC_PORT=${PEERS_SNAC_PORT:-8001}         # snac2 (Mastodon client API)
PEERS_SNAC_DEB_VERSION=${PEERS_SNAC_DEB_VERSION:-2.75-2~bpo12+1}
# What the peers need from Debian: PostgreSQL and redis for Bluesky, a compiler for its
# better-sqlite3 when no prebuilt binary can be downloaded, snac2's runtime libraries, curl for the
# scripts' health checks; the team hub's tests start their own PostgreSQL and make TLS
# certificates with openssl. `peers.sh system` installs them (root); CI runs it.
PEERS_APT_PACKAGES="postgresql redis-server python3 make g++ libcurl4 libssl3 curl openssl"

peers_log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
peers_die() { peers_log "ERROR: $*"; exit 1; }

# Installs the missing ones of $PEERS_APT_PACKAGES, with one 'apt-get update' retry for a machine
# whose package lists are stale or empty. Without root it only says what is missing.
peers_apt_install() {
  local missing=() p
  for p in $PEERS_APT_PACKAGES; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" = 0 ] || peers_die "missing Debian packages: ${missing[*]} (as root: apt-get install ${missing[*]})"
  peers_log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
}

# Seconds since the epoch with milliseconds, and a "took" formatter.
peers_now() { date +%s.%N | cut -c1-14; }
peers_took() { awk -v a="$1" -v b="$(peers_now)" 'BEGIN { printf "%.1fs", b - a }'; }

# Node >= 22: $PEERS_NODE, else `node` on PATH.
peers_node() {
  local n
  for n in "${PEERS_NODE:-}" "$(command -v node 2>/dev/null || true)"; do
    [ -n "$n" ] && [ -x "$n" ] || continue
    [ "$("$n" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -ge 22 ] && { echo "$n"; return 0; }
  done
  return 1
}
peers_require_node() { PEERS_NODE=$(peers_node) || peers_die "no Node >= 22 on PATH (or set PEERS_NODE)"; }

# Run a command as an unprivileged service user. When we are root, the user also gets the single
# capability CAP_DAC_READ_SEARCH so that it can reach a state dir below a private (0700) $HOME;
# it owns only its own data dir. When we are not root, the command runs as ourselves.
peers_as_prefix() {  # sets the array PEERS_AS (empty when not root): "${PEERS_AS[@]}" cmd args...
  PEERS_AS=()
  if [ "$(id -u)" = 0 ]; then
    PEERS_AS=(setpriv --reuid="$1" --regid="$(id -g "$1")" --clear-groups
              --inh-caps=+dac_read_search --ambient-caps=+dac_read_search)
  fi
}
peers_as() { local u=$1; shift; peers_as_prefix "$u"; "${PEERS_AS[@]}" "$@"; }
peers_chown() { [ "$(id -u)" = 0 ] && chown -R "$1:$(id -g "$1")" "$2" || true; }

# pidfile helpers: a pid counts as ours only if it is alive and its command line matches $2.
# An exited child that nobody has reaped yet (zombie) counts as gone.
peers_pid_running() { kill -0 "$1" 2>/dev/null && [ "$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)" != Z ]; }
peers_pid_alive() {  # pidfile pattern
  local pid
  [ -f "$1" ] || return 1
  pid=$(cat "$1" 2>/dev/null) && [ -n "$pid" ] || return 1
  peers_pid_running "$pid" || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}
peers_stop_pid() {  # pidfile pattern name [seconds]
  local pidfile=$1 pattern=$2 name=$3 secs=${4:-20} pid i
  if peers_pid_alive "$pidfile" "$pattern"; then
    pid=$(cat "$pidfile"); kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < secs * 10; i++)); do peers_pid_running "$pid" || break; sleep 0.1; done
    if peers_pid_running "$pid"; then peers_log "$name (pid $pid) ignored SIGTERM; sending SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    peers_log "$name stopped (pid $pid)"
  fi
  rm -f "$pidfile"
}

# Wait until a TCP port on 127.0.0.1 accepts connections.
peers_wait_port() {  # port seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
peers_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Listening TCP sockets of the given pids that are NOT on loopback (should print nothing).
peers_nonloopback_listeners() {
  command -v ss >/dev/null || return 0
  ss -Hltnp 2>/dev/null | awk '{print $4, $NF}' | grep -E "pid=($(echo "$@" | tr ' ' '|'))," \
    | grep -vE '^(127\.[0-9.]+|\[::1\]|\[::ffff:127\.[0-9.]+\]):' || true
}

# npm project of the Bluesky server: $PEERS_INSTALL_DIR/node. Installs exactly what package.json /
# package-lock.json in this folder pin (npm ci), with the native addon (better-sqlite3) compiled
# against the headers of the Node 22 that will run it.
PEERS_APP=$PEERS_INSTALL_DIR/node
peers_npm_install() {
  local stamp nodedir t0
  peers_require_node
  command -v npm >/dev/null || peers_die "npm not found"
  mkdir -p "$PEERS_APP"
  stamp="$("$PEERS_NODE" -v) $(cat "$PEERS_DIR/package.json" "$PEERS_DIR/package-lock.json" | sha256sum | cut -c1-16)"
  if [ -d "$PEERS_APP/node_modules" ] && [ "$(cat "$PEERS_APP/.peers-stamp" 2>/dev/null)" = "$stamp" ]; then
    peers_log "node packages already installed in $PEERS_APP ($("$PEERS_NODE" -v))"; return 0
  fi
  t0=$(peers_now)
  rm -f "$PEERS_APP/.peers-stamp"
  cp "$PEERS_DIR/package.json" "$PEERS_DIR/package-lock.json" "$PEERS_APP/"
  # node-gyp must build against this Node's headers (a user npmrc may point nodedir elsewhere).
  nodedir=$(cd "$(dirname "$PEERS_NODE")/.." && pwd)
  [ -f "$nodedir/include/node/common.gypi" ] || nodedir=
  peers_log "npm ci with $("$PEERS_NODE" -v) into $PEERS_APP (a few minutes: better-sqlite3 compiles from source)"
  ( cd "$PEERS_APP" && export PATH="$(dirname "$PEERS_NODE"):$PATH" &&
    if [ -n "$nodedir" ]; then export npm_config_nodedir=$nodedir; fi &&
    npm ci --no-audit --no-fund --loglevel=error ) > "$PEERS_APP/npm-install.log" 2>&1 \
    || { tail -30 "$PEERS_APP/npm-install.log" >&2; peers_die "npm ci failed (log: $PEERS_APP/npm-install.log)"; }
  (cd "$PEERS_APP" && "$PEERS_NODE" -e "new (require('better-sqlite3'))(':memory:').close()") \
    || peers_die "better-sqlite3 does not load under $("$PEERS_NODE" -v); see $PEERS_APP/npm-install.log"
  echo "$stamp" > "$PEERS_APP/.peers-stamp"
  peers_log "node packages installed in $(peers_took "$t0")"
}
peers_require_app() {
  peers_require_node
  [ -f "$PEERS_APP/.peers-stamp" ] || peers_die "node packages missing: run '$PEERS_DIR/peers.sh install' first"
}
