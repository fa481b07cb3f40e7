import { describe, expect, it } from 'vitest';
import { hashMurmur3x86 } from './murmur3.js';
import { applyTransform, formatPartitionValue } from './transforms.js';

describe('partition transforms', () => {
  it('computes year/month/day/hour with floor semantics before 1970', () => {
    const micros = BigInt(Date.UTC(2024, 2, 5, 10, 30)) * 1000n;
    expect(applyTransform('year', 'timestamptz', micros)).toBe(54);
    expect(applyTransform('month', 'timestamptz', micros)).toBe(54 * 12 + 2);
    expect(applyTransform('day', 'timestamptz', micros)).toBe(19787);
    expect(applyTransform('hour', 'timestamptz', micros)).toBe(19787 * 24 + 10);
    expect(applyTransform('day', 'timestamp', -1n)).toBe(-1);
    expect(applyTransform('month', 'date', -1)).toBe(-1);
    expect(applyTransform('month', 'date', null)).toBeNull();
    expect(formatPartitionValue('month', 54 * 12 + 2)).toBe('2024-03');
    expect(formatPartitionValue('day', 19787)).toBe('2024-03-05');
  });

  it('matches the spec Appendix B bucket hashes', () => {
    // Spec examples: int 34 → 2017239379, string "iceberg" → 1210000089.
    expect(hashMurmur3x86(new TextEncoder().encode('iceberg'))).toBe(1210000089);
    expect(applyTransform('bucket[16]', 'int', 34)).toBe((2017239379 & 0x7fffffff) % 16);
    expect(applyTransform('bucket[16]', 'long', 34n)).toBe((2017239379 & 0x7fffffff) % 16);
  });

  it('truncates ints, longs and strings', () => {
    expect(applyTransform('truncate[10]', 'int', -1)).toBe(-10);
    expect(applyTransform('truncate[10]', 'long', 15n)).toBe(10n);
    expect(applyTransform('truncate[3]', 'string', 'iceberg')).toBe('ice');
  });
});
