/**
 * Where the `run` lock lives: schedule.lockFile (relative to the config file's folder), or by default
 * "run.lock" beside the database in use. Beside the database, not a fixed path: what the lock must serialise is
 * two runs writing one ledger, and TRADEBRIEF_DB may move the ledger away from delivery.dbPath.
 */
import path from 'node:path';
import { DEFAULTS, type Config } from '../config.js';

/** @example runLockFile(config, '/srv/tradebrief/.tradebrief/tradebrief.db') // "/srv/tradebrief/.tradebrief/run.lock" */
export function runLockFile(config: Pick<Config, 'schedule' | 'configFile'>, databaseFile: string): string {
  const configured = config.schedule.lockFile;
  if (configured !== undefined) return path.resolve(config.configFile === null ? process.cwd() : path.dirname(config.configFile), configured);
  return path.join(path.dirname(path.resolve(databaseFile)), DEFAULTS.schedule.lockFileName);
}
