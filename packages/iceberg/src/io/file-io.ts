/** One object found by {@link FileIO.list}. */
export interface FileInfo {
  /** Full URI, same scheme as the listed prefix. */
  readonly path: string;
  readonly size: number;
  readonly lastModified: Date;
}

/**
 * Storage abstraction for table files. Paths are full URIs: `file:///abs/path` locally, `s3://bucket/key` on AWS
 * (the `aws` package implements `S3FileIO`). Every file this package writes (data, manifests, manifest lists,
 * metadata) gets a fresh, unique name, so `write` never overwrites anything a reader might be using — except
 * `version-hint.text`, which readers treat as a hint (iceberg.md §9).
 */
export interface FileIO {
  /** Whole object. @throws {NotFoundError} when it does not exist. */
  read(path: string): Promise<Uint8Array>;
  /** `length` bytes starting at `offset` (fewer at end of file). @throws {NotFoundError} */
  readRange(path: string, offset: number, length: number): Promise<Uint8Array>;
  /** Size in bytes. @throws {NotFoundError} */
  size(path: string): Promise<number>;
  /** Create or replace an object; the write is visible completely or not at all. */
  write(path: string, bytes: Uint8Array): Promise<void>;
  /**
   * Create an object only if no object exists at `path` (local: `link(2)` of a temp file; S3: `If-None-Match: *`).
   * @returns `false` when the object already exists (lost race), `true` when this call created it.
   */
  createExclusive(path: string, bytes: Uint8Array): Promise<boolean>;
  exists(path: string): Promise<boolean>;
  /** Every object whose path starts with `prefix` (recursive), in no particular order. */
  list(prefix: string): AsyncIterable<FileInfo>;
  /**
   * Optional: the immediate sub-folders of the folder `prefix` (which ends in `/`), as paths ending in `/` — like
   * S3 `ListObjectsV2` with `Delimiter: '/'`. Catalogs use it to find tables without listing every data file.
   */
  listFolders?(prefix: string): Promise<string[]>;
  /** Delete objects; missing ones are ignored. */
  delete(paths: readonly string[]): Promise<void>;
}
