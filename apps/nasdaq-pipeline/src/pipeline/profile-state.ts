import type { FileIO } from '@nasdaq-pipeline/iceberg';
import { joinUri } from './uri.js';

/** When each symbol's profile was last fetched (ISO instants), kept at `<root>/state/profiles.json`. */
export type ProfileFetchTimes = Record<string, string>;

function stateUri(root: string): string {
  return joinUri(root, 'state', 'profiles.json');
}

/** Reads the profile fetch times; an absent or unreadable file means "never fetched". */
export async function readProfileFetchTimes(io: FileIO, root: string): Promise<ProfileFetchTimes> {
  try {
    return JSON.parse(new TextDecoder().decode(await io.read(stateUri(root)))) as ProfileFetchTimes;
  } catch {
    return {};
  }
}

/** Records that `symbols` had their profile fetched at `at` (after a published run). */
export async function writeProfileFetchTimes(
  io: FileIO,
  root: string,
  times: ProfileFetchTimes,
): Promise<void> {
  await io.write(stateUri(root), new TextEncoder().encode(`${JSON.stringify(times, null, 2)}\n`));
}

/** Symbols whose profile is missing or older than `maxAgeDays` (DESIGN §3: refetch after 7 days). */
export function profilesToRefresh(
  times: ProfileFetchTimes,
  symbols: readonly string[],
  now: Date,
  maxAgeDays: number,
): Set<string> {
  const limit = now.getTime() - maxAgeDays * 86_400_000;
  return new Set(symbols.filter((s) => !times[s] || Date.parse(times[s]) < limit));
}
