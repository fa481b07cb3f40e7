/** FMP subscription plans. */
export type FmpPlanName = 'free' | 'starter' | 'premium' | 'ultimate';

/** Calendar closure given in the config file. */
export interface ExtraClosure {
  date: string;
  name: string;
}

/** The configuration after merging flags > environment > file > defaults. */
export interface ResolvedConfig {
  /** Path of the config file that was read, or null when none was. */
  configFile: string | null;
  target: 'local' | 'aws';
  warehouse: string;
  namespace: string;
  source: 'auto' | 'fmp' | 'sample';
  symbols: { file: string; groups: string[] | null; list: string[] | null };
  fmp: {
    baseUrl: string;
    plan: FmpPlanName;
    /** From FMP_API_KEY only; never written anywhere. */
    apiKey: string | null;
    concurrency: number;
    rateLimitFraction: number;
    timeoutMs: number;
    maxRetries: number;
  };
  calendar: { settleMinutes: number; extraClosures: ExtraClosure[] };
  extract: { bootstrapDays: number; profileMaxAgeDays: number };
  transform: {
    engine: 'duckdb' | 'glue';
    memoryLimit: string;
    threads: number | null;
    symbolBatchSize: number;
  };
  validation: { suites: string[]; builtIn: boolean };
  logging: { level: 'error' | 'warn' | 'info' | 'debug'; format: 'pretty' | 'json' };
  maintain: {
    expireOlderThanDays: number;
    retainLast: number;
    orphanOlderThanHours: number;
    compactMinFiles: number;
  };
  aws: {
    region: string | null;
    profile: string | null;
    bucket: string | null;
    prefix: string;
    database: string | null;
    athena: { workgroup: string; outputLocation: string | null; timeoutSeconds: number };
    glue: {
      jobName: string;
      roleArn: string | null;
      glueVersion: '4.0' | '5.0';
      workerType: string;
      workers: number;
      timeoutMinutes: number;
    };
  };
}
