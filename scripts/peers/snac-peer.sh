#!/usr/bin/env bash
# Local Mastodon-client-API peer: snac2 (ActivityPub server with a Mastodon-compatible client API),
# taken from Debian bookworm-backports (.deb unpacked under the install dir, not installed system-wide),
# serving http://localhost:$PEERS_SNAC_PORT (8001) on 127.0.0.1 only, run as user 'nobody' when root.
# First start creates the instance, without users: 'adduser NAME' prints "NAME password" and keeps
# the passwords in $PEERS_STATE_DIR/snac/users.json. State persists until 'reset'.
# usage: snac-peer.sh install|start|stop|restart|status|reset|users|adduser NAME
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/peers-lib.sh"

ST=$PEERS_STATE_DIR/snac
DATA=$ST/data
PKG=$PEERS_INSTALL_DIR/snac
BIN=$PKG/root/usr/bin/snac
SNAC_USER=${PEERS_SNAC_SERVICE_USER:-nobody}   # OS user that runs snac when we are root
URL="http://localhost:$PEERS_SNAC_PORT"

snac_() { peers_as "$SNAC_USER" env HOME="$ST" "$BIN" "$@"; }

do_install() {
  local t0 O; t0=$(peers_now)
  if [ -x "$BIN" ] && [ "$(cat "$PKG/version" 2>/dev/null)" = "$PEERS_SNAC_DEB_VERSION" ]; then
    peers_log "snac2 $PEERS_SNAC_DEB_VERSION already unpacked in $PKG"
    return 0
  fi
  peers_apt_install   # its runtime libraries
  command -v apt-get >/dev/null || peers_die "apt-get not found (Debian bookworm expected)"
  # Query bookworm-backports through a private apt state dir: nothing under /etc/apt changes.
  rm -rf "$PKG"; mkdir -p "$PKG/apt/parts" "$PKG/apt/lists/partial" "$PKG/apt/cache/archives/partial"
  printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "${PEERS_DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$PKG/apt/parts/bpo.sources"
  O=(-o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$PKG/apt/parts" -o Dir::State::Lists="$PKG/apt/lists"
     -o Dir::Cache="$PKG/apt/cache" -o APT::Sandbox::User=root)
  apt-get "${O[@]}" update -q >/dev/null
  (cd "$PKG" && apt-get "${O[@]}" download -q "snac2=$PEERS_SNAC_DEB_VERSION" >/dev/null) \
    || peers_die "snac2=$PEERS_SNAC_DEB_VERSION not found in bookworm-backports (set PEERS_SNAC_DEB_VERSION; see: apt-cache ${O[*]} policy snac2)"
  dpkg-deb -x "$PKG"/snac2_*.deb "$PKG/root"
  rm -rf "$PKG/apt"
  echo "$PEERS_SNAC_DEB_VERSION" > "$PKG/version"
  peers_log "snac2 $(dpkg-deb -f "$PKG"/snac2_*.deb Version) unpacked in $PKG in $(peers_took "$t0")"
}

write_users_json() {  # users.txt ("name password" lines) -> users.json {"name": "password", ...}
  awk 'BEGIN { printf "{" } { printf "%s\"%s\": \"%s\"", (NR > 1 ? ", " : ""), $1, $2 } END { print "}" }' \
    "$ST/users.txt" > "$ST/users.json"
}
add_user() {
  local u=$1 pw
  # test files add users concurrently: one at a time, so that users.txt keeps every line
  exec 8>"$ST/users.lock"; flock 8
  grep -q "^$u " "$ST/users.txt" 2>/dev/null && peers_die "user $u already exists"
  pw=$(snac_ adduser "$DATA" "$u" </dev/null 2>&1 | sed -n 's/^User password is //p')
  [ -n "$pw" ] || peers_die "snac adduser $u failed"
  echo "$u $pw" >> "$ST/users.txt"; write_users_json
  echo "$u $pw"
}

