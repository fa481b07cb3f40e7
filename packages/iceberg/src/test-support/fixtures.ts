/**
 * Locating the golden Iceberg fixtures (tables written by Athena, Java and Spark) in
 * `../shared/fixtures/iceberg` relative to the repository root. They are not part of the repository:
 * tests using them are skipped, with a note, when the folder is absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Absolute path of the fixtures folder (override with `ICEBERG_FIXTURES_DIR`). */
export const FIXTURES_DIR = resolve(
  // Only test code reads the environment; this keeps CI able to point at another checkout.
  process.env['ICEBERG_FIXTURES_DIR'] ??
    resolve(import.meta.dirname, '../../../../../shared/fixtures/iceberg'),
);

/** `true` when the fixtures folder exists; logs a note naming the path otherwise. */
export function haveFixtures(): boolean {
  const ok = existsSync(resolve(FIXTURES_DIR, 'README.md'));
  if (!ok) console.warn(`iceberg fixtures not found at ${FIXTURES_DIR}: skipping fixture tests`);
  return ok;
}

/** Absolute folder of one fixture table, e.g. `java/bunnies`. */
export function fixtureTable(name: string): string {
  return resolve(FIXTURES_DIR, name);
}
