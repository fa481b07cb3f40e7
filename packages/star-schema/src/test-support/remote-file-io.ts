import { LocalFileIO, toFileUri, type FileInfo, type FileIO } from '@nasdaq-pipeline/iceberg';

/**
 * A FileIO whose URIs are `remote://…` (so the Iceberg store treats its files as remote: uploaded, and read
 * through a local cache), kept in a local folder. Records every path read, whole or in part.
 */
export class RemoteLikeFileIO implements FileIO {
  /** Paths read through `read` or `readRange`, in order. */
  readonly reads: string[] = [];
  private readonly local = new LocalFileIO();

  constructor(private readonly dir: string) {}

  private map(path: string): string {
    if (!path.startsWith('remote://')) throw new Error(`not a remote:// path: ${path}`);
    return toFileUri(`${this.dir}/${path.slice('remote://'.length)}`);
  }

  read(path: string): Promise<Uint8Array> {
    this.reads.push(path);
    return this.local.read(this.map(path));
  }
  readRange(path: string, offset: number, length: number): Promise<Uint8Array> {
    this.reads.push(path);
    return this.local.readRange(this.map(path), offset, length);
  }
  size(path: string): Promise<number> {
    return this.local.size(this.map(path));
  }
  write(path: string, bytes: Uint8Array): Promise<void> {
    return this.local.write(this.map(path), bytes);
  }
  createExclusive(path: string, bytes: Uint8Array): Promise<boolean> {
    return this.local.createExclusive(this.map(path), bytes);
  }
  exists(path: string): Promise<boolean> {
    return this.local.exists(this.map(path));
  }
  async *list(prefix: string): AsyncIterable<FileInfo> {
    const base = toFileUri(this.dir);
    for await (const f of this.local.list(this.map(prefix)))
      yield { ...f, path: `remote://${f.path.slice(base.length + 1)}` };
  }
  delete(paths: readonly string[]): Promise<void> {
    return this.local.delete(paths.map((p) => this.map(p)));
  }
}
