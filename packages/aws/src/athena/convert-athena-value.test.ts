import { describe, expect, it } from 'vitest';
import { convertAthenaValue } from './convert-athena-value.js';

describe('convertAthenaValue', () => {
  it.each([
    ['integer', '20240102', 20240102],
    ['int', '-7', -7],
    ['smallint', '3', 3],
    ['tinyint', '1', 1],
    ['bigint', '123456789012', 123456789012],
    ['bigint', '9007199254740993', 9007199254740993n],
    ['double', '187.4412', 187.4412],
    ['double', 'NaN', Number.NaN],
    ['double', '-Infinity', Number.NEGATIVE_INFINITY],
    ['real', '1.5', 1.5],
    ['decimal(18,4)', '12.3400', 12.34],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['date', '2024-01-02', '2024-01-02'],
    ['varchar', 'AAPL', 'AAPL'],
    ['varchar', '', ''],
    ['array(varchar)', '[a, b]', '[a, b]'],
  ])('%s %j', (type, value, expected) => {
    expect(convertAthenaValue(value, type)).toEqual(expected);
  });

  it('maps a missing cell to null whatever the type', () => {
    expect(convertAthenaValue(undefined, 'bigint')).toBeNull();
    expect(convertAthenaValue(undefined, 'varchar')).toBeNull();
  });

  it('reads timestamps as UTC instants', () => {
    expect(convertAthenaValue('2024-01-02 15:04:05.123', 'timestamp')).toEqual(
      new Date('2024-01-02T15:04:05.123Z'),
    );
    expect(convertAthenaValue('2024-01-02 15:04:05.123456 UTC', 'timestamp(6) with time zone')).toEqual(
      new Date('2024-01-02T15:04:05.123Z'),
    );
    expect(convertAthenaValue('2024-01-02 15:04:05 +02:00', 'timestamp with time zone')).toEqual(
      new Date('2024-01-02T13:04:05Z'),
    );
    // A zone name we do not resolve stays a string rather than becoming a wrong instant.
    expect(convertAthenaValue('2024-01-02 15:04:05 America/New_York', 'timestamp with time zone')).toBe(
      '2024-01-02 15:04:05 America/New_York',
    );
  });
});
