import { describe, expect, it } from 'vitest';
import { formatSchemaIssue, validatePipelineConfig } from './index.js';

describe('validatePipelineConfig', () => {
  it('accepts an empty file and a full one', () => {
    expect(validatePipelineConfig({}).ok).toBe(true);
    const full = {
      target: 'local',
      warehouse: './wh',
      fmp: { plan: 'premium', concurrency: 8 },
      calendar: { extraClosures: [{ date: '2030-01-02', name: 'Snow day' }] },
    };
    expect(validatePipelineConfig(full).ok).toBe(true);
  });

  it('names the path, what was expected and the bad value', () => {
    const r = validatePipelineConfig({ fmp: { plan: 'gold' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map(formatSchemaIssue)).toEqual([
      'at /fmp/plan: expected one of "free", "starter", "premium", "ultimate"; got "gold"',
    ]);
  });

  it('reports unknown keys and bad dates', () => {
    const r = validatePipelineConfig({
      fmpp: {},
      calendar: { extraClosures: [{ date: '2030-13-40', name: 'x' }] },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.issues.map(formatSchemaIssue);
    expect(lines).toContain(
      'at /fmpp: expected no property "fmpp" (unknown key; check its spelling); got {}',
    );
    expect(lines.some((l) => l.startsWith('at /calendar/extraClosures/0/date: expected a date'))).toBe(true);
  });
});
