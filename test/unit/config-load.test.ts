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

describe('loading JSON from a URL', () => {
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
