import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

/** Registers every command of the CLI on `program`. Each command lives in its own file. */
export function registerCommands(_program: Command, _ctx: CommandContext): void {
  // Commands are added here as their packages land (see the issues).
}
