#!/usr/bin/env node
// Entry point of the `nasdaq-pipeline` command. The compiled CLI lives in dist/ (built by `npm ci`
// through the workspace's prepare script, or by `npx nx build nasdaq-pipeline`).
import { main } from '../dist/bin.js';

await main();
