import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import { registerBackfill } from './backfill.js';
import { registerCalendar } from './calendar.js';
import { registerDoctor } from './doctor.js';
import { registerInit } from './init.js';
import { registerMaintain } from './maintain.js';
import { registerQuery } from './query.js';
import { registerRun, registerExtract } from './run.js';
import { registerRuns } from './runs.js';
import { registerTables } from './tables.js';
import { registerTransform } from './transform.js';
import { registerValidate } from './validate.js';

/** Registers every command of the CLI on `program`, in the order of DESIGN §8. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerRun(program, ctx);
  registerExtract(program, ctx);
  registerTransform(program, ctx);
  registerValidate(program, ctx);
  registerBackfill(program, ctx);
  registerQuery(program, ctx);
  registerTables(program, ctx);
  registerRuns(program, ctx);
  registerCalendar(program, ctx);
  registerMaintain(program, ctx);
  registerDoctor(program, ctx);
  registerInit(program, ctx);
}
