/**
 * The one catalogue of error kinds and exit codes (DESIGN.md "Errors and exit codes").
 *
 * Every error the program raises on purpose is a TradebriefError with a stable `code` (for logs, tests
 * and the runs table) and a `kind` that decides the exit code in cli.ts:
 *   user       -> 65 (bad input or config: fix it and run again; nothing was sent)
 *   usage      -> 64 (bad command line)
 *   transient  -> 75 (try again later: SMTP down, lock held)
 *   permanent / uncertain -> 1 only when nothing more specific applies
 * Anything else that escapes is a bug and exits 1.
 */
export type ErrorKind = 'user' | 'usage' | 'transient' | 'permanent' | 'uncertain';

export const EXIT = {
  ok: 0,
  bug: 1,
  usage: 64,
  dataError: 65,
  tempFail: 75,
} as const;

export class TradebriefError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  /** What the user can do about it; printed under the message. */
  readonly hint: string | undefined;

  constructor(code: string, kind: ErrorKind, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TradebriefError';
    this.code = code;
    this.kind = kind;
    this.hint = options.hint;
  }
}

/** Where in an input a problem is: file, 1-based row as a spreadsheet shows it (the header is row 1), column name. */
export interface Location {
  file: string;
  row?: number;
  column?: string;
}

export type Severity = 'error' | 'warning';

/** One finding of a reader or the validator. Errors stop the pipeline; warnings are reported and let it go on. */
export interface Problem extends Location {
  severity: Severity;
  /** Stable identifier of the rule, e.g. "value.negative". */
  rule: string;
  /** What was wrong and what was expected, in one sentence. */
  message: string;
  /** The month a whole-month finding is about (e.g. an incomplete month), for callers that act per month. */
  month?: string;
}

/** Formats a problem the way compilers do, so editors and terminals can jump to it: `file:row: column: message`. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.row === undefined ? undefined : String(problem.row)].filter(Boolean).join(':');
  const column = problem.column === undefined ? '' : ` column "${problem.column}":`;
  return `${where}:${column} ${problem.severity}: ${problem.message} [${problem.rule}]`;
}

/** Bad input data: carries every problem found (up to the cap), so the user can fix them in one go. */
export class DataError extends TradebriefError {
  readonly problems: readonly Problem[];
  readonly truncated: boolean;

  constructor(problems: readonly Problem[], options: { truncated?: boolean; summary?: string } = {}) {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0] ?? problems[0];
    const summary =
      options.summary ??
      (first === undefined
        ? 'invalid input data'
        : errors.length > 1
          ? `${formatProblem(first)} (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})`
          : formatProblem(first));
    super('DataError', 'user', summary, { hint: 'Fix the input file(s) and run again; nothing was written or sent.' });
    this.name = 'DataError';
    this.problems = problems;
    this.truncated = options.truncated ?? false;
  }
}

/** A bad config file or an option that contradicts it. */
export class ConfigError extends TradebriefError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('ConfigError', 'user', message, options);
    this.name = 'ConfigError';
  }
}

/** A bad command line (unknown report, malformed month, missing option). */
export class UsageError extends TradebriefError {
  constructor(message: string, options: { hint?: string } = {}) {
    super('UsageError', 'usage', message, options);
    this.name = 'UsageError';
  }
}

/** Maps any thrown value to the process exit code (DESIGN.md). */
export function exitCodeFor(error: unknown): number {
  if (error instanceof TradebriefError) {
    switch (error.kind) {
      case 'user':
        return EXIT.dataError;
      case 'usage':
        return EXIT.usage;
      case 'transient':
        return EXIT.tempFail;
      default:
        return EXIT.bug;
    }
  }
  return EXIT.bug;
}
