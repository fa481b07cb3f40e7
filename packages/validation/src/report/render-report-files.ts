import { buildRunReport, renderReportJson } from './build-run-report.js';
import { renderHtmlReport, type HtmlReportOptions } from './render-html.js';
import { renderJunitXml } from './render-junit.js';
import type { RunReport, RunReportInput } from './types.js';

/** The three files of `<warehouse>/reports/<run_id>/`, rendered; the CLI writes them (folder or S3). */
export interface ReportFiles {
  report: RunReport;
  files: { 'report.json': string; 'junit.xml': string; 'index.html': string };
}

/** Builds the report and renders `report.json`, `junit.xml` and `index.html` as UTF-8 strings. */
export function renderReportFiles(input: RunReportInput, options: HtmlReportOptions = {}): ReportFiles {
  const report = buildRunReport(input);
  return {
    report,
    files: {
      'report.json': renderReportJson(report),
      'junit.xml': renderJunitXml(report),
      'index.html': renderHtmlReport(report, options),
    },
  };
}
