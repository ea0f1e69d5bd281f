#!/usr/bin/env bash
# The main job on the shipped (synthetic) sample data: validate it, then build the reports' PDFs.
# Installs what it needs first (npm dependencies, Chromium from Debian when running as root), so a fresh
# machine needs only this command. Output goes to out/<report>/<YYYY-MM>/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser

tradebrief() { node bin/tradebrief.js "$@"; }

echo "== 1. Validate the sample data (33 monthly GACC downloads, GB18030)"
tradebrief data check --flow export 'data/sample/gacc/*.csv'

echo
echo "== 2. Xinjiang exports to the US, August and September 2022 (the flagship report)"
tradebrief generate --report xinjiang-us --month 2022-08
echo
tradebrief generate --report xinjiang-us --month 2022-09
echo
echo "== 3. Xinjiang exports to Kazakhstan, latest month"
tradebrief generate --report xinjiang-kz --month latest

echo
echo "Done. Open the PDFs:"
ls -1 out/*/*/report.pdf
