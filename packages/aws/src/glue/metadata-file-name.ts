// PyIceberg's pattern for `<V>-<uuid>.metadata.json` (optionally `.gz.metadata.json`), iceberg.md §1.
const METADATA_FILE_RE = /(\d+)-([\w-]{36})(?:\.\w+)?\.metadata\.json$/;

/** The version V of a `<V>-<uuid>.metadata.json` location, or `undefined` when the name does not follow it. */
export function parseMetadataVersion(location: string): number | undefined {
  const name = location.slice(location.lastIndexOf('/') + 1);
  const m = METADATA_FILE_RE.exec(name);
  return m && m.index === 0 ? Number(m[1]) : undefined;
}

/**
 * Location of the next metadata file: `<metadata dir>/<V+1 zero-padded to 5>-<uuid>.metadata.json`, V parsed from
 * the current file name (`00000` at create, or when the current name is not parsable — PyIceberg does the same).
 * The directory is the table property `write.metadata.path` or `<location>/metadata`.
 */
export function buildMetadataLocation(
  tableLocation: string,
  properties: Readonly<Record<string, string>>,
  currentMetadataLocation: string | undefined,
  uuid: string,
): string {
  const dir = (properties['write.metadata.path'] ?? `${tableLocation.replace(/\/+$/, '')}/metadata`).replace(
    /\/+$/,
    '',
  );
  const current =
    currentMetadataLocation === undefined ? undefined : parseMetadataVersion(currentMetadataLocation);
  const next = current === undefined ? 0 : current + 1;
  return `${dir}/${String(next).padStart(5, '0')}-${uuid}.metadata.json`;
}
