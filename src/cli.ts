/**
 * The command line: the only place that reads argv, env and signals, and maps errors to exit codes
 * (DESIGN.md "Errors and exit codes"). Each command lives in src/commands/<name>.ts and only translates
 * options into a call of a job in src/jobs/.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, TradebriefError, DataError, exitCodeFor, formatProblem } from './errors.js';
import { registerCommands } from './commands/index.js';
import { version } from './version.js';
import { createLogger, logFormat } from './io/logger.js';

function reportError(error: unknown, command: string): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; --help and --version end with exit code 0.
    if (error.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  if (structuredLogs()) return logError(error, command);
  if (error instanceof DataError) {
    const errors = error.problems.filter((p) => p.severity === 'error');
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    if (error.truncated) process.stderr.write('… more problems not shown (raise --max-problems to see them)\n');
    process.stderr.write(`tradebrief: ${errors.length} error(s) in the input data; nothing downstream was run.\n`);
    return exitCodeFor(error);
  }
  if (error instanceof TradebriefError) {
    process.stderr.write(`tradebrief: ${error.message}\n`);
    if (error.hint) process.stderr.write(`  ${error.hint}\n`);
    return exitCodeFor(error);
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`tradebrief: internal error (a bug, please report it):\n${detail}\n`);
  return EXIT.bug;
}

/** JSON logs (not a terminal, or TRADEBRIEF_LOG_FORMAT=json): the final error is a record too. */
function structuredLogs(): boolean {
  try {
    return logFormat(process.env, process.stderr.isTTY === true) === 'json';
  } catch {
    return false;
  }
}

/** The same facts as the text report, as one error record: message, code, exit code, hint and each problem. */
function logError(error: unknown, command: string): number {
  const logger = createLogger({ command });
  if (error instanceof DataError) {
    const errors = error.problems.filter((p) => p.severity === 'error');
    logger.at('error', `${errors.length} error(s) in the input data; nothing downstream was run.`, {
      code: error.code,
      exitCode: exitCodeFor(error),
      problems: error.problems.map((problem) => ({ ...problem, text: formatProblem(problem) })),
      ...(error.truncated ? { truncated: true } : {}),
    });
    return exitCodeFor(error);
  }
  if (error instanceof TradebriefError) {
    logger.at('error', error.message, { code: error.code, kind: error.kind, exitCode: exitCodeFor(error), ...(error.hint ? { hint: error.hint } : {}) });
    return exitCodeFor(error);
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger.at('error', 'internal error (a bug, please report it)', { exitCode: EXIT.bug, stack: detail });
  return EXIT.bug;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('tradebrief')
    .description('Monthly customs trade statistics reports: stats, narrative, charts, PDF and email.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    return reportError(error, program.args[0] ?? 'tradebrief');
  }
}

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
