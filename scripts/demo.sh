#!/usr/bin/env bash
# The main job on the shipped (synthetic) sample data: validate it, then build the reports' PDFs.
# Installs what it needs first (npm dependencies, Chromium from Debian when running as root), so a fresh
# machine needs only this command. Output goes to out/<report>/<YYYY-MM>/edition-<n>/.
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
echo "== 4. The scheduled run, as a scheduler would call it on 21 October 2022 (demo database, made afresh)"
# Subscribers are only ever added explicitly; this demo adds two to its own database, never to yours.
export TRADEBRIEF_DB=out/demo/tradebrief.db
rm -f "$TRADEBRIEF_DB" "$TRADEBRIEF_DB-wal" "$TRADEBRIEF_DB-shm" out/demo/run.lock
tradebrief subscribers add ana@example.org --name "Ana Lima" --report xinjiang-us
tradebrief subscribers add bo@example.org --name "Bo Chen" --report xinjiang-us xinjiang-kz
# First run: only the latest published month (2022-09) of each report. Without SMTP_URL the messages are
# written as .eml files to each month's outbox.
tradebrief run --all --now 2022-10-21T09:00:00+08:00
echo "(the same run again finds nothing due and says why:)"
tradebrief run --all --now 2022-10-21T09:05:00+08:00

echo
echo "== 5. Mail a past month by hand: the flagship August 2022 report"
tradebrief send --report xinjiang-us --month 2022-08

echo
echo "== 6. A correction: August 2022 rebuilt as edition 2 beside edition 1, with what changed; not mailed without --send"
tradebrief regenerate --report xinjiang-us --month 2022-08
tradebrief send --report xinjiang-us --month 2022-08 --dry-run
tradebrief history --limit 5

echo
echo "Done. The PDFs:"
ls -1 out/*/*/edition-*/report.pdf
echo "The messages (open them with any mail client):"
ls -1 out/*/*/edition-*/outbox/*.eml
