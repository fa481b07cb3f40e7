import avro from 'avsc';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureTable, haveFixtures } from '../test-support/fixtures.js';
import { readAvroContainer } from './read-container.js';

const schema = {
  type: 'record',
  name: 'r',
  fields: [
    { name: 'i', type: 'int', 'field-id': 1 },
    { name: 'l', type: 'long' },
    { name: 'opt', type: ['null', 'string'], default: null },
    { name: 'b', type: 'bytes' },
    { name: 'f', type: { type: 'fixed', name: 'f4', size: 4 } },
    { name: 'e', type: { type: 'enum', name: 'color', symbols: ['RED', 'GREEN'] } },
    { name: 'arr', type: { type: 'array', items: 'double' } },
    { name: 'm', type: { type: 'map', values: 'float' } },
    { name: 'flag', type: 'boolean' },
    { name: 'again', type: ['null', 'f4'], default: null },
  ],
};
const record = {
  i: -7,
  l: 1234567890123,
  opt: 'héllo',
  b: Buffer.from([0, 255]),
  f: Buffer.from([1, 2, 3, 4]),
  e: 'GREEN',
  arr: [1.5, -2],
  m: { a: 0.5 },
  flag: true,
  again: Buffer.from([9, 9, 9, 9]),
};

async function encode(codec: 'null' | 'deflate', records: unknown[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  // avsc's typings omit `metadata`, which BlockEncoder supports (iceberg.md §13).
  const options = { codec, metadata: { custom: Buffer.from('x') } } as ConstructorParameters<
    typeof avro.streams.BlockEncoder
  >[1];
  const enc = new avro.streams.BlockEncoder(schema as avro.Schema, options);
  enc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => enc.on('end', r));
  for (const r of records) enc.write(r);
  enc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

const zigzag = (v: bigint): number[] => {
  let z = v >= 0n ? v << 1n : (-v << 1n) - 1n;
  const out: number[] = [];
  do {
    let b = Number(z & 0x7fn);
    z >>= 7n;
    if (z > 0n) b |= 0x80;
    out.push(b);
  } while (z > 0n);
  return out;
};

describe('readAvroContainer', () => {
  for (const codec of ['null', 'deflate'] as const) {
    it(`decodes every Avro type with the ${codec} codec`, async () => {
      const records = Array.from({ length: 300 }, (_, k) => ({ ...record, i: k }));
      const c = readAvroContainer(await encode(codec, records));
      expect(c.metadata['avro.codec']).toBe(codec);
      expect(c.metadata['custom']).toBe('x');
      expect(c.records).toHaveLength(300);
      expect(c.records[5]).toEqual({
        i: 5,
        l: 1234567890123n,
        opt: 'héllo',
        b: new Uint8Array([0, 255]),
        f: new Uint8Array([1, 2, 3, 4]),
        e: 'GREEN',
        arr: [1.5, -2],
        m: { a: 0.5 },
        flag: true,
        again: new Uint8Array([9, 9, 9, 9]),
      });
      expect(c.schema.type === 'record' && c.schema.fields[0]?.attrs['field-id']).toBe(1);
    });
  }

  it('keeps longs above 2^53 exact', () => {
    const big = 9007199254740993n;
    const header = Buffer.from('{"type":"long"}');
    const sync = new Array(16).fill(7);
    const key = Buffer.from('avro.schema');
    const body = [...zigzag(big), ...zigzag(-big)];
    const bytes = Uint8Array.from([
      ...Buffer.from('Obj\x01', 'latin1'),
      ...zigzag(1n),
      ...zigzag(BigInt(key.length)),
      ...key,
      ...zigzag(BigInt(header.length)),
      ...header,
      0,
      ...sync,
      ...zigzag(2n),
      ...zigzag(BigInt(body.length)),
      ...body,
      ...sync,
    ]);
    expect(readAvroContainer(bytes).records).toEqual([big, -big]);
  });

  it('rejects non-Avro input and corrupt sync markers', async () => {
    expect(() => readAvroContainer(new Uint8Array([1, 2, 3, 4]))).toThrow(/bad magic/);
    const bytes = await encode('null', [record]);
    bytes[bytes.length - 1] ^= 0xff;
    expect(() => readAvroContainer(bytes)).toThrow(/sync marker/);
  });

  it.skipIf(!haveFixtures())('reads a Java manifest list with snapshot ids above 2^53', () => {
    const dir = fixtureTable('java/bunnies');
    const c = readAvroContainer(
      readFileSync(
        resolve(dir, 'metadata/snap-9158179788527662767-1-a01399a1-e864-4562-b921-c8cb56e6e4a9.avro'),
      ),
    );
    expect(c.metadata['snapshot-id']).toBe('9158179788527662767');
    expect(c.records.map((r) => (r as { added_snapshot_id: bigint }).added_snapshot_id)).toContain(
      9158179788527662767n,
    );
  });
});
