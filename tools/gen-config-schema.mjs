// Writes config/pipeline.schema.json from the validation package's schema object (the source of truth).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pipelineConfigSchema } from '@nasdaq-pipeline/validation';

const out = fileURLToPath(new URL('../config/pipeline.schema.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(pipelineConfigSchema, null, 2)}\n`);
console.log(`wrote ${out}`);
