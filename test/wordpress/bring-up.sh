#!/usr/bin/env bash
# bring-up.sh - a real WordPress 6.1 (Debian's "wordpress" package) for the plugin's tests:
# a private copy of /usr/share/wordpress under $WP_BASE with its own wp-config.php (nothing is
# written to /etc), a private MariaDB on a Unix socket (no TCP port), PHP's built-in server on
# 127.0.0.1:$WP_PORT, WordPress installed with an administrator and a contributor.
# The plugin is not installed: the tests install it (PHPUnit from the zip, Playwright by upload).
#
# Adapted from shared/recipes/wordpress/recipe.sh. Idempotent: a second run reuses what runs.
# Env: WP_BASE=/tmp/pbgdpl-wp WP_PORT=8089 WP_THEME=twentytwentyone WP_LANG=en (or vi)
# Stop with teardown.sh (add --purge to delete the database and the copy).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BASE=${WP_BASE:-/tmp/pbgdpl-wp}
WP_PORT=${WP_PORT:-8089}
WP_THEME=${WP_THEME:-twentytwentyone}
WP_LANG=${WP_LANG:-en}
SITE_URL="http://127.0.0.1:$WP_PORT"
ROOT=$BASE/wordpress
RUN=$BASE/run
DATADIR=$BASE/mysql-data
SOCK=$RUN/mysqld.sock
DB_NAME=wp_test DB_USER=wp_test DB_PASS=wp_test_pw
ME=$(id -un)

die() { echo "bring-up: ERROR: $*" >&2; exit 1; }
log() { echo "bring-up: $*" >&2; }
T_ALL=${EPOCHREALTIME/./}
elapsed() { local us=$(( ${EPOCHREALTIME/./} - T_ALL )); printf '%d.%02ds' $(( us / 1000000 )) $(( us % 1000000 / 10000 )); }
pid_alive() {  # pid_alive PIDFILE PATTERN: the PID in the file runs a command containing PATTERN
  local p c; [ -s "$1" ] || return 1; p=$(cat "$1"); [ -r "/proc/$p/cmdline" ] || return 1
  c=$(tr '\0' ' ' < "/proc/$p/cmdline"); [[ $c == *"$2"* ]]
}

# ---- 1. Debian packages -----------------------------------------------------------------------
PKGS="wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentythree wordpress-l10n php-cli php-mysql
      php-xml php-mbstring php-curl php-gd php-zip php-intl mariadb-server mariadb-client phpunit curl"
