#!/usr/bin/env bash
# One entry point for the local servers the tests talk to (see README.md in this folder):
#   peers.sh system  [PEER...]   as root: install the Debian packages they need (CI does this)
#   peers.sh install [PEER...]   npm packages (exact pins) and the snac2 .deb into the cache folder; idempotent
#   peers.sh up      [PEER...]   start them (Bluesky network, snac2)
#   peers.sh down    [PEER...]   stop them (only processes these scripts started, by pid file)
#   peers.sh status  [PEER...]   show what runs; exit 3 if something is stopped
#   peers.sh reset   [PEER...]   stop and delete state (snac users/posts, Bluesky database cluster)
# PEER: bsky, snac (default: both).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/peers-lib.sh"

cmd=${1:-}; shift || true
peers=("$@"); [ ${#peers[@]} -gt 0 ] || peers=(bsky snac)
for p in "${peers[@]}"; do [ -x "$PEERS_DIR/$p-peer.sh" ] || peers_die "unknown peer '$p' (bsky, snac)"; done

rc=0
case "$cmd" in
  system) peers_apt_install ;;
  install|up|down|status|reset)
    sub=$cmd; [ "$cmd" = up ] && sub=start; [ "$cmd" = down ] && sub=stop
    if [ "$cmd" = install ]; then
      # Test files of one run, or two runs, may ask at the same time: one installs, the others wait.
      mkdir -p "$PEERS_INSTALL_DIR"
      exec 9>"$PEERS_INSTALL_DIR/.install.lock"
      flock 9
    fi
    list=("${peers[@]}")
    # stop in reverse order
    if [ "$cmd" = down ] || [ "$cmd" = reset ]; then list=(); for ((i = ${#peers[@]} - 1; i >= 0; i--)); do list+=("${peers[i]}"); done; fi
    t0=$(peers_now)
    for p in "${list[@]}"; do
      [ "$cmd" = status ] && echo "== $p"
      "$PEERS_DIR/$p-peer.sh" "$sub" || rc=$?
    done
    [ "$cmd" = status ] || peers_log "peers.sh $cmd ${list[*]}: done in $(peers_took "$t0")"
    ;;
  *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac
exit $rc