init_instance() {
  mkdir -p "$ST"; peers_chown "$SNAC_USER" "$ST"
  # answers: address, port, host name, URL prefix, admin email
  printf '127.0.0.1\n%s\nlocalhost:%s\n\n\n' "$PEERS_SNAC_PORT" "$PEERS_SNAC_PORT" | snac_ init "$DATA" >"$ST/init.log" 2>&1 \
    || { cat "$ST/init.log" >&2; peers_die "snac init failed"; }
  # plain http on loopback; some debug logging; deliver queued messages quickly
  sed -i 's/"protocol": *"https"/"protocol": "http"/; s/"dbglevel": *0/"dbglevel": 1/' "$DATA/server.json"
  : > "$ST/users.txt"; echo '{}' > "$ST/users.json"
  peers_log "snac instance created in $DATA"
}

do_start() {
  local t0 pid; t0=$(peers_now)
  [ -x "$BIN" ] || peers_die "snac2 not installed: run '$PEERS_DIR/peers.sh install'"
  if peers_pid_alive "$ST/httpd.pid" "snac httpd"; then peers_log "snac already running (pid $(cat "$ST/httpd.pid"))"; cat "$ST/users.json"; return; fi
  peers_port_busy "$PEERS_SNAC_PORT" && peers_die "port $PEERS_SNAC_PORT is taken by another program (set PEERS_SNAC_PORT)"
  if [ ! -f "$DATA/server.json" ]; then init_instance
  elif ! grep -q "\"port\": *$PEERS_SNAC_PORT," "$DATA/server.json"; then
    peers_die "existing instance in $DATA uses another port; run '$0 reset' first"
  fi
  peers_as_prefix "$SNAC_USER"
  (cd "$ST" && HOME="$ST" exec nohup "${PEERS_AS[@]}" "$BIN" httpd "$DATA" </dev/null >"$ST/httpd.log" 2>&1) &
  pid=$!; echo "$pid" > "$ST/httpd.pid"
  local i
  for ((i = 0; i < 100; i++)); do
    curl -sf -o /dev/null "http://127.0.0.1:$PEERS_SNAC_PORT/api/v1/instance" && break
    peers_pid_running "$pid" || { tail -20 "$ST/httpd.log" >&2; peers_die "snac httpd exited"; }
    sleep 0.1
  done
  local bad; bad=$(peers_nonloopback_listeners "$pid")
  [ -z "$bad" ] || peers_log "WARNING: non-loopback listeners: $bad"
  peers_log "snac up in $(peers_took "$t0") (pid $pid): $URL users: $(tr -d '\n' < "$ST/users.json")"
  cat "$ST/users.json"
}

do_stop() { peers_stop_pid "$ST/httpd.pid" "snac httpd" "snac" 20; }

do_status() {
  if peers_pid_alive "$ST/httpd.pid" "snac httpd"; then
    echo "snac      running pid $(cat "$ST/httpd.pid")  $URL  $(curl -s -m 5 "$URL/api/v1/instance" | grep -o '"version": *"[^"]*"' || echo 'NOT ANSWERING')"
    echo "users     $(cat "$ST/users.json" 2>/dev/null)"
  else echo "snac      stopped"; return 3; fi
}

case "${1:-}" in
  install) do_install ;;
  start) do_start ;;
  stop) do_stop ;;
  restart) do_stop; do_start ;;
  status) do_status ;;
  reset) do_stop; rm -rf "$ST"; peers_log "snac state removed" ;;
  users) cat "$ST/users.json" ;;
  adduser) [ $# -ge 2 ] || peers_die "usage: $0 adduser NAME"; [ -f "$DATA/server.json" ] || peers_die "start once first"; add_user "$2" ;;
  *) echo "usage: $0 install|start|stop|restart|status|reset|users|adduser NAME" >&2; exit 2 ;;
esac
