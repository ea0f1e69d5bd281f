#!/usr/bin/env bash
# Installs what tradebrief needs on this machine, when it is missing, then builds the program.
# Used by the README's two commands (npm run demo, npm test) and by .ci/run, so a fresh Debian machine
# with Node 20 needs nothing else.
#   --browser   also make sure a Chromium is available (for PDF rendering and its tests)
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) need_browser=1 ;;
    *) echo "ensure-deps: unknown option $arg" >&2; exit 64 ;;
  esac
done

log() { printf 'ensure-deps: %s\n' "$*" >&2; }

# 1. npm dependencies, exactly as locked. Reinstall when the lock changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies (npm ci; better-sqlite3 is compiled here, about a minute)"
  # No downloads of prebuilt binaries or browsers: only the npm registry is reachable on the machines this runs
  # on. better-sqlite3's prebuild-install would wait for GitHub and time out before compiling, so compile at once.
  PUPPETEER_SKIP_DOWNLOAD=1 npm_config_build_from_source=true npm ci --no-audit --no-fund --loglevel=error
fi

# 2. A browser for Puppeteer: an explicit one wins, then the system's, then (as root) Debian's package.
find_browser() {
  for candidate in "${TRADEBRIEF_CHROME:-}" "${PUPPETEER_EXECUTABLE_PATH:-}" \
    /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}
if [ "$need_browser" = 1 ] && ! find_browser >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "no Chromium found: installing Debian's chromium package"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    log "no Chromium found: set TRADEBRIEF_CHROME to a Chrome/Chromium binary, or install Puppeteer's browser"
    log "with 'npx puppeteer browsers install chrome' on a machine with internet access"
  fi
fi

# 3. Compile the TypeScript sources into dist/ (fast; always, so dist/ never runs stale code).
npx tsc -p tsconfig.build.json
