"""nasdaq-pipeline generic Glue (Spark) runner.

Uploaded by `@nasdaq-pipeline/aws` (`GlueJobRunner`) as the script of the Glue job. It reads a JSON job spec from
S3 and runs each model's Spark-SQL statements against Iceberg tables in the Glue Data Catalog, registered in Spark
as the catalog `glue_catalog` by the job's `--conf` / `--datalake-formats iceberg` arguments. The statements are
rendered by `@nasdaq-pipeline/star-schema` (MERGE INTO ... / INSERT OVERWRITE ...); this script knows nothing about
the star schema.

Job arguments:
  --pipeline_job_spec  s3://bucket/prefix/glue/jobs/<run id>/job-spec.json
  --pipeline_run_id    the pipeline run id (ULID), for the logs

Job spec (version 1):
  {
    "version": 1,
    "runId": "01J...",
    "catalog": "glue_catalog",
    "namespace": "nasdaq",
    "models": [
      {"name": "fact_stock_daily_price", "targetTable": "fact_stock_daily_price", "statements": ["MERGE INTO ..."]}
    ]
  }

After the last model it writes `result.json` next to the spec: per model, the seconds it took and the row count of
its target table. Any exception fails the job; Glue reports its message as the job run's ErrorMessage.
"""

import json
import sys
import time
from urllib.parse import urlparse

import boto3
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext


def split_s3_uri(uri):
    parsed = urlparse(uri)
    if parsed.scheme not in ("s3", "s3a", "s3n") or not parsed.netloc:
        raise ValueError(f"not an S3 URI: {uri!r}")
    return parsed.netloc, parsed.path.lstrip("/")


def read_spec(s3, uri):
    bucket, key = split_s3_uri(uri)
    spec = json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read())
    if spec.get("version") != 1:
        raise ValueError(f"unsupported job spec version {spec.get('version')!r} in {uri}")
    if not isinstance(spec.get("models"), list) or not spec["models"]:
        raise ValueError(f"job spec {uri} has no models")
    return spec


def qualify(spec, table):
    """Fully qualified name of a target table: bare names live in <catalog>.<namespace>."""
    if table.count(".") >= 2:
        return table
    if "." in table:
        return f"{spec['catalog']}.{table}"
    return f"{spec['catalog']}.{spec['namespace']}.{table}"


def run_models(spark, spec):
    results = []
    # Unqualified table names in the models resolve in the warehouse namespace of the Glue catalog.
    spark.sql(f"USE {spec['catalog']}.{spec['namespace']}")
    for model in spec["models"]:
        started = time.time()
        print(f"[nasdaq-pipeline] run {spec.get('runId')} model {model['name']}: "
              f"{len(model['statements'])} statement(s)", flush=True)
        for index, statement in enumerate(model["statements"]):
            try:
                spark.sql(statement)
            except Exception as error:  # re-raised with the model and statement number for the ErrorMessage
                raise RuntimeError(
                    f"model {model['name']} statement {index + 1}/{len(model['statements'])} failed: {error}"
                ) from error
        rows = None
        if model.get("targetTable"):
            rows = spark.table(qualify(spec, model["targetTable"])).count()
        results.append({"name": model["name"], "seconds": round(time.time() - started, 3), "rows": rows})
        print(f"[nasdaq-pipeline] model {model['name']} done: {results[-1]}", flush=True)
    return results


def main():
    args = getResolvedOptions(sys.argv, ["JOB_NAME", "pipeline_job_spec", "pipeline_run_id"])
    sc = SparkContext.getOrCreate()
    glue_context = GlueContext(sc)
    spark = glue_context.spark_session
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)

    s3 = boto3.client("s3")
    spec = read_spec(s3, args["pipeline_job_spec"])
    results = run_models(spark, spec)

    bucket, key = split_s3_uri(args["pipeline_job_spec"])
    result_key = key.rsplit("/", 1)[0] + "/result.json"
    s3.put_object(
        Bucket=bucket,
        Key=result_key,
        Body=json.dumps({"runId": args["pipeline_run_id"], "models": results}).encode("utf-8"),
        ContentType="application/json",
    )
    job.commit()


if __name__ == "__main__":
    main()
