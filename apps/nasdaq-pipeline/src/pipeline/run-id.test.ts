import { describe, expect, it } from 'vitest';
import { createRunId, runIdTime } from './run-id.js';

describe('createRunId', () => {
  it('makes 26-character ULIDs that sort by time and decode back', () => {
    const a = createRunId(new Date('2025-06-16T22:00:00Z'), (n) => new Uint8Array(n).fill(255));
    const b = createRunId(new Date('2025-06-16T22:00:01Z'), (n) => new Uint8Array(n));
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a < b).toBe(true);
    expect(runIdTime(a).toISOString()).toBe('2025-06-16T22:00:00.000Z');
  });
});
