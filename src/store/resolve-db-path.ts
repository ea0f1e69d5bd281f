/**
 * Which database file a command opens: TRADEBRIEF_DB when set (the command passes process.env.TRADEBRIEF_DB;
 * nothing below the commands reads the environment), else delivery.dbPath of the config.
 */
import path from 'node:path';
import type { Config } from '../config.js';

/**
 * @example resolveDbPath(config, process.env.TRADEBRIEF_DB) // "/srv/reports/.tradebrief/tradebrief.db"
 */
export function resolveDbPath(config: Pick<Config, 'delivery'>, override?: string): string {
  // An override is a path typed by a user, so it is relative to the working directory, not to the config.
  if (override !== undefined && override.trim() !== '') return override === ':memory:' ? override : path.resolve(override);
  return config.delivery.dbPath;
}
