import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import { registerInit } from './init.js';

/** Registers every command of the CLI on `program`. Each command lives in its own file. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerInit(program, ctx);
}
