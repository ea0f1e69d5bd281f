import type { Command } from 'commander';
import { registerDataCommands } from './data.js';
import { registerGenerateCommand } from './generate.js';
import { registerHistoryCommand } from './history.js';
import { registerImportCommand } from './import.js';
import { registerRegenerateCommand } from './regenerate.js';
import { registerRunCommand } from './run.js';
import { registerScheduleCommand } from './schedule.js';
import { registerSendCommand } from './send.js';
import { registerSubscribersCommand } from './subscribers.js';

/** Every sub-command, in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerDataCommands(program);
  registerImportCommand(program);
  registerGenerateCommand(program);
  registerRegenerateCommand(program);
  registerSendCommand(program);
  registerScheduleCommand(program);
  registerSubscribersCommand(program);
  registerRunCommand(program);
  registerHistoryCommand(program);
}
