import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/glue_iceberg_runner.py', import.meta.url));
const python = spawnSync('python3', ['--version']).status === 0;

// Runs the shipped PySpark runner's main() under python3 with awsglue/pyspark/boto3 replaced by fakes, so the
// script's own logic (spec parsing, USE, statement order, error wrapping, result.json) is checked without Spark.
const harness = String.raw`
import importlib.util, io, json, sys, types

calls = []
class FakeS3:
    def __init__(self, spec): self.spec = spec; self.put = None
    def get_object(self, Bucket, Key):
        calls.append(("get", Bucket, Key)); return {"Body": io.BytesIO(json.dumps(self.spec).encode())}
    def put_object(self, Bucket, Key, Body, ContentType): self.put = (Bucket, Key, json.loads(Body))
class FakeTable:
    def count(self): return 42
class FakeSpark:
    def __init__(self, fail_on): self.fail_on = fail_on
    def sql(self, text):
        calls.append(("sql", text))
        if self.fail_on and self.fail_on in text: raise ValueError("Table or view not found: staged")
    def table(self, name): calls.append(("table", name)); return FakeTable()

cfg = json.loads(sys.argv[2])
s3 = FakeS3(cfg["spec"]); spark = FakeSpark(cfg.get("fail_on"))
def module(name, **attrs):
    m = types.ModuleType(name); m.__dict__.update(attrs); sys.modules[name] = m
module("boto3", client=lambda name: s3)
module("awsglue"); module("awsglue.context", GlueContext=lambda sc: types.SimpleNamespace(spark_session=spark))
module("awsglue.job", Job=lambda ctx: types.SimpleNamespace(init=lambda *a: None, commit=lambda: calls.append(("commit",))))
module("awsglue.utils", getResolvedOptions=lambda argv, names: {"JOB_NAME": "j", "pipeline_job_spec": "s3://lake/wh/_glue/jobs/r1/job-spec.json", "pipeline_run_id": "r1"})
module("pyspark"); module("pyspark.context", SparkContext=types.SimpleNamespace(getOrCreate=lambda: None))
spec = importlib.util.spec_from_file_location("runner", sys.argv[1]); runner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(runner)
try:
    runner.main(); error = None
except Exception as e:
    error = str(e)
print(json.dumps({"calls": calls, "put": s3.put, "error": error}))
`;

function runScript(config: object): { calls: unknown[][]; put: unknown; error: string | null } {
  const out = spawnSync('python3', ['-c', harness, script, JSON.stringify(config)], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as {
    calls: unknown[][];
    put: unknown;
    error: string | null;
  };
}

const spec = {
  version: 1,
  runId: 'r1',
  catalog: 'glue_catalog',
  namespace: 'nasdaq',
  models: [
    {
      name: 'dim_stock',
      targetTable: 'dim_stock',
      statements: ['MERGE INTO dim_stock USING a', 'DELETE FROM dim_stock WHERE x'],
    },
    {
      name: 'fact',
      targetTable: 'other_ns.fact',
      statements: ['INSERT OVERWRITE fact SELECT * FROM staged'],
    },
  ],
};

describe.skipIf(!python)('glue_iceberg_runner.py (fake Spark and S3)', () => {
  it('runs every statement in order in the warehouse namespace and writes result.json', () => {
    const { calls, put, error } = runScript({ spec });
    expect(error).toBeNull();
    expect(calls).toEqual([
      ['get', 'lake', 'wh/_glue/jobs/r1/job-spec.json'],
      ['sql', 'USE glue_catalog.nasdaq'],
      ['sql', 'MERGE INTO dim_stock USING a'],
      ['sql', 'DELETE FROM dim_stock WHERE x'],
      ['table', 'glue_catalog.nasdaq.dim_stock'],
      ['sql', 'INSERT OVERWRITE fact SELECT * FROM staged'],
      ['table', 'glue_catalog.other_ns.fact'],
      ['commit'],
    ]);
    expect(put).toMatchObject([
      'lake',
      'wh/_glue/jobs/r1/result.json',
      {
        runId: 'r1',
        models: [
          { name: 'dim_stock', rows: 42 },
          { name: 'fact', rows: 42 },
        ],
      },
    ]);
  });

  it('names the model and statement that failed, and does not commit', () => {
    const { calls, error } = runScript({ spec, fail_on: 'INSERT OVERWRITE' });
    expect(error).toBe('model fact statement 1/1 failed: Table or view not found: staged');
    expect(calls).not.toContainEqual(['commit']);
  });

  it('refuses a spec of another version', () => {
    expect(runScript({ spec: { ...spec, version: 2 } }).error).toContain('unsupported job spec version 2');
  });
});
