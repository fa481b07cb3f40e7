#!/usr/bin/env node
// `node tools/fake-fmp-server --port 0 --latency-ms 25 --plan premium --faults FILE --seed N`
// Prints the stable API root URL, serves until SIGINT/SIGTERM. Exit 2 on a usage error.
import { startFromArgs, UsageError, USAGE } from './main.js';

try {
  const server = await startFromArgs(process.argv.slice(2), process.stdout);
  if (server) {
    const stop = () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (error) {
  process.stderr.write(`fake-fmp-server: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(error instanceof UsageError || error?.code === 'SIM_CONFIG' ? 2 : 1);
}
