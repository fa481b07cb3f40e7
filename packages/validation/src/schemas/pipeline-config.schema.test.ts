import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineConfigSchema } from './pipeline-config.schema.js';

describe('config/pipeline.schema.json', () => {
  it('is generated from pipelineConfigSchema (run `npm run docs:schema` when this fails)', async () => {
    const file = path.resolve(import.meta.dirname, '../../../../config/pipeline.schema.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(pipelineConfigSchema);
  });
});
