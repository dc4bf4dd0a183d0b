import { afterEach, describe, expect, it } from 'vitest';
import { json } from '../../src/platform/json';

const plain = {
  v: 1,
  text: 'Ça va ? "quoted" \\ back\\slash, emoji 😀, tab\tnewline\n, nul\u0000',
  list: ['a', 2, true, null, { deep: [[]] }],
  empty: {},
  n: -0.5e-7,
  big: 1e21,
};

const native = JSON.stringify;
afterEach(() => {
  JSON.stringify = native;
  delete (Array.prototype as { toJSON?: unknown }).toJSON;
  delete (Object.prototype as { toJSON?: unknown }).toJSON;
});

describe('json', () => {
  it('writes plain data as JSON.stringify reads it back', () => {
    expect(JSON.parse(json(plain)!)).toEqual(plain);
    // Escapes aside, the same text as JSON.stringify.
    const simple = { a: [1, 'b', false, null], c: { d: 'é€😀' } };
    expect(json(simple)).toBe(native(simple));
  });

  it('leaves out what JSON leaves out, and writes null where JSON does', () => {
    expect(json({ a: undefined, f: () => 1, b: 1 })).toBe('{"b":1}');
    expect(json([undefined, () => 1, NaN, Infinity, -Infinity])).toBe('[null,null,null,null,null]');
    expect(json(undefined)).toBeUndefined();
  });

  it('writes a date as its ISO time, an invalid one as null, as Date#toJSON would, even when a page replaced it', () => {
    const toJSON = Date.prototype.toJSON;
    Date.prototype.toJSON = () => '"patched"'; // Prototype 1.6 returns a quoted string
    try {
      expect(json({ d: new Date(0), bad: new Date(NaN) })).toBe('{"d":"1970-01-01T00:00:00.000Z","bad":null}');
    } finally {
      Date.prototype.toJSON = toJSON;
    }
  });

  it('escapes lone surrogates, so the text stays valid UTF-8; keeps pairs as they are', () => {
    expect(json('a\ud800b\udc00')).toBe('"a\\ud800b\\udc00"');
    expect(JSON.parse(json('\ud83d\ude00 \ud83d')!)).toBe('\ud83d\ude00 \ud83d');
    expect(json('\ud83d\ude00')).toBe('"\ud83d\ude00"');
  });

  it('ignores what a page did to toJSON and JSON.stringify (Prototype.js, old MooTools)', () => {
    const expected = json(plain);
    // Prototype 1.6: an array's toJSON returns its JSON as a string.
    Object.assign(Array.prototype, { toJSON: () => '["patched"]' });
    // Assigned, so enumerable: for…in would see it everywhere.
    Object.assign(Object.prototype, { toJSON: () => 'patched' });
    JSON.stringify = () => '{"replaced":true}';
    expect(json(plain)).toBe(expected);
  });
});
