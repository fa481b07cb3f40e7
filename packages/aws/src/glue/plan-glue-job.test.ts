import { describe, expect, it } from 'vitest';
import { planGlueJob } from './plan-glue-job.js';

const input = {
  runId: '01JRUN',
  warehouse: 's3://lake/warehouse/',
  namespace: 'nasdaq',
  roleArn: 'arn:aws:iam::123456789012:role/nasdaq-pipeline-glue',
  models: [
    {
      name: 'fact_stock_daily_price',
      targetTable: 'fact_stock_daily_price',
      statements: ['MERGE INTO t USING s ON …'],
    },
  ],
};

describe('planGlueJob', () => {
  it('plans a Glue 5.0 Iceberg job with the glue_catalog conf and content-addressed script', () => {
    const plan = planGlueJob(input, 'print("hi")\n');
    expect(plan.script.uri).toMatch(
      /^s3:\/\/lake\/warehouse\/_glue\/scripts\/glue_iceberg_runner-[0-9a-f]{12}\.py$/,
    );
    expect(plan.spec.uri).toBe('s3://lake/warehouse/_glue/jobs/01JRUN/job-spec.json');
    expect(plan.spec.document).toEqual({
      version: 1,
      runId: '01JRUN',
      catalog: 'glue_catalog',
      namespace: 'nasdaq',
      models: input.models,
    });
    expect(plan.job).toMatchObject({
      Name: 'nasdaq-pipeline-transform',
      Role: input.roleArn,
      Command: { Name: 'glueetl', ScriptLocation: plan.script.uri, PythonVersion: '3' },
      GlueVersion: '5.0',
      WorkerType: 'G.1X',
      NumberOfWorkers: 2,
      Timeout: 30,
    });
    expect(plan.job.DefaultArguments['--datalake-formats']).toBe('iceberg');
    const conf = plan.job.DefaultArguments['--conf']!.split(' --conf ');
    expect(conf).toContain('spark.sql.catalog.glue_catalog=org.apache.iceberg.spark.SparkCatalog');
    expect(conf).toContain(
      'spark.sql.catalog.glue_catalog.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog',
    );
    expect(conf).toContain('spark.sql.catalog.glue_catalog.warehouse=s3://lake/warehouse');
    expect(conf).toContain(
      'spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions',
    );
    expect(plan.run).toEqual({
      JobName: 'nasdaq-pipeline-transform',
      Arguments: { '--pipeline_job_spec': plan.spec.uri, '--pipeline_run_id': '01JRUN' },
    });
  });

  it('bounds the cost: workers × DPU × timeout hours × $0.44', () => {
    expect(planGlueJob(input, '').estimate).toEqual({ maxDpuHours: 1, maxCostUsd: 0.44 });
    expect(
      planGlueJob({ ...input, workerType: 'G.2X', numberOfWorkers: 4, timeoutMinutes: 15 }, '').estimate,
    ).toEqual({
      maxDpuHours: 2,
      maxCostUsd: 0.88,
    });
  });

  it('changes the script location only when the script changes', () => {
    expect(planGlueJob(input, 'a').script.uri).toBe(
      planGlueJob({ ...input, runId: 'other' }, 'a').script.uri,
    );
    expect(planGlueJob(input, 'a').script.uri).not.toBe(planGlueJob(input, 'b').script.uri);
  });
});
