import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import { registerDoctor } from './doctor.js';
import { registerInit } from './init.js';
import { registerCalendar } from './calendar.js';

/** Registers every command of the CLI on `program`. Each command lives in its own file. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerInit(program, ctx);
  registerDoctor(program, ctx);
  registerCalendar(program, ctx);
}
