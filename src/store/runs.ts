/**
 * The runs table: one row per job run (send, generate, run, regenerate) with its outcome and counts, so an
 * operator can see what happened last night without reading logs.
 */
import type { Database } from 'better-sqlite3';
import { redactSecrets } from './redact-secrets.js';
import { iso, prepared, toDate, toDateOrNull } from './sql.js';
import type { Run, RunCounts, RunKind, RunOutcome } from './types.js';

interface RunRow {
  id: number;
  kind: RunKind;
  report: string;
  month: string;
  edition: number | null;
  started_at: string;
  finished_at: string | null;
  outcome: RunOutcome | null;
  sent: number;
  failed: number;
  uncertain: number;
  skipped: number;
  message: string | null;
}

function fromRow(row: RunRow): Run {
  return {
    id: row.id,
    kind: row.kind,
    report: row.report,
    month: row.month,
    edition: row.edition,
    startedAt: toDate(row.started_at),
    finishedAt: toDateOrNull(row.finished_at),
    outcome: row.outcome,
    counts: { sent: row.sent, failed: row.failed, uncertain: row.uncertain, skipped: row.skipped },
    message: row.message,
  };
}

/**
 * Records the start of a run and returns its id.
 * @example const runId = startRun(db, { kind: 'send', report: 'xinjiang-us', month: '2022-08', edition: 1, startedAt: now })
 */
export function startRun(
  db: Database,
  run: { kind: RunKind; report: string; month: string; edition?: number | null; startedAt: Date },
): number {
  const info = prepared(db, 'INSERT INTO runs (kind, report, month, edition, started_at) VALUES (?, ?, ?, ?, ?)').run(
    run.kind,
    run.report,
    run.month,
    run.edition ?? null,
    iso(run.startedAt),
  );
  return Number(info.lastInsertRowid);
}

/**
 * Records how a run ended. The message is stored with any password in a URL masked, because it is often an
 * error message quoting SMTP_URL.
 * @example finishRun(db, runId, { finishedAt: now, outcome: 'partial', counts: { sent: 9, failed: 1, uncertain: 0, skipped: 0 } })
 */
export function finishRun(
  db: Database,
  runId: number,
  result: { finishedAt: Date; outcome: RunOutcome; counts: RunCounts; message?: string | null; edition?: number | null },
): void {
  const { sent, failed, uncertain, skipped } = result.counts;
  const changes = prepared(
    db,
    `UPDATE runs SET finished_at = ?, outcome = ?, sent = ?, failed = ?, uncertain = ?, skipped = ?, message = ?, edition = coalesce(?, edition)
     WHERE id = ?`,
  ).run(
    iso(result.finishedAt),
    result.outcome,
    sent,
    failed,
    uncertain,
    skipped,
    result.message == null ? null : redactSecrets(result.message),
    result.edition ?? null,
    runId,
  ).changes;
  if (changes === 0) throw new Error(`finishRun: no run with id ${runId}`);
}

/**
 * Runs, newest first.
 * @example listRuns(db, { report: 'xinjiang-us', limit: 10 })
 */
export function listRuns(db: Database, filter: { report?: string; limit?: number } = {}): Run[] {
  const rows = prepared(
    db,
    `SELECT * FROM runs WHERE (@report IS NULL OR report = @report) ORDER BY started_at DESC, id DESC LIMIT @limit`,
  ).all({ report: filter.report ?? null, limit: filter.limit ?? -1 }) as RunRow[];
  return rows.map(fromRow);
}
