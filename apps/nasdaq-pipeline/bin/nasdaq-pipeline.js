#!/usr/bin/env node
// Entry point of the `nasdaq-pipeline` command. It loads the bundled CLI in dist/cli (built by `npm ci` through
// the workspace's prepare script, or by `npx nx build nasdaq-pipeline`: tsc, then scripts/bundle-cli.mjs).
import { main } from '../dist/cli/bin.js';

await main();
