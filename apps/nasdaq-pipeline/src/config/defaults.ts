import type { ResolvedConfig } from './types.js';

/** Built-in defaults; `config/pipeline.example.yaml` documents the same values. */
export function defaultConfig(): ResolvedConfig {
  return {
    configFile: null,
    target: 'local',
    warehouse: './warehouse',
    namespace: 'nasdaq',
    source: 'auto',
    symbols: { file: 'config/symbols.yaml', groups: null, list: null },
    fmp: {
      baseUrl: 'https://financialmodelingprep.com/stable',
      plan: 'free',
      apiKey: null,
      concurrency: 4,
      rateLimitFraction: 0.8,
      timeoutMs: 30_000,
      maxRetries: 4,
    },
    calendar: { settleMinutes: 30, extraClosures: [] },
    extract: { bootstrapDays: 400, profileMaxAgeDays: 7 },
    transform: { engine: 'duckdb', memoryLimit: '2GB', threads: null, symbolBatchSize: 3000 },
    validation: { suites: [], builtIn: true },
    logging: { level: 'info', format: 'pretty' },
    maintain: { expireOlderThanDays: 7, retainLast: 5, orphanOlderThanHours: 24, compactMinFiles: 8 },
    aws: {
      region: null,
      profile: null,
      bucket: null,
      prefix: '',
      database: null,
      athena: { workgroup: 'primary', outputLocation: null, timeoutSeconds: 600 },
      glue: {
        jobName: 'nasdaq-pipeline-transform',
        roleArn: null,
        glueVersion: '5.0',
        workerType: 'G.1X',
        workers: 2,
        timeoutMinutes: 60,
      },
    },
  };
}

/**
 * The default symbol universe used when `config/symbols.yaml` is absent (e.g. when the CLI is installed
 * from npm). A test keeps it equal to the file.
 */
export const builtInSymbolGroups: Readonly<Record<string, readonly string[]>> = {
  tech_giants: ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META'],
  semiconductors: ['NVDA', 'AMD', 'INTC'],
};
