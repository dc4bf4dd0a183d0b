import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBus } from '../../src/widget/bus';
import { loadDefinitions, type Definitions } from '../../src/widget/definitions';
import { createMemory, remember } from '../../src/widget/storage';
import { fakeWindow } from './widget-helpers';

afterEach(() => vi.restoreAllMocks());

describe('the event bus', () => {
  it('hands each event to its handlers; off() removes one', () => {
    const bus = createBus();
    const seen: unknown[] = [];
    const off = bus._on('impression', (e: never) => seen.push(e));
    bus._fire('impression', 1 as never);
    off();
    bus._fire('impression', 2 as never);
    expect(seen).toEqual([1]);
  });

  it('a handler that throws is reported as an error event, and the others still run', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bus = createBus();
    const seen: unknown[] = [];
    bus._on('response', () => {
      throw new Error('boom');
    });
    bus._on('response', (e: never) => seen.push(e));
    bus._on('error', (e: never) => seen.push(e));
    bus._fire('response', 'r' as never);
    expect(seen).toEqual([{ source: 'handler', message: 'an on("response") handler threw: Error: boom' }, 'r']);
    expect(errors).toHaveBeenCalledWith('[ressenti] an on("response") handler threw: Error: boom');
  });

  it('an error handler that throws is logged, not re-reported (no loop)', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bus = createBus();
    let calls = 0;
    bus._on('error', () => {
      calls++;
      throw new Error('again');
    });
    bus._report({ source: 'command', message: 'bad' });
    expect(calls).toBe(1);
    expect(errors.mock.calls).toEqual([['[ressenti] bad'], ['[ressenti] an on("error") handler threw: Error: again']]);
  });
});

/** A Storage over a Map. */
function fakeStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    key: (i: number) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  } as unknown as Storage & { map: Map<string, string> };
}

describe('consent and storage switching', () => {
  const win = () => Object.assign(fakeWindow(), { localStorage: fakeStorage(), sessionStorage: fakeStorage() }) as Window & { localStorage: ReturnType<typeof fakeStorage>; sessionStorage: ReturnType<typeof fakeStorage> };

  it('with consent, ids and history are stored at once', () => {
    const w = win();
    const m = createMemory(w, true, false);
    const visitor = m._visitor();
    remember(m, 'nps', 1000, true);
    expect(JSON.parse(w.localStorage.map.get('ressenti:visitor')!)).toBe(visitor);
    expect(JSON.parse(w.localStorage.map.get('ressenti:history')!)).toEqual({ seen: { nps: 1000 }, popover: 1000 });
    expect(JSON.parse(w.sessionStorage.map.get('ressenti:session')!)).toMatchObject({ n: 1 });
  });

  it('before consent nothing is stored; granting it stores what was kept in memory', () => {
    const w = win();
    const m = createMemory(w, false, false);
    const visitor = m._visitor();
    remember(m, 'nps', 1000, false);
    expect(w.localStorage.map.size + w.sessionStorage.map.size).toBe(0);
    m._consent(true);
    expect(JSON.parse(w.localStorage.map.get('ressenti:visitor')!)).toBe(visitor);
    expect(m._history()).toEqual({ seen: { nps: 1000 } });
  });

  it('withdrawing consent forgets everything stored and goes on from memory', () => {
    const w = win();
    const m = createMemory(w, true, false);
    m._visitor();
    m._session();
    m._consent(false);
    expect(w.localStorage.map.size + w.sessionStorage.map.size).toBe(0);
    m._visitor();
    remember(m, 'nps', 1000, true);
    expect(w.localStorage.map.size + w.sessionStorage.map.size).toBe(0);
    expect(m._session().n).toBe(1);
  });

  it('a sandboxed frame (storage throws on access) works from memory', () => {
    const w = fakeWindow();
    Object.defineProperty(w, 'localStorage', { get: () => { throw new Error('SecurityError'); } });
    const m = createMemory(w, true, false);
    expect(m._visitor()).toBe(m._visitor());
  });
});

describe('definitions loading and reporting', () => {
  const target = () => {
    const bus = createBus();
    const errors: unknown[] = [];
    bus._on('error', (e: never) => errors.push(e));
    const _fetchExtra = () => import('../../src/extra');
    return Object.assign(bus, { _surveys: [], _settings: {}, _fetchExtra, errors }) as ReturnType<typeof createBus> & Definitions & { _fetchExtra: typeof _fetchExtra; errors: unknown[] };
  };

  it('valid surveys and settings are kept; each problem is reported with its survey and path', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = target();
    const ok = { id: 'ok', questions: [{ id: 'q', type: 'emoji', text: 'Q' }], extra: 1 };
    const bad = { id: 'bad', questions: [{ id: 'q', type: 'rating', text: 'Q', scale: 12 }] };
    await loadDefinitions(w, { surveys: { surveys: [ok, bad], settings: { maxPerSession: 1 } } as never, strings: { en: { send: 'Go' } } as never }, fakeWindow());
    expect(w._surveys.map((s) => s.id)).toEqual(['ok']);
    expect(w._settings).toEqual({ maxPerSession: 1 });
    expect(w._strings).toEqual({ en: { send: 'Go' } });
    // Worded once the messages module has loaded.
    await vi.waitFor(() => expect(w.errors).toEqual([expect.objectContaining({ source: 'definitions', surveyId: 'bad', path: 'surveys[1].questions[0].scale' })]));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[ressenti\] surveys\[0\] "ok": extra is not a known field/));
  });

  it('thousands of problems are each reported, a hundred a task, so that none is a long task', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const w = target();
    const bad = Array.from({ length: 250 }, (_, i) => ({ id: 'bad-' + i, questions: [{ id: 'q', type: 'nope', text: 'Q' }] }));
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await loadDefinitions(w, { surveys: bad as never }, fakeWindow());
      await w._fetchExtra(); // the words are there, and the first hundred said
      await Promise.resolve();
      expect(w.errors).toHaveLength(100);
      vi.advanceTimersToNextTimer(); // the next task
      expect(w.errors).toHaveLength(200);
      vi.advanceTimersToNextTimer(); // the next task
      expect(w.errors).toHaveLength(250);
      expect(w.errors.at(-1)).toMatchObject({ surveyId: 'bad-249' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('definitions that cannot load are reported, and leave none; it never rejects', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const w = target();
    await loadDefinitions(w, { surveys: '#missing' }, Object.assign(fakeWindow(), { document: { getElementById: () => null } }) as never);
    expect(w._surveys).toEqual([]);
    expect(w.errors).toEqual([{ source: 'definitions', message: '"#missing": no element with id "missing"' }]);
  });
});
