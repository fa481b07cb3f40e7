// Proves the dependency rules of DESIGN.md §2 are enforced: ESLint (with @nx/enforce-module-boundaries)
// rejects a library importing the app, `iceberg` importing the AWS SDK or DuckDB, and
// `market-calendar` importing any sibling.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map((m) => m.message);
}

describe('module boundaries', () => {
  it('rejects a library importing the app', async () => {
    const errors = await boundaryErrors(
      'packages/validation/src/bad.ts',
      "import { runCli } from '@nasdaq-pipeline/nasdaq-pipeline';\nexport const x = runCli;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('rejects iceberg importing the AWS SDK or DuckDB', async () => {
    const aws = await boundaryErrors(
      'packages/iceberg/src/bad.ts',
      "import { S3Client } from '@aws-sdk/client-s3';\nexport const x = S3Client;\n",
    );
    expect(aws.join('\n')).toMatch(/@aws-sdk\/client-s3/);
    const duck = await boundaryErrors(
      'packages/iceberg/src/bad.ts',
      "import { DuckDBInstance } from '@duckdb/node-api';\nexport const x = DuckDBInstance;\n",
    );
    expect(duck.join('\n')).toMatch(/@duckdb\/node-api/);
  });

  it('rejects market-calendar importing a sibling library', async () => {
    const errors = await boundaryErrors(
      'packages/market-calendar/src/bad.ts',
      "import { createAjv } from '@nasdaq-pipeline/validation';\nexport const x = createAjv;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('accepts the app importing a library', async () => {
    const errors = await boundaryErrors(
      'apps/nasdaq-pipeline/src/ok.ts',
      "import { createAjv } from '@nasdaq-pipeline/validation';\nexport const x = createAjv;\n",
    );
    expect(errors).toEqual([]);
  });
});
