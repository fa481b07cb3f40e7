import { escapeXml } from './escape.js';
import type { RunReport } from './types.js';

/**
 * Renders `junit.xml`: one `<testsuite>` per expectation suite, one `<testcase>` per expectation
 * (classname = table). Failed `error` expectations are `<failure>`, engine errors `<error>`; failed
 * `warn` expectations pass with the finding in `<system-out>`, so CI shows them without going red.
 */
export function renderJunitXml(report: RunReport): string {
  const bySuite = new Map<string, RunReport['results']>();
  for (const r of report.results) {
    const list = bySuite.get(r.suite);
    if (list) list.push(r);
    else bySuite.set(r.suite, [r]);
  }
  const secs = (ms: number) => (ms / 1000).toFixed(3);
  const total = report.results.reduce((a, r) => a + r.durationMs, 0);
  const count = (list: RunReport['results'], pred: (r: RunReport['results'][number]) => boolean) =>
    list.filter(pred).length;
  const isFailure = (r: RunReport['results'][number]) => r.status === 'failed' && r.severity === 'error';
  const isError = (r: RunReport['results'][number]) => r.status === 'error';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="nasdaq-pipeline data quality ${escapeXml(report.runId)}" tests="${report.results.length}" ` +
      `failures="${count(report.results, isFailure)}" errors="${count(report.results, isError)}" time="${secs(total)}" ` +
      `timestamp="${escapeXml(report.generatedAt)}">`,
  ];
  for (const [suite, list] of bySuite) {
    const t = list.reduce((a, r) => a + r.durationMs, 0);
    lines.push(
      `  <testsuite name="${escapeXml(suite)}" tests="${list.length}" failures="${count(list, isFailure)}" ` +
        `errors="${count(list, isError)}" skipped="0" time="${secs(t)}" timestamp="${escapeXml(report.generatedAt)}">`,
    );
    for (const r of list) {
      const head = `    <testcase classname="${escapeXml(r.table)}" name="${escapeXml(r.expectationId)}" time="${secs(r.durationMs)}"`;
      const detail =
        `kind: ${r.kind}\nseverity: ${r.severity}\nobserved: ${JSON.stringify(r.observedValue)}\n` +
        `unexpected: ${r.unexpectedCount} of ${r.elementCount}\n` +
        (r.sampleRows.length
          ? `samples:\n${r.sampleRows.map((s) => `  ${JSON.stringify(s)}`).join('\n')}\n`
          : '');
      const msg = `${r.unexpectedCount} unexpected of ${r.elementCount} (observed ${JSON.stringify(r.observedValue)})`;
      if (isError(r)) {
        lines.push(
          `${head}>`,
          `      <error message="${escapeXml(r.error)}" type="engine">${escapeXml(r.sql)}</error>`,
          '    </testcase>',
        );
      } else if (isFailure(r)) {
        lines.push(
          `${head}>`,
          `      <failure message="${escapeXml(msg)}" type="${escapeXml(r.kind)}">${escapeXml(detail)}</failure>`,
          '    </testcase>',
        );
      } else if (r.status === 'failed') {
        lines.push(
          `${head}>`,
          `      <system-out>${escapeXml(`WARN ${msg}\n${detail}`)}</system-out>`,
          '    </testcase>',
        );
      } else {
        lines.push(`${head}/>`);
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
