import { escapeXml } from './escape.js';
import type { ClosePoint, RunHistoryEntry } from './types.js';

/**
 * A small inline SVG line chart of one symbol's closes (ascending dates), with the first and last
 * close labelled. Self-contained: no fonts or scripts beyond the page's own CSS.
 */
export function renderPriceChartSvg(
  symbol: string,
  points: readonly ClosePoint[],
  width = 240,
  height = 80,
): string {
  const pts = [...points].sort((a, b) => (a.date < b.date ? -1 : 1));
  const pad = 4;
  const closes = pts.map((p) => p.close);
  const min = Math.min(...closes);
  const max = Math.max(...closes);
  const span = max - min || 1;
  const x = (i: number) =>
    pad + (pts.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (pts.length - 1));
  const y = (c: number) => pad + ((max - c) * (height - 2 * pad - 12)) / span;
  const path = pts.map((p, i) => `${x(i).toFixed(1)},${y(p.close).toFixed(1)}`).join(' ');
  const first = pts[0];
  const last = pts[pts.length - 1];
  const up = first && last ? last.close >= first.close : true;
  const label =
    first && last ? `${symbol} ${first.date} ${first.close} → ${last.date} ${last.close}` : symbol;
  return (
    `<svg class="price-chart" data-symbol="${escapeXml(symbol)}" xmlns="http://www.w3.org/2000/svg" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}">` +
    `<title>${escapeXml(label)}</title>` +
    `<polyline fill="none" stroke="${up ? '#1a7f37' : '#cf222e'}" stroke-width="1.5" points="${path}"/>` +
    `<text x="${pad}" y="${height - 2}" font-size="10">${escapeXml(first?.close ?? '')}</text>` +
    `<text x="${width - pad}" y="${height - 2}" font-size="10" text-anchor="end">${escapeXml(last?.close ?? '')}</text>` +
    `</svg>`
  );
}

/** An inline SVG bar chart of pass rates of recent runs (oldest left), the last bar being this run. */
export function renderHistoryChartSvg(
  history: readonly RunHistoryEntry[],
  width = 480,
  height = 100,
): string {
  const runs = history.slice(-30);
  const n = Math.max(runs.length, 1);
  const bw = (width - 8) / n;
  const bars = runs
    .map((h, i) => {
      const rate = h.total === 0 ? 100 : (100 * h.passed) / h.total;
      const bh = ((height - 20) * rate) / 100;
      const colour = rate === 100 ? '#1a7f37' : rate >= 90 ? '#bf8700' : '#cf222e';
      return (
        `<rect x="${(4 + i * bw).toFixed(1)}" y="${(height - 14 - bh).toFixed(1)}" width="${Math.max(bw - 2, 1).toFixed(1)}" ` +
        `height="${bh.toFixed(1)}" fill="${colour}"><title>${escapeXml(`${h.runId} ${h.at}: ${h.passed}/${h.total} passed (${rate.toFixed(1)}%)`)}</title></rect>`
      );
    })
    .join('');
  return (
    `<svg class="history-chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-label="pass rate of the last ${runs.length} runs">` +
    `${bars}<text x="4" y="${height - 2}" font-size="10">${escapeXml(runs[0]?.at.slice(0, 10) ?? '')}</text>` +
    `<text x="${width - 4}" y="${height - 2}" font-size="10" text-anchor="end">${escapeXml(runs[runs.length - 1]?.at.slice(0, 10) ?? '')}</text></svg>`
  );
}
