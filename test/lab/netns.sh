#!/usr/bin/env bash
# Runs a command inside a network namespace of its own, so a second lab (another checkout, a
# second developer on the same machine) gets loopback addresses, ports, nftables rules and an
# /etc/hosts of its own and does not collide with the lab of the host namespace.
#
#   bash test/lab/netns.sh NAME -- COMMAND [ARGS...]   create NAME when missing, run COMMAND in it
#   bash test/lab/netns.sh NAME --remove               stop NAME's lab processes, remove NAME and its hosts file
#
# `ip netns exec` mounts /etc/netns/NAME/hosts over /etc/hosts for the command, which is where
# that lab writes its host names. Needs root.
set -euo pipefail
name="${1:?usage: netns.sh NAME -- COMMAND... | netns.sh NAME --remove}"
shift
[[ "$name" =~ ^[a-z0-9-]{1,32}$ ]] || { echo "netns.sh: namespace names are lower-case letters, digits and dashes" >&2; exit 2; }
if [ "${1:-}" = "--remove" ]; then
  if ip netns list | grep -qw "^$name"; then
    for pid in $(ip netns pids "$name" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null || true; done
    sleep 1
    for pid in $(ip netns pids "$name" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns delete "$name"
  fi
  rm -rf "/etc/netns/$name"
  exit 0
fi
[ "${1:-}" = "--" ] && shift
[ "$#" -gt 0 ] || { echo "netns.sh: no command given" >&2; exit 2; }
if ! ip netns list | grep -qw "^$name"; then
  ip netns add "$name"
  ip netns exec "$name" ip link set lo up
fi
if [ ! -f "/etc/netns/$name/hosts" ]; then
  mkdir -p "/etc/netns/$name"
  # The host's file without any lab block: this namespace's lab writes its own.
  sed '/^# BEGIN exchange-auth-doctor lab/,/^# END exchange-auth-doctor lab/d' /etc/hosts > "/etc/netns/$name/hosts"
fi
exec ip netns exec "$name" "$@"
