import type { ExpectationResult } from '../expectations/types.js';
import { escapeXml as esc } from './escape.js';
import { renderHistoryChartSvg, renderPriceChartSvg } from './svg-charts.js';
import type { ClosePoint, RunReport } from './types.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Charts drawn at most (one per symbol, alphabetical). Default 500. */
  maxCharts?: number;
  /** Quarantine and warning rows listed at most. Default 500. */
  maxRows?: number;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1f2328;background:#fff}
main{max-width:1200px;margin:0 auto;padding:16px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:24px 0 8px;border-bottom:1px solid #d0d7de}
h3{font-size:15px;margin:16px 0 6px}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600}
.passed{background:#1a7f37}.partial{background:#bf8700}.failed{background:#cf222e}.error{background:#8250df}
.cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;min-width:120px}
.card b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;margin:4px 0}th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.status-failed td:first-child{border-left:4px solid #cf222e}tr.status-error td:first-child{border-left:4px solid #8250df}
tr.warn td:first-child{border-left:4px solid #bf8700}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:320px}
details{margin:4px 0}.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #d0d7de;border-radius:6px;padding:4px}
.chart div{font-weight:600;font-size:12px}.muted{color:#59636e}
@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}th,pre{background:#161b22}th,td,.card,.chart{border-color:#30363d}}
`;

/** Kinds whose observed value is the share of unexpected rows, in percent. */
const PERCENT_KINDS = new Set([
  'expect_column_values_to_not_be_null',
  'expect_column_values_to_be_unique',
  'expect_compound_columns_to_be_unique',
  'expect_column_values_to_be_between',
  'expect_column_pair_values_a_to_be_greater_than_b',
  'expect_column_values_to_be_in_set',
  'expect_foreign_keys_to_exist',
  'expect_aggregate_to_reconcile',
]);

function observedText(r: ExpectationResult): string {
  if (r.status === 'error') return '—';
  if (PERCENT_KINDS.has(r.kind) && typeof r.observedValue === 'number') {
    return `${r.observedValue.toFixed(2)}% unexpected`;
  }
  if (r.kind === 'expect_sessions_to_be_complete' && typeof r.observedValue === 'number') {
    return `${r.observedValue.toFixed(2)}% present`;
  }
  return observed(r.observedValue);
}

function observed(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4);
  return JSON.stringify(v ?? null);
}

function table(rows: readonly Record<string, unknown>[]): string {
  if (!rows.length) return '<p class="muted">none</p>';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    `<table><thead><tr>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>` +
    rows
      .map(
        (r) =>
          `<tr>${cols.map((c) => `<td>${esc(typeof r[c] === 'object' && r[c] !== null ? JSON.stringify(r[c]) : r[c])}</td>`).join('')}</tr>`,
      )
      .join('') +
    '</tbody></table>'
  );
}

function resultRow(r: ExpectationResult): string {
  const cls = `status-${r.status}${r.severity === 'warn' && r.status !== 'passed' ? ' warn' : ''}`;
  const details =
    r.status === 'passed'
      ? ''
      : `<tr class="detail"><td colspan="8"><details${r.severity === 'error' ? ' open' : ''}><summary>${
          r.error
            ? `engine error: ${esc(r.error)}`
            : `${r.sampleRows.length} sample row(s) of ${r.unexpectedCount} unexpected`
        }${r.knownGapCount ? `, ${r.knownGapCount} known gap(s)` : ''}</summary>${table(r.sampleRows)}<pre>${esc(r.sql)}</pre></details></td></tr>`;
  return (
    `<tr class="${cls}"><td><code>${esc(r.expectationId)}</code>${r.description ? `<div class="muted">${esc(r.description)}</div>` : ''}</td>` +
    `<td>${esc(r.kind)}</td><td>${esc(r.severity)}</td><td><span class="badge ${r.status}">${esc(r.status)}</span></td>` +
    `<td>${esc(observedText(r))}<div class="muted">expected ${esc(JSON.stringify(r.expected ?? {}))}</div></td><td class="num">${r.unexpectedCount}</td><td class="num">${r.elementCount}</td>` +
    `<td class="num">${r.durationMs.toFixed(1)} ms</td></tr>${details}`
  );
}

function charts(prices: readonly ClosePoint[], max: number): string {
  const bySymbol = new Map<string, ClosePoint[]>();
  for (const p of prices) {
    const list = bySymbol.get(p.symbol);
    if (list) list.push(p);
    else bySymbol.set(p.symbol, [p]);
  }
  const symbols = [...bySymbol.keys()].sort();
  if (!symbols.length) return '<p class="muted">no prices in the window</p>';
  const shown = symbols.slice(0, max);
  return (
    `<div class="charts">${shown
      .map(
        (s) =>
          `<div class="chart"><div>${esc(s)}</div>${renderPriceChartSvg(s, bySymbol.get(s) ?? [])}</div>`,
      )
      .join('')}</div>` +
    (symbols.length > max ? `<p class="muted">${symbols.length - max} more symbol(s) not drawn.</p>` : '')
  );
}

/**
 * Renders `index.html`: a static, self-contained page (inline CSS and SVG, no scripts, no external
 * assets) with the run summary, results per table (failures open with samples and SQL), quarantined
 * rows, record warnings, a close-price chart per symbol for the window and the pass-rate history.
 */
export function renderHtmlReport(report: RunReport, options: HtmlReportOptions = {}): string {
  const s = report.summary;
  const maxRows = options.maxRows ?? 500;
  const byTable = new Map<string, ExpectationResult[]>();
  for (const r of report.results) {
    const list = byTable.get(r.table);
    if (list) list.push(r);
    else byTable.set(r.table, [r]);
  }
  const summaryText =
    `${s.passed} of ${s.expectations} expectations passed; ${s.blocking} blocking failure(s); ` +
    `${s.quarantinedBars} bar(s) quarantined; ${s.knownGaps} known gap(s).`;
  const card = (label: string, value: string | number) =>
    `<div class="card"><b>${esc(value)}</b>${esc(label)}</div>`;
  const sections = [...byTable.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([t, list]) => {
      const failed = list.filter((r) => r.status !== 'passed').length;
      return (
        `<h3 id="table-${esc(t)}">${esc(t)} <span class="muted">${list.length - failed}/${list.length} passed</span></h3>` +
        '<table><thead><tr><th>expectation</th><th>kind</th><th>severity</th><th>status</th><th>observed</th><th>unexpected</th><th>examined</th><th>duration</th></tr></thead><tbody>' +
        list.map(resultRow).join('') +
        '</tbody></table>'
      );
    })
    .join('');
  const quarantine = report.quarantine.slice(0, maxRows).map((q) => ({
    symbol: q.symbol,
    trade_date: q.trade_date,
    rule_id: q.rule_id,
    message: q.message,
    raw_row: q.raw_row,
  }));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>nasdaq-pipeline run ${esc(report.runId)} — ${esc(s.verdict)}</title><style>${CSS}</style></head>
<body><main>
<h1>Data quality report <span class="badge ${s.verdict}" id="verdict">${esc(s.verdict.toUpperCase())}</span></h1>
<p>Run <code>${esc(report.runId)}</code>, window ${esc(report.window.from)} → ${esc(report.window.to)}, generated ${esc(report.generatedAt)}.
${s.published ? 'Tables were published.' : '<strong>Nothing was published.</strong>'}</p>
<p id="summary">${esc(summaryText)}</p>
<div class="cards">${card('expectations passed', `${s.passed}/${s.expectations}`)}${card('failed', s.failed)}${card('engine errors', s.errored)}${card('blocking', s.blocking)}${card('warnings (expectations)', s.warned)}${card('quarantined bars', s.quarantinedBars)}${card('record warnings', s.recordWarnings)}${card('known gaps', s.knownGaps)}${card('pass rate', `${s.passRate.toFixed(1)}%`)}${Object.entries(
    report.counters,
  )
    .map(([k, v]) => card(k, v))
    .join('')}</div>
${s.partialSymbols.length ? `<p>Partial symbols (known gaps or refused by FMP): ${esc(s.partialSymbols.join(', '))}</p>` : ''}
<h2>Pass rate of recent runs</h2>
${renderHistoryChartSvg(report.history)}
<h2>Expectations by table</h2>
${sections || '<p class="muted">no table expectations ran</p>'}
<h2>Quarantined rows (${report.quarantine.length})</h2>
${table(quarantine)}${report.quarantine.length > maxRows ? `<p class="muted">${report.quarantine.length - maxRows} more in report.json.</p>` : ''}
<h2>Record warnings (${report.warnings.length})</h2>
${table(report.warnings.slice(0, maxRows) as unknown as Record<string, unknown>[])}
<h2>Known gaps (${report.knownGaps.length})</h2>
${table(report.knownGaps.slice(0, maxRows) as unknown as Record<string, unknown>[])}
<h2>Close prices, ${esc(report.window.from)} → ${esc(report.window.to)}</h2>
${charts(report.prices, options.maxCharts ?? 500)}
<p class="muted">nasdaq-pipeline · report format v${report.reportVersion} · machine-readable: report.json, junit.xml</p>
</main></body></html>
`;
}
