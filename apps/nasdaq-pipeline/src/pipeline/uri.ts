import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Turns a warehouse setting into a root URI: `s3://…` stays as is; a folder becomes an absolute
 * `file://` URI resolved against `cwd`. No trailing slash.
 */
export function warehouseRootUri(warehouse: string, cwd: string): string {
  if (/^s3:\/\//.test(warehouse)) return warehouse.replace(/\/+$/, '');
  return pathToFileURL(path.resolve(cwd, warehouse)).href.replace(/\/+$/, '');
}

/** Joins URI segments with single slashes. */
export function joinUri(root: string, ...parts: string[]): string {
  return [root.replace(/\/+$/, ''), ...parts.map((p) => p.replace(/^\/+|\/+$/g, ''))]
    .filter(Boolean)
    .join('/');
}
