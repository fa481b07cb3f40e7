/** How a run ended. */
export type RunStatus = 'ok' | 'partial' | 'dq_failed' | 'failed' | 'up_to_date' | 'no_session';

/** Rows a run wrote to one table. */
export interface TableOutcome {
  table: string;
  rowsWritten: number;
  snapshotId: string | null;
  operation: string | null;
}

/** Everything a run reports: printed as text, as `--json`, and stored in `pipeline_runs`. */
export interface RunSummary {
  runId: string;
  command: string;
  status: RunStatus;
  exitCode: number;
  source: 'fmp' | 'sample';
  window: { from: string; to: string; mode: string };
  symbols: {
    requested: string[];
    ok: string[];
    failed: { symbol: string; reason: string }[];
    empty: string[];
  };
  extract: { requests: number; bars: number; rawFiles: number; bytes: number };
  /** Quarantined rows by rule, and the sessions left without any accepted bar (they make the run partial). */
  quarantine: {
    rows: number;
    byRule: Record<string, number>;
    gaps: { symbol: string; date: string }[];
  };
  tables: TableOutcome[];
  dq: {
    passed: number;
    failed: number;
    warned: number;
    blocking: { id: string; table: string; message: string }[];
  };
  published: boolean;
  reportDir: string | null;
  warehouse: string;
  startedAt: string;
  finishedAt: string;
  elapsedMs: number;
  message: string | null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Renders the short human summary of a run, with next-step hints. */
export function renderRunSummary(s: RunSummary): string {
  const lines: string[] = [];
  const window = s.window.from === s.window.to ? s.window.to : `${s.window.from}..${s.window.to}`;
  if (s.status === 'up_to_date' || s.status === 'no_session') {
    lines.push(
      `${s.message ?? 'up to date'} (window ${window}, ${plural(s.symbols.requested.length, 'symbol')}, ${s.elapsedMs} ms)`,
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(`run ${s.runId} · ${s.command} · source ${s.source} · window ${window}`);
  lines.push(
    `symbols: ${s.symbols.ok.length} ok, ${s.symbols.failed.length} failed${s.symbols.empty.length ? `, ${s.symbols.empty.length} with no data` : ''} (of ${s.symbols.requested.length})`,
  );
  for (const f of s.symbols.failed) lines.push(`  ✗ ${f.symbol}: ${f.reason}`);
  lines.push(
    `extract: ${plural(s.extract.requests, 'request')}, ${plural(s.extract.bars, 'bar')}, ${plural(s.extract.rawFiles, 'raw file')} (${(s.extract.bytes / 1024).toFixed(1)} KiB)`,
  );
  if (s.quarantine.rows > 0) {
    const rules = Object.entries(s.quarantine.byRule)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    lines.push(`quarantine: ${plural(s.quarantine.rows, 'row')} (${rules})`);
  }
  if (s.tables.length) {
    lines.push('tables:');
    const width = Math.max(...s.tables.map((t) => t.table.length));
    for (const t of s.tables) {
      lines.push(
        `  ${t.table.padEnd(width)}  ${String(t.rowsWritten).padStart(8)} rows${t.snapshotId ? `  snapshot ${t.snapshotId}` : ''}`,
      );
    }
  }
  lines.push(`data quality: ${s.dq.passed} passed, ${s.dq.failed} failed, ${s.dq.warned} warnings`);
  for (const b of s.dq.blocking) lines.push(`  ✗ ${b.id} on ${b.table}: ${b.message}`);
  lines.push(`published: ${s.published ? 'yes' : 'no — nothing was changed in the tables'}`);
  if (s.reportDir) lines.push(`report: ${s.reportDir}/index.html`);
  lines.push(`elapsed: ${(s.elapsedMs / 1000).toFixed(1)} s`);
  if (s.status === 'ok' || s.status === 'partial') {
    lines.push(
      `next: nasdaq-pipeline query "SELECT symbol, trade_date, close_price, change_percentage FROM fact_stock_daily_price ORDER BY trade_date DESC LIMIT 10"`,
    );
  }
  if (s.status === 'partial' && s.message) lines.push(s.message);
  if (s.status === 'partial' && s.symbols.failed.length > 0)
    lines.push(
      `rerun later to fill the failed symbols: nasdaq-pipeline run --symbols ${s.symbols.failed.map((f) => f.symbol).join(',')}`,
    );
  if (s.status === 'failed') lines.push(s.message ?? 'the run failed');
  if (s.status === 'dq_failed')
    lines.push(
      'see the report for the failing expectations and offending rows; raw data and quarantine were kept',
    );
  return `${lines.join('\n')}\n`;
}
