import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import type { ResolvedConfig } from '../config/types.js';

/** Outcome of one doctor check. */
export interface DoctorCheck {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about a warn/fail. */
  hint?: string;
}

/** A check the doctor runs; extra checks (FMP probe, AWS) are registered by their integrations. */
export type DoctorProbe = (
  config: ResolvedConfig,
  ctx: CommandContext,
) => Promise<DoctorCheck | DoctorCheck[]>;

/** Extra probes, added by the FMP and AWS integrations. */
export const doctorProbes: DoctorProbe[] = [];

/** `nasdaq-pipeline doctor`: checks config, key and plan, warehouse, lock, DuckDB and AWS reachability. */
export function registerDoctor(program: Command, ctx: CommandContext): void {
  program
    .command('doctor')
    .description('check config, FMP key and plan, warehouse access, lock, DuckDB and (with --target aws) AWS')
    .action(async () => (await import('./doctor-action.js')).executeDoctor(ctx));
}
