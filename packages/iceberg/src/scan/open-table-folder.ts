/**
 * Opening a table from a folder holding a copy of it (fixtures, a downloaded table): find the newest metadata
 * file without a catalog and map the recorded location onto the folder.
 */
import { NotFoundError } from '../errors.js';
import type { FileIO } from '../io/file-io.js';
import { parseTableMetadata } from '../metadata/table-metadata-json.js';
import type { TableMetadata } from '../metadata/types.js';
import { rebaseFileIO } from './rebase-file-io.js';

/** A table read from a folder. */
export interface FolderTable {
  readonly metadata: TableMetadata;
  /** URI of the metadata file read. */
  readonly metadataLocation: string;
  /** `io` rebased so that the table's recorded paths resolve inside the folder. */
  readonly io: FileIO;
}

/** Version number encoded in a metadata file name (`v3.metadata.json` → 3, `00002-<uuid>.metadata.json` → 2). */
export function parseMetadataVersion(fileName: string): number | undefined {
  const m = /^v(\d+)\.metadata\.json$/.exec(fileName) ?? /^(\d+)-[\w-]+\.metadata\.json$/.exec(fileName);
  return m ? Number(m[1]) : undefined;
}

/**
 * Loads the table stored under `folder` (a URI with `metadata/` inside). Without `metadataFileName`, uses
 * `metadata/version-hint.text` when present, else the metadata file with the highest version number.
 * @throws {NotFoundError} when no metadata file exists.
 */
export async function openTableFolder(
  io: FileIO,
  folder: string,
  options: { readonly metadataFileName?: string } = {},
): Promise<FolderTable> {
  const root = folder.replace(/\/+$/, '');
  const name = options.metadataFileName ?? (await findLatestMetadataFile(io, root));
  const metadataLocation = `${root}/metadata/${name}`;
  const text = new TextDecoder().decode(await io.read(metadataLocation));
  const metadata = parseTableMetadata(text, metadataLocation);
  return { metadata, metadataLocation, io: rebaseFileIO(io, [{ from: metadata.location, to: root }]) };
}

async function findLatestMetadataFile(io: FileIO, root: string): Promise<string> {
  const hint = `${root}/metadata/version-hint.text`;
  if (await io.exists(hint)) {
    const n = Number.parseInt(new TextDecoder().decode(await io.read(hint)).trim(), 10);
    // The hint may lag behind (iceberg.md §9): probe forward.
    if (Number.isInteger(n)) {
      let v = n;
      while (await io.exists(`${root}/metadata/v${v + 1}.metadata.json`)) v++;
      if (await io.exists(`${root}/metadata/v${v}.metadata.json`)) return `v${v}.metadata.json`;
    }
  }
  let best: { name: string; version: number } | undefined;
  for await (const f of io.list(`${root}/metadata/`)) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    const version = parseMetadataVersion(name);
    if (version !== undefined && (!best || version > best.version)) best = { name, version };
  }
  if (!best) throw new NotFoundError(`${root}/metadata/*.metadata.json`);
  return best.name;
}
