// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadJSON } from '../../src/config/load';

/** A window whose fetch answers with `respond`. */
const withFetch = (respond: (url: string, init?: RequestInit) => Promise<Response>) => {
  const fetch = vi.fn(respond);
  return { win: Object.assign(Object.create(window), { fetch }) as Window, fetch };
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('loading JSON from the page', () => {
  it('reads an inline JSON script by id', async () => {
    document.body.innerHTML = '<script type="application/json" id="defs">{"surveys":[{"id":"a"}]}</script>';
    await expect(loadJSON('#defs', window)).resolves.toEqual({ surveys: [{ id: 'a' }] });
  });

  it('says when no element has that id', async () => {
    await expect(loadJSON('#defs', window)).rejects.toThrow('"#defs": no element with id "defs"');
  });

  it('says when the inline text is not JSON', async () => {
    document.body.innerHTML = '<script type="application/json" id="defs">{surveys: []}</script>';
    await expect(loadJSON('#defs', window)).rejects.toThrow(/^"#defs": invalid JSON \(.+\)$/);
  });
});

describe('inline JSON placed after the script, or still streaming in', () => {
  /** A document the parser is still writing: `defs` is what getElementById finds; `ready()` fires DOMContentLoaded. */
  const streaming = (defs: (id: string) => Partial<HTMLElement> | null) => {
    const listeners: EventListener[] = [];
    const document = { readyState: 'loading', getElementById: defs };
    const win = { document, addEventListener: (_: string, fn: EventListener) => listeners.push(fn) } as unknown as Window;
    return { win, ready: () => ((document.readyState = 'interactive'), listeners.forEach((fn) => fn(new Event('DOMContentLoaded')))) };
  };

  it('waits for DOMContentLoaded before saying the element is missing', async () => {
    let el: Partial<HTMLElement> | null = null;
    const { win, ready } = streaming((id: string) => (id == 'defs' ? el : null));
    const loaded = loadJSON('#defs', win);
    el = { textContent: '[{"id":"a"}]' };
    ready();
    await expect(loaded).resolves.toEqual([{ id: 'a' }]);
    await expect(loadJSON('#other', win)).rejects.toThrow('"#other": no element with id "other"');
  });

  it('does not read an element the parser is still writing (nothing after it yet)', async () => {
    const el: Partial<HTMLElement> = { textContent: '[{"id":', nextSibling: null };
    const { win, ready } = streaming(() => el);
    const loaded = loadJSON('#defs', win);
    el.textContent = '[{"id":"a"}]';
    ready();
    await expect(loaded).resolves.toEqual([{ id: 'a' }]);
  });

  it('reads at once an element the parser is past', async () => {
    const { win } = streaming(() => ({ textContent: '[]', nextSibling: {} as ChildNode }));
    await expect(loadJSON('#defs', win)).resolves.toEqual([]);
  });
});

describe('loading JSON from a URL', () => {
  it('gives up a URL that never answers after 10 s', async () => {
    vi.useFakeTimers();
    try {
      const { win } = withFetch(() => new Promise(() => {}));
      const loaded = loadJSON('/s.json', Object.assign(win, { setTimeout }));
      const settled = vi.fn();
      loaded.catch(settled);
      await vi.advanceTimersByTimeAsync(9_999);
      expect(settled).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await expect(loaded).rejects.toThrow(new Error('"/s.json": no answer within 10 s'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('fetches it with the page’s credentials only and parses the body', async () => {
    const { win, fetch } = withFetch(async () => new Response('[{"id":"a"}]', { headers: { 'content-type': 'text/plain' } }));
    await expect(loadJSON('/s.json', win)).resolves.toEqual([{ id: 'a' }]);
    expect(fetch).toHaveBeenCalledWith('/s.json');
  });

  it('names the source and the HTTP status when the server refuses', async () => {
    const { win } = withFetch(async () => new Response('Not found', { status: 404 }));
    await expect(loadJSON('/s.json', win)).rejects.toThrow(new Error('"/s.json": HTTP 404'));
  });

  it('names the source when the connection drops while the body arrives', async () => {
    const { win } = withFetch(async () => Object.assign(new Response('{'), { text: () => Promise.reject(new TypeError('terminated')) }));
    await expect(loadJSON('/s.json', win)).rejects.toThrow(new Error('"/s.json": network error'));
  });

  it('names the source when the body is not JSON', async () => {
    const { win } = withFetch(async () => new Response('<!doctype html><p>Shop</p>'));
    await expect(loadJSON('/s.json', win)).rejects.toThrow(/^"\/s\.json": invalid JSON \(.+\)$/);
  });

  it('names the source when the network fails', async () => {
    const { win } = withFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(loadJSON('/s.json', win)).rejects.toThrow(new Error('"/s.json": network error'));
  });

  it('rejects rather than throws when the page has no fetch at all', async () => {
    const win = Object.assign(Object.create(window), { fetch: undefined }) as Window;
    const loading = loadJSON('/s.json', win);
    await expect(loading).rejects.toThrow(new Error('"/s.json": network error'));
  });
});
