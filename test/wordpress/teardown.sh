#!/usr/bin/env bash
# teardown.sh - stops only what bring-up.sh started, through its PID files.
#   teardown.sh          stop php -S and mariadbd (the database and the copy stay: the next bring-up is fast)
#   teardown.sh --purge  also delete the database, the WordPress copy and the logs under $WP_BASE
set -uo pipefail
BASE=${WP_BASE:-/tmp/pbgdpl-wp}
RUN=$BASE/run

stop_pidfile() {  # stop_pidfile NAME PIDFILE PATTERN
  local name=$1 f=$2 pat=$3 pid cmd=""
  [ -s "$f" ] || { echo "teardown: $name: not running"; return 0; }
  pid=$(cat "$f")
  [ -r "/proc/$pid/cmdline" ] && cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline")
  if [[ -n $cmd && $cmd == *"$pat"* ]]; then
    # bring-up.sh started it with setsid: it leads its own process group (php -S workers too).
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 100); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
    if [ -d "/proc/$pid" ]; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; fi
    echo "teardown: $name (pid $pid) stopped"
  else
    echo "teardown: $name: pid $pid is not ours or not running"
  fi
  rm -f "$f"
}

stop_pidfile "php -S" "$RUN/php-server.pid" "router.php"
stop_pidfile "mariadbd" "$RUN/mariadbd.pid" "$BASE/mysql-data"
if [ "${1:-}" = "--purge" ]; then
  case "$BASE" in /tmp/*|"$HOME"/*) rm -rf "$BASE"; echo "teardown: removed $BASE";; *) echo "teardown: not purging $BASE (outside /tmp and \$HOME)";; esac
fi
