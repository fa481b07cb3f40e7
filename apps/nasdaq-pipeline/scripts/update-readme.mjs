// Regenerates the command reference in the root README.md from the built CLI's --help output.
// Run through `npm run docs:cli` (it builds first).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildProgram, renderHelpReference, spliceHelpReference } from '../dist/index.js';

const readmePath = fileURLToPath(new URL('../../../README.md', import.meta.url));
const sink = { write: () => undefined };
const program = buildProgram({
  env: {},
  cwd: process.cwd(),
  stdout: sink,
  stderr: sink,
  now: () => new Date(),
});
const next = spliceHelpReference(readFileSync(readmePath, 'utf8'), renderHelpReference(program));
writeFileSync(readmePath, next);
console.log(`updated ${readmePath}`);
