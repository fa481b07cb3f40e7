import { describe, expect, it } from 'vitest';
import { SuiteInvalidError } from './errors.js';
import { builtInSuites } from './expectations/built-in-suites.js';
import { parseSuite, validateSuite } from './load-suite.js';

const yamlSuite = `
name: my-checks
expectations:
  - kind: expect_column_values_to_be_between
    table: fact_stock_daily_price
    column: close_price
    min: 0
    max: 100000
    mostly: 0.999
    severity: warn
  - kind: expect_table_row_count_to_be_between
    id: sector.not_empty
    table: agg_sector_performance
    min: 1
`;

function issuesOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SuiteInvalidError) return e.issues;
    throw e;
  }
  throw new Error('expected SuiteInvalidError');
}

describe('parseSuite', () => {
  it('reads a YAML suite and the same as JSON', () => {
    const s = parseSuite(yamlSuite, 'my.yaml');
    expect(s.name).toBe('my-checks');
    expect(s.expectations).toHaveLength(2);
    expect(parseSuite(JSON.stringify(s), 'my.json')).toEqual(s);
  });

  it('accepts every built-in suite (they are data too)', () => {
    for (const s of builtInSuites()) expect(() => validateSuite(s)).not.toThrow();
  });

  it('names the path, expectation and value of each problem', () => {
    const issues = issuesOf(() =>
      parseSuite(
        `name: x\nexpectations:\n  - kind: expect_column_values_to_be_between\n    table: t\n    column: c\n    mostly: 2\n    colum: d\n`,
      ),
    );
    expect(issues).toContain('at /expectations/0/mostly: expected a number <= 1; got 2');
    expect(issues).toContain(
      'at /expectations/0/colum: expected no property "colum" (unknown key; check its spelling); got "d"',
    );
  });

  it('rejects unknown kinds, missing kind fields, bad YAML and duplicate ids', () => {
    expect(
      issuesOf(() => parseSuite('name: x\nexpectations:\n  - kind: expect_magic\n    table: t\n'))[0],
    ).toMatch(/^at \/expectations\/0\/kind: expected one of "expect_column_values_to_not_be_null"/);
    expect(
      issuesOf(() =>
        parseSuite('name: x\nexpectations:\n  - kind: expect_column_values_to_not_be_null\n    table: t\n'),
      ),
    ).toEqual(['at /expectations/0: expected a property "column"; got nothing']);
    expect(issuesOf(() => parseSuite('name: [x'))[0]).toMatch(/^does not parse/);
    const dup = `name: x\nexpectations:\n  - {kind: expect_table_row_count_to_be_between, table: t, id: a}\n  - {kind: expect_table_row_count_to_be_between, table: u, id: a}\n`;
    expect(issuesOf(() => parseSuite(dup))).toEqual(['duplicate expectation id "a"']);
  });
});
