import type { Location, Problem, Severity } from '../../errors.js';

/**
 * Collects problems up to a cap so a file with a million bad rows neither floods the terminal nor memory,
 * while still counting what was dropped (the user is told to raise --max-problems).
 *
 * @example
 * const list = new ProblemList(1);
 * list.error('value.negative', { file: 'a.csv', row: 2, column: '美元' }, 'value is negative');
 * list.error('value.negative', { file: 'a.csv', row: 3, column: '美元' }, 'value is negative');
 * list.items.length // 1; list.truncated === true
 */
export class ProblemList {
  readonly items: Problem[] = [];
  dropped = 0;
  private errorCount = 0;

  constructor(readonly limit: number = Number.POSITIVE_INFINITY) {}

  add(problem: Problem): void {
    if (problem.severity === 'error') this.errorCount += 1;
    if (this.items.length < this.limit) this.items.push(problem);
    else this.dropped += 1;
  }

  error(rule: string, where: Location, message: string): void {
    this.add(problemAt('error', rule, where, message));
  }

  warning(rule: string, where: Location, message: string): void {
    this.add(problemAt('warning', rule, where, message));
  }

  addAll(problems: Iterable<Problem>): void {
    for (const problem of problems) this.add(problem);
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  /** Errors seen, kept or dropped: a dropped error still fails the load. */
  get errors(): number {
    return this.errorCount;
  }
}

/** Builds a Problem without undefined keys (so tests can compare with toEqual). */
export function problemAt(severity: Severity, rule: string, where: Location, message: string): Problem {
  const problem: Problem = { file: where.file, severity, rule, message };
  if (where.row !== undefined) problem.row = where.row;
  if (where.column !== undefined) problem.column = where.column;
  return problem;
}
