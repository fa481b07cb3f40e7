// Shared vitest settings for every project. Tests run on TypeScript sources: the
// `@nasdaq-pipeline/source` export condition points sibling packages at `src/index.ts`,
// so no build of a dependency is needed before its dependents' tests.
import { defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';

// Some @aws-sdk packages list a `module` export condition pointing at `dist-es`, whose extensionless relative
// imports Node's ESM loader cannot resolve once vitest externalizes them; resolve without it, as Node does.
const conditions = ['@nasdaq-pipeline/source', ...defaultServerConditions.filter((c) => c !== 'module')];

/**
 * Vitest configuration for one project.
 * @param {string} root the project's folder (`import.meta.dirname`)
 * @param {import('vitest/config').UserConfig['test']} [test] extra test options
 */
export function projectConfig(root, test = {}) {
  return defineConfig({
    root,
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // A package whose issue has not landed yet exports nothing and has no tests.
      passWithNoTests: true,
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      ...test,
    },
  });
}
