import { projectConfig } from '../../vitest.shared.js';

const config = projectConfig(import.meta.dirname);

// Some @aws-sdk packages (e.g. @aws-sdk/checksums) list a `module` export condition that points at `dist-es`,
// whose extensionless relative imports Node's ESM loader cannot resolve once vitest externalizes them. Resolve
// without `module` so Node gets the `node` (CommonJS) build, as it would in production.
const withoutModule = (conditions: string[] | undefined) => conditions?.filter((c) => c !== 'module');
config.resolve = { ...config.resolve, conditions: withoutModule(config.resolve?.conditions) };
config.ssr = {
  ...config.ssr,
  resolve: {
    ...config.ssr?.resolve,
    conditions: withoutModule(config.ssr?.resolve?.conditions),
    externalConditions: withoutModule(config.ssr?.resolve?.externalConditions),
  },
};

export default config;