MISSING=""
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || MISSING="$MISSING $p"; done
if [ -n "$MISSING" ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages:$MISSING (as root: apt-get install --no-install-recommends$MISSING)"
  log "installing:$MISSING"
  ADDED_POLICY=0   # keep apt from starting apache2 and mariadb as system services
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; ADDED_POLICY=1; fi
  mkdir -p "$RUN"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $MISSING >"$RUN/apt.log" 2>&1 \
    || { tail -20 "$RUN/apt.log" >&2; die "apt-get install failed"; }
  [ "$ADDED_POLICY" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi
mkdir -p "$RUN"

# ---- 2. A private copy of Debian's WordPress, with our own wp-config.php ----------------------
if [ ! -f "$ROOT/wp-load.php" ]; then
  log "copying /usr/share/wordpress to $ROOT"
  cp -a /usr/share/wordpress "$ROOT"
  # Debian links some files to other packages with relative links (../../../javascript/…):
  # point every link at what it meant in /usr/share/wordpress.
  find "$ROOT" -type l | while read -r link; do
    ln -sfn "$(readlink -f "/usr/share/wordpress/${link#"$ROOT"/}")" "$link"
  done
  rm -f "$ROOT/wp-config.php"   # Debian's reads /etc/wordpress/config-<host>.php; ours follows
  mkdir -p "$ROOT/wp-content/plugins" "$ROOT/wp-content/uploads" "$ROOT/wp-content/upgrade"
fi
[ -s "$BASE/salts.php" ] || php -r '
  echo "<?php\n";
  foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k)
    echo "define(\"$k\", \"" . bin2hex(random_bytes(32)) . "\");\n";' > "$BASE/salts.php"
cat > "$ROOT/wp-config.php" <<PHP
<?php // written by test/wordpress/bring-up.sh
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASS');
define('DB_HOST', 'localhost:$SOCK');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
require '$BASE/salts.php';
define('WP_HOME', '$SITE_URL');
define('WP_SITEURL', '$SITE_URL');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', '$RUN/debug.log');
define('WP_DEBUG_DISPLAY', false);
define('SCRIPT_DEBUG', false);
define('FS_METHOD', 'direct');
// No calls to wordpress.org (loopback stays allowed), no cron spawning, no updates.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

# Router for php -S: real files as they are, everything else to WordPress (like mod_rewrite).
cat > "$BASE/router.php" <<'PHP'
<?php // written by test/wordpress/bring-up.sh
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (strpos($path, '..') !== false) { http_response_code(400); return true; }
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if (is_dir($file) && substr($path, -1) !== '/') { header('Location: ' . $path . '/', true, 301); return true; }
if (is_file($file) || is_file(rtrim($file, '/') . '/index.php')) return false;
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
unset($_SERVER['PATH_INFO']);
require $_SERVER['SCRIPT_FILENAME'];
PHP

# ---- 3. MariaDB: private data directory, Unix socket only ---------------------------------------
if [ ! -d "$DATADIR/mysql" ]; then
  mariadb-install-db --no-defaults --user="$ME" --datadir="$DATADIR" \
    --auth-root-authentication-method=socket --skip-test-db >"$RUN/mariadb-install.log" 2>&1 \
    || { cat "$RUN/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
fi
if ! pid_alive "$RUN/mariadbd.pid" "$DATADIR"; then
  # setsid + exec: the PID file holds the daemon's own PID, the leader of its process group.
  setsid sh -c 'echo $$ > "$0"; exec "$@"' "$RUN/mariadbd.pid" \
    /usr/sbin/mariadbd --no-defaults --user="$ME" --datadir="$DATADIR" --socket="$SOCK" \
    --skip-networking --skip-name-resolve --log-error="$RUN/mariadb.err" \
    --innodb-flush-log-at-trx-commit=2 --innodb-buffer-pool-size=64M \
    </dev/null >"$RUN/mariadbd.out" 2>&1 &
fi
for _ in $(seq 1 300); do
  mariadb-admin --no-defaults -S "$SOCK" -uroot ping >/dev/null 2>&1 && break
  pid_alive "$RUN/mariadbd.pid" "$DATADIR" || { tail "$RUN/mariadb.err" >&2; die "mariadbd died"; }
  sleep 0.1
done
mariadb-admin --no-defaults -S "$SOCK" -uroot ping >/dev/null 2>&1 || die "mariadbd does not answer on $SOCK"
mariadb --no-defaults -S "$SOCK" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
GRANT ALL ON $DB_NAME.* TO '$DB_USER'@'localhost';
SQL

# ---- 4. PHP's built-in web server -----------------------------------------------------------------
if ! pid_alive "$RUN/php-server.pid" "127.0.0.1:$WP_PORT "; then
  if curl -s -o /dev/null --max-time 2 "$SITE_URL/"; then die "port $WP_PORT is used by something else"; fi
  PHP_CLI_SERVER_WORKERS=${PHP_WORKERS:-4} setsid sh -c 'echo $$ > "$0"; exec "$@"' "$RUN/php-server.pid" \
    php -d display_errors=stderr -d upload_max_filesize=16M -d post_max_size=16M \
    -S "127.0.0.1:$WP_PORT" -t "$ROOT" "$BASE/router.php" </dev/null >>"$RUN/php-server.log" 2>&1 &
fi
for _ in $(seq 1 100); do curl -s -o /dev/null --max-time 2 "$SITE_URL/wp-login.php" && break; sleep 0.1; done
curl -s -o /dev/null --max-time 2 "$SITE_URL/wp-login.php" || die "php -S does not answer on $SITE_URL"

# ---- 5. WordPress: installed, pretty permalinks, a classic theme with sidebars, users ------------
wpctl() { WPCTL_ROOT="$ROOT" php "$HERE/wpctl.php" "$@"; }
wpctl is-installed || wpctl install "UBND xã Thử Nghiệm" admin admin admin@example.com >&2
wpctl permalinks '/%postname%/'
wpctl theme "$WP_THEME" >/dev/null
wpctl user contributor contributor contributor@example.com contributor >&2
wpctl option-set WPLANG "$([ "$WP_LANG" = en ] && echo '' || echo "$WP_LANG")"
log "WordPress $(wpctl version) on $SITE_URL (admin / admin, contributor / contributor), ready in $(elapsed)"
echo "$SITE_URL"
