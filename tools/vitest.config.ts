import { projectConfig } from '../vitest.shared.js';

export default projectConfig(import.meta.dirname, {
  include: ['**/*.test.ts'],
  exclude: ['**/node_modules/**'],
  // The chaos smoke subset runs its suites two at a time (chaos/chaos-smoke.integ.test.ts).
  maxConcurrency: 2,
});
