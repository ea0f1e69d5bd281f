import type { Command } from 'commander';
import { registerDataCommands } from './data.js';
import { registerGenerateCommand } from './generate.js';

/** Every sub-command, in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerDataCommands(program);
  registerGenerateCommand(program);
}
