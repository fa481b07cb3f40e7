import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServerArgs, startFromArgs, UsageError } from './main.js';

interface Server {
  url: string;
  close(): Promise<void>;
}
let server: Server | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('fake-fmp-server CLI', () => {
  it('parses the documented flags', () => {
    const args = parseServerArgs(['--port', '0', '--latency-ms', '25', '--plan', 'premium', '--seed', '7']);
    expect([args.port, args.latencyMs, args.plan, args.seed]).toEqual([0, 25, 'premium', 7]);
  });

  it.each([['--plan', 'gold'], ['--port', '-1'], ['--bogus'], ['--now', 'yesterday']])(
    'rejects %s',
    (...argv) => {
      expect(() => parseServerArgs(argv)).toThrow(UsageError);
    },
  );

  it('prints its URL and applies a YAML faults file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-fmp-'));
    const file = join(dir, 'faults.yaml');
    await writeFile(file, '- endpoint: profile\n  symbol: AAPL\n  kind: http-503\n  times: 1\n');
    const lines: string[] = [];
    server = (await startFromArgs(['--port', '0', '--plan', 'premium', '--faults', file, '--seed', '3'], {
      write: (line: string) => lines.push(line),
    })) as Server;
    expect(lines).toEqual([`${server.url}\n`]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/stable$/);
    expect((await fetch(`${server.url}/profile?symbol=AAPL`)).status).toBe(503);
    expect((await fetch(`${server.url}/profile?symbol=AAPL`)).status).toBe(200);
    expect((await fetch(`${server.url}/eod-bulk?date=2025-06-13`)).status).toBe(402);
  });

  it('rejects a faults file with an unknown kind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-fmp-'));
    const file = join(dir, 'faults.json');
    await writeFile(file, JSON.stringify([{ kind: 'meteor' }]));
    await expect(startFromArgs(['--faults', file], { write: () => undefined })).rejects.toThrow(/kind/);
  });
});
