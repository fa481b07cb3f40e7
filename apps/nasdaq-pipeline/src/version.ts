import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Version of the CLI, from its package.json. */
export const version: string = (require('../package.json') as { version: string }).version;
