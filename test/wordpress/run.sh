#!/usr/bin/env bash
# The WordPress suite (`pnpm --filter @pbgdpl/wordpress-plugin test`, or `npm test -- wordpress`):
#   1. builds build/pbgdpl.zip (the embed bundle must be built: `pnpm -r --sort run build`)
#   2. a fresh real WordPress 6.1 on 127.0.0.1:8089 (bring-up.sh, after teardown.sh --purge)
#   3. the reference API on the first free port of 8830–8839, with its sample data
#   4. PHPUnit against that WordPress, with the plugin unzipped from the zip and activated;
#      then the plugin is deleted as Plugins → Delete does (uninstall.php runs)
#   5. Playwright: upload the zip in the admin, settings, pages, visitors, security, offline
#   6. WordPress's debug.log: nothing from the plugin's code
# Everything it started is stopped at the end (KEEP_WP=1 leaves WordPress running).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
cd "$REPO"
export WP_BASE=${WP_BASE:-/tmp/pbgdpl-wp} WP_PORT=${WP_PORT:-8089}
export WP_URL="http://127.0.0.1:$WP_PORT"
START=${EPOCHREALTIME/./}
T=$START
TIMINGS=""
step() {  # step NAME: ends the previous step's timer
  local now=${EPOCHREALTIME/./}
  [ -n "${STEP:-}" ] && TIMINGS+=$(printf '  %-34s %7.1fs' "$STEP" "$(( now - T ))e-6")$'\n'
  STEP=$1; T=$now
  [ -n "$1" ] && echo -e "\n\033[1m[wordpress] $1\033[0m"
  return 0
}
API_PID=""
cleanup() {
  local rc=$?
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  [ "${KEEP_WP:-0}" = 1 ] || bash "$HERE/teardown.sh" >/dev/null
  step ""
  echo -e "\n[wordpress] timings\n$TIMINGS  total $(( (${EPOCHREALTIME/./} - START) / 1000000 ))s"
  exit $rc
}
trap cleanup EXIT
wpctl() { WPCTL_ROOT="$WP_BASE/wordpress" php "$HERE/wpctl.php" "$@"; }

step "build the plugin zip"
if [ ! -f packages/loader/dist/v1/manifest.json ]; then
  pnpm --filter "@pbgdpl/wordpress-plugin^..." -r run build   # the widgets and the loader
fi
pnpm --filter @pbgdpl/wordpress-plugin run build

step "WordPress: teardown, then bring-up"
bash "$HERE/teardown.sh" --purge >/dev/null
bash "$HERE/bring-up.sh" >/dev/null

step "reference API"
for port in $(seq 8830 8839); do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" || { API_PORT=$port; break; }
done
[ -n "${API_PORT:-}" ] || { echo "[wordpress] no free port in 8830–8839 for the API" >&2; exit 1; }
export PBGDPL_API="http://127.0.0.1:$API_PORT"
mkdir -p "$WP_BASE/run/api-data"
# DEMO_SITE_ORIGINS: this WordPress is registered for the "demo" site (the settings page's check finds it so).
PORT=$API_PORT DATA_DIR="$WP_BASE/run/api-data" DEMO_SITE_ORIGINS="$WP_URL" node packages/api/dist/main.js >"$WP_BASE/run/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "$PBGDPL_API/healthz" && break; sleep 0.2; done
curl -sf -o /dev/null "$PBGDPL_API/healthz" || { cat "$WP_BASE/run/api.log" >&2; exit 1; }
echo "API on $PBGDPL_API"

step "PHPUnit (plugin from the zip, activated)"
wpctl install-zip packages/wordpress-plugin/build/pbgdpl.zip
wpctl activate pbgdpl
WP_BASE=$WP_BASE phpunit -c "$HERE/phpunit/phpunit.xml"
wpctl uninstall pbgdpl
[ ! -e "$WP_BASE/wordpress/wp-content/plugins/pbgdpl" ] || { echo "[wordpress] plugin files left after delete" >&2; exit 1; }
[ "$(wpctl option-get pbgdpl_settings)" = "" ] || { echo "[wordpress] pbgdpl_settings left after uninstall" >&2; exit 1; }
echo "deleted; uninstall.php removed pbgdpl_settings"

step "Playwright (real admin UI, visitors, offline)"
pnpm exec playwright test -c "$HERE/playwright.config.ts"

step "debug.log: no notice, warning or error from the plugin"
if grep -n "/wp-content/plugins/pbgdpl/" "$WP_BASE/run/debug.log" 2>/dev/null; then
  echo "[wordpress] the plugin's code wrote to debug.log (above)" >&2
  exit 1
fi
echo "none ($(grep -c . "$WP_BASE/run/debug.log" 2>/dev/null || echo 0) lines from WordPress core itself)"
