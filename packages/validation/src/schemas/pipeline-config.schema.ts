/**
 * JSON Schema (draft 2020-12) of the nasdaq-pipeline configuration file.
 *
 * `config/pipeline.schema.json` is generated from this object (a test fails when they drift), so editors
 * can validate YAML files against it. Every property has a default that the CLI applies after merging
 * flags > environment > file.
 */
export const pipelineConfigSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://nasdaq-pipeline.dev/schemas/pipeline.schema.json',
  title: 'nasdaq-pipeline configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    target: {
      description: 'Where the warehouse lives: a local folder (DuckDB) or AWS (S3 + Glue + Athena).',
      enum: ['local', 'aws'],
      default: 'local',
    },
    warehouse: {
      description: 'Warehouse root: a folder, or s3://bucket/prefix with target aws.',
      type: 'string',
      minLength: 1,
      default: './warehouse',
    },
    namespace: {
      description: 'Iceberg namespace (Glue database with target aws) holding the tables.',
      type: 'string',
      pattern: '^[a-z][a-z0-9_]{0,63}$',
      default: 'nasdaq',
    },
    source: {
      description:
        'Where prices come from: fmp (needs FMP_API_KEY), sample (the built-in simulated market), or auto.',
      enum: ['auto', 'fmp', 'sample'],
      default: 'auto',
    },
    symbols: {
      description: 'Symbol universe: a YAML file of groups, and/or an explicit list.',
      type: 'object',
      additionalProperties: false,
      properties: {
        file: { type: 'string', minLength: 1, default: 'config/symbols.yaml' },
        groups: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        list: {
          type: 'array',
          items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]{0,9}([.-][A-Za-z0-9]{1,4})?$' },
          uniqueItems: true,
        },
      },
    },
    fmp: {
      type: 'object',
      additionalProperties: false,
      properties: {
        baseUrl: {
          description: 'FMP stable API root (FMP_BASE_URL).',
          type: 'string',
          pattern: '^https?://',
          default: 'https://financialmodelingprep.com/stable',
        },
        plan: {
          description: 'FMP subscription plan (FMP_PLAN): gates endpoints and sizes the rate limiter.',
          enum: ['free', 'starter', 'premium', 'ultimate'],
          default: 'free',
        },
        concurrency: { type: 'integer', minimum: 1, maximum: 64, default: 4 },
        rateLimitFraction: {
          description: 'Fraction of the plan rate limit the client may use.',
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.8,
        },
        timeoutMs: { type: 'integer', minimum: 100, maximum: 600000, default: 30000 },
        maxRetries: { type: 'integer', minimum: 0, maximum: 10, default: 4 },
      },
    },
    calendar: {
      type: 'object',
      additionalProperties: false,
      properties: {
        settleMinutes: {
          description: 'Minutes after the close before a session counts as completed.',
          type: 'integer',
          minimum: 0,
          maximum: 720,
          default: 30,
        },
        extraClosures: {
          description: 'One-off market closures beyond the built-in list.',
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['date', 'name'],
            properties: {
              date: { type: 'string', format: 'date' },
              name: { type: 'string', minLength: 1 },
            },
          },
          default: [],
        },
      },
    },
    extract: {
      type: 'object',
      additionalProperties: false,
      properties: {
        bootstrapDays: {
          description: 'Calendar days of history fetched for a new symbol.',
          type: 'integer',
          minimum: 1,
          maximum: 20000,
          default: 400,
        },
        profileMaxAgeDays: { type: 'integer', minimum: 0, maximum: 365, default: 7 },
      },
    },
    transform: {
      type: 'object',
      additionalProperties: false,
      properties: {
        engine: { enum: ['duckdb', 'glue'], default: 'duckdb' },
        memoryLimit: {
          type: 'string',
          pattern: '^[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$',
          default: '2GB',
        },
        threads: { type: 'integer', minimum: 1, maximum: 256 },
        symbolBatchSize: { type: 'integer', minimum: 1, maximum: 100000, default: 3000 },
      },
    },
    validation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        suites: {
          description: 'Extra expectation suites (YAML/JSON files) run after the built-in ones.',
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
        },
        builtIn: { type: 'boolean', default: true },
      },
    },
    logging: {
      type: 'object',
      additionalProperties: false,
      properties: {
        level: { enum: ['error', 'warn', 'info', 'debug'], default: 'info' },
        format: { enum: ['pretty', 'json'], default: 'pretty' },
      },
    },
    maintain: {
      type: 'object',
      additionalProperties: false,
      properties: {
        expireOlderThanDays: { type: 'integer', minimum: 0, maximum: 3650, default: 7 },
        retainLast: { type: 'integer', minimum: 1, maximum: 10000, default: 5 },
        orphanOlderThanHours: { type: 'integer', minimum: 0, maximum: 87600, default: 24 },
        compactMinFiles: { type: 'integer', minimum: 2, maximum: 10000, default: 8 },
      },
    },
    aws: {
      type: 'object',
      additionalProperties: false,
      properties: {
        region: { type: 'string', pattern: '^[a-z]{2}(-gov)?-[a-z]+-[0-9]$' },
        profile: { type: 'string', minLength: 1 },
        bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' },
        prefix: { type: 'string', default: '' },
        database: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,254}$' },
        athena: {
          type: 'object',
          additionalProperties: false,
          properties: {
            workgroup: { type: 'string', minLength: 1, default: 'primary' },
            outputLocation: { type: 'string', pattern: '^s3://' },
            timeoutSeconds: { type: 'integer', minimum: 1, maximum: 86400, default: 600 },
          },
        },
        glue: {
          type: 'object',
          additionalProperties: false,
          properties: {
            jobName: { type: 'string', minLength: 1, default: 'nasdaq-pipeline-transform' },
            roleArn: { type: 'string', pattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+' },
            glueVersion: { enum: ['4.0', '5.0'], default: '5.0' },
            workerType: { enum: ['G.1X', 'G.2X', 'G.4X', 'G.8X'], default: 'G.1X' },
            workers: { type: 'integer', minimum: 2, maximum: 299, default: 2 },
            timeoutMinutes: { type: 'integer', minimum: 1, maximum: 2880, default: 60 },
          },
        },
      },
    },
  },
} as const;
