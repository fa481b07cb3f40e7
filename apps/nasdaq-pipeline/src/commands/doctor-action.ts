import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import type { CommandContext } from '../program.js';
import { doctorProbes, type DoctorCheck } from './doctor.js';
import type { ResolvedConfig } from '../config/types.js';
import { ExitCode } from '../exit-codes.js';
import { openDb } from '../warehouse/duckdb.js';
import { loadAwsTarget } from '../aws/load-aws-target.js';

async function checkWarehouse(config: ResolvedConfig, ctx: CommandContext): Promise<DoctorCheck> {
  if (config.target === 'aws') {
    return { name: 'warehouse', status: 'ok', detail: `${config.warehouse} (checked by the AWS probe)` };
  }
  const dir = path.resolve(ctx.deps.cwd, config.warehouse);
  const probe = path.join(dir, `.doctor-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, 'ok');
    await unlink(probe);
    return { name: 'warehouse', status: 'ok', detail: `${dir} is writable` };
  } catch (e) {
    return {
      name: 'warehouse',
      status: 'fail',
      detail: `${dir} is not writable (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      hint: 'fix the folder permissions or set --warehouse / NASDAQ_PIPELINE_WAREHOUSE to a writable folder',
    };
  }
}

async function checkLock(config: ResolvedConfig, ctx: CommandContext): Promise<DoctorCheck> {
  if (config.target === 'aws')
    return { name: 'lock', status: 'ok', detail: 'S3 lock object (checked by the AWS probe)' };
  const file = path.join(path.resolve(ctx.deps.cwd, config.warehouse), '.nasdaq-pipeline.lock');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { name: 'lock', status: 'ok', detail: 'free' };
  const h = JSON.parse(text) as { pid: number; host: string; runId: string; command: string; since: string };
  let alive = h.host !== hostname();
  if (!alive) {
    try {
      process.kill(h.pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
  }
  return alive
    ? {
        name: 'lock',
        status: 'warn',
        detail: `held by ${h.command} run ${h.runId} (pid ${h.pid} on ${h.host}, since ${h.since})`,
        hint: 'a run is in progress; the next run will exit 5 until it ends',
      }
    : {
        name: 'lock',
        status: 'warn',
        detail: `stale lock of dead pid ${h.pid} (run ${h.runId})`,
        hint: 'the next run takes it over automatically',
      };
}

async function checkDuckDb(config: ResolvedConfig): Promise<DoctorCheck> {
  try {
    const db = await openDb({ memoryLimit: config.transform.memoryLimit });
    const r = await db.query('SELECT version() AS v');
    db.close();
    return {
      name: 'duckdb',
      status: 'ok',
      detail: `DuckDB ${String(r.rows[0]?.['v'])} (memory limit ${config.transform.memoryLimit})`,
    };
  } catch (e) {
    return {
      name: 'duckdb',
      status: 'fail',
      detail: String(e),
      hint: 'reinstall with npm ci; @duckdb/node-api ships its binary',
    };
  }
}

function checkSource(config: ResolvedConfig): DoctorCheck {
  if (config.source === 'sample')
    return { name: 'source', status: 'ok', detail: 'sample (built-in simulated market)' };
  if (!config.fmp.apiKey) {
    return config.source === 'fmp'
      ? {
          name: 'source',
          status: 'fail',
          detail: 'source is fmp but FMP_API_KEY is not set',
          hint: 'export FMP_API_KEY=… or set source: sample',
        }
      : {
          name: 'source',
          status: 'warn',
          detail: 'FMP_API_KEY is not set: runs use the built-in simulated market',
          hint: 'export FMP_API_KEY=… for real prices',
        };
  }
  return { name: 'source', status: 'ok', detail: `fmp (plan ${config.fmp.plan}, ${config.fmp.baseUrl})` };
}

/** Body of `nasdaq-pipeline doctor` (loaded on demand by the command). */
export async function executeDoctor(ctx: CommandContext): Promise<void> {
  const config = await ctx.config();
  if (config.target === 'aws') await loadAwsTarget();
  const checks: DoctorCheck[] = [
    {
      name: 'config',
      status: 'ok',
      detail: config.configFile
        ? `${config.configFile} is valid`
        : 'no config file; built-in defaults (create one with init)',
    },
    checkSource(config),
    await checkWarehouse(config, ctx),
    await checkLock(config, ctx),
    await checkDuckDb(config),
  ];
  for (const probe of doctorProbes) {
    const r = await probe(config, ctx);
    checks.push(...(Array.isArray(r) ? r : [r]));
  }
  const failed = checks.filter((c) => c.status === 'fail').length;
  if (ctx.globals().json) ctx.printJson({ ok: failed === 0, checks });
  const mark = { ok: '✓', warn: '!', fail: '✗' } as const;
  ctx.say(
    checks
      .map(
        (c) =>
          `${mark[c.status]} ${c.name.padEnd(10)} ${c.detail}${c.hint && c.status !== 'ok' ? `\n  → ${c.hint}` : ''}`,
      )
      .join('\n'),
  );
  ctx.setExitCode(failed ? ExitCode.failure : ExitCode.ok);
}
