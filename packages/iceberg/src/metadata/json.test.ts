import { expect, it } from 'vitest';
import { parseLosslessJson, stringifyLosslessJson, toBigInt } from './json.js';
it('keeps 16+ digit integers exact without touching strings or floats', () => {
  const t =
    '{"a": 9007199254740993, "b": "x 12345678901234567890 y", "c": [1.5, -12345678901234567, 1e300, 0.12345678901234567], "d": "\\"q\\" 1234567890123456789"}';
  const v = parseLosslessJson(t) as Record<string, unknown>;
  expect(toBigInt(v['a'], 'a')).toBe(9007199254740993n);
  expect(v['b']).toBe('x 12345678901234567890 y');
  expect(v['d']).toBe('"q" 1234567890123456789');
  expect(JSON.parse(stringifyLosslessJson(v)).b).toBe('x 12345678901234567890 y');
  expect(stringifyLosslessJson(v)).toBe(
    '{"a":9007199254740993,"b":"x 12345678901234567890 y","c":[1.5,-12345678901234567,1e+300,0.12345678901234566],"d":"\\"q\\" 1234567890123456789"}',
  );
  expect(stringifyLosslessJson({ x: 5n, y: -9007199254740993n })).toBe('{"x":5,"y":-9007199254740993}');
});
