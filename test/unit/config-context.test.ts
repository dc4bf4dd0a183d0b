// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonSafe } from '../../src/config/context';

afterEach(() => vi.restoreAllMocks());

describe('context values JSON cannot carry', () => {
  it('are left out with one warning naming them; the rest is kept as JSON has it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const given = {
      cart: 42,
      page: 'home',
      gone: undefined,
      circular,
      big: 10n,
      fn: () => 1,
      get boom(): never {
        throw new Error('getter');
      },
      when: new Date(0),
      node: document.body, // its JSON would be {}
      nodes: [document.body, 1],
    } as never;
    expect(jsonSafe(given)).toEqual({ cart: 42, page: 'home', gone: undefined, when: '1970-01-01T00:00:00.000Z', nodes: [null, 1] });
    expect(warn.mock.calls).toEqual([['[ressenti] context: circular, big, fn, boom, node left out (JSON cannot carry them)']]);
  });

  it('is a copy taken when given: a later change to the object does not reach events', () => {
    const given = { tags: ['a'] } as never as { tags: string[] };
    const safe = jsonSafe(given as never);
    given.tags.push('b');
    expect(safe).toEqual({ tags: ['a'] });
  });

  it('says nothing when every value is fine, or there is no context', () => {
    const warn = vi.spyOn(console, 'warn');
    expect(jsonSafe({ a: 1, b: null, c: true })).toEqual({ a: 1, b: null, c: true });
    expect(jsonSafe(undefined)).toEqual({});
    expect(warn).not.toHaveBeenCalled();
  });

  it('takes own keys only: what a Prototype.js or MooTools page added to Object.prototype is neither copied nor warned about', () => {
    const warn = vi.spyOn(console, 'warn');
    const proto = Object.prototype as Record<string, unknown>;
    proto.toJSON = function () {
      return this;
    };
    proto.extend = 'added';
    try {
      expect(Object.keys(jsonSafe({ a: 1 }))).toEqual(['a']);
    } finally {
      delete proto.toJSON;
      delete proto.extend;
    }
    expect(warn).not.toHaveBeenCalled();
  });
});
