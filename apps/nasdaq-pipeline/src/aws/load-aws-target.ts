/**
 * Installs the `--target aws` integration (S3 + Glue warehouse, S3 lock, Glue transform, doctor probe) on first
 * use. Commands call it only when they target AWS, so neither it nor the AWS SDK loads for local commands or
 * `--help`.
 */
export async function loadAwsTarget(): Promise<void> {
  const { installAwsTarget } = await import('./install-aws-target.js');
  installAwsTarget();
}
