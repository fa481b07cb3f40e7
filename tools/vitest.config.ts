import { projectConfig } from '../vitest.shared.js';

export default projectConfig(import.meta.dirname, {
  include: ['**/*.test.ts'],
  exclude: ['**/node_modules/**'],
});
