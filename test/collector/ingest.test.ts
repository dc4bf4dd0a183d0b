import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_URL, display, event, startCollector, useCollector, type TestCollector } from './helpers';

describe('POST /collect', () => {
  const c = useCollector();
  const count = async () => (await c.current.collector.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ressenti_events'))[0].n;

  it('stores the events of a text/plain body and says how many it accepted', async () => {
    const res = await c.current.post(display([{ mood: 4 }]));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await count()).toBe(2);
  });

  it('reads the body as JSON whatever its content type', async () => {
    for (const type of ['application/json', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
      expect(await (await c.current.post([event()], { 'Content-Type': type })).json()).toMatchObject({ accepted: 1 });
    }
    expect(await count()).toBe(3);
  });

  it('counts a retried event as a duplicate and stores it once, within a batch too', async () => {
    const e = event();
    await c.current.post([e]);
    expect(await (await c.current.post([e, e, event()])).json()).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
    expect(await count()).toBe(2);
  });

  it('refuses each bad event with its index and reason and keeps the rest of the batch', async () => {
    const body = [
      event(),
      { ...event(), v: 2 },
      { ...event(), eventId: '' },
      { ...event(), type: 'click' },
      { ...event(), ts: 'yesterday' },
      event({ type: 'response', answers: undefined }),
      { ...event(), context: 'x' },
      'not an event',
      { ...event(), surveyId: 'x'.repeat(201) },
      event({ type: 'response', answers: { mood: 5 }, complete: true }),
    ];
    const res = await c.current.post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, reason: 'v: must be 1 (got 2)' },
        { index: 2, reason: 'eventId: must be a non-empty string of at most 200 characters' },
        { index: 3, reason: 'type: must be one of impression, response, dismissal' },
        { index: 4, reason: 'ts: must be an ISO 8601 date-time from 1970 on' },
        { index: 5, reason: 'answers: a response must carry an answers object' },
        { index: 6, reason: 'context: must be an object' },
        { index: 7, reason: 'event: must be an object' },
        { index: 8, reason: 'surveyId: must be a non-empty string of at most 200 characters' },
      ],
    });
    expect(await count()).toBe(2);
  });

  it('stores text PostgreSQL cannot hold (NUL, lone surrogates) as U+FFFD instead of failing the batch', async () => {
    const e = event({ type: 'response', answers: { why: 'a\u0000b\ud800c' }, context: { path: '/\u0000' } });
    expect(await (await c.current.post([e, event()])).json()).toMatchObject({ accepted: 2 });
    const [row] = await c.current.collector.db.query<{ answers: { why: string }; path: string }>('SELECT answers, path FROM ressenti_events WHERE event_id = $1', [e.eventId]);
    expect(row).toEqual({ answers: { why: 'a\ufffdb\ufffdc' }, path: '/\ufffd' });
  });

  it('answers 400 with the reason when the body is not {"events": [...]}', async () => {
    for (const body of ['not json', '{"event":[]}', '[]', 'null']) {
      const res = await fetch(`${c.current.url}/collect`, { method: 'POST', body });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/not JSON|expected \{"events"/);
    }
  });

  it('answers 413 to a body over 1 MiB, sent with or without a Content-Length', async () => {
    const big = JSON.stringify({ events: [event({ context: { pad: 'x'.repeat(1 << 20) } })] });
    expect((await fetch(`${c.current.url}/collect`, { method: 'POST', body: big })).status).toBe(413);
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await fetch(`${c.current.url}/collect`, { method: 'POST', body: chunked, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await count()).toBe(0);
  });

  it('answers a batch in well under 50 ms on loopback', async () => {
    await c.current.post([event()]); // warm up: first query plans
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await (await c.current.post(display([{ mood: 4 }, { mood: 4, why: 'fine' }]))).json();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    expect(times[10], `median of ${times.map(Math.round).join(', ')} ms`).toBeLessThan(50);
  });

  it(`runs on ${DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}`, async () => {
    expect(await (await fetch(`${c.current.url}/health`)).json()).toEqual({ ok: true, db: DATABASE_URL ? 'postgres' : 'pglite' });
  });
});

describe('rate limit', () => {
  let c: TestCollector;
  afterEach(() => c.close());

  it('answers 429 with Retry-After past the per-address rate, and CORS lets the page read it', async () => {
    c = await startCollector({ rate: 3, origins: ['https://shop.example'] });
    const headers = { Origin: 'https://shop.example' };
    for (let i = 0; i < 3; i++) expect((await c.post([event()], headers)).status).toBe(200);
    const res = await c.post([event()], headers);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });
});

describe('CORS', () => {
  let c: TestCollector;
  afterEach(() => c.close());

  it('allows the listed origins, exposes Retry-After, and refuses other pages with a reason', async () => {
    c = await startCollector({ origins: 'https://shop.example, https://www.shop.example' });
    const ok = await c.post([event()], { Origin: 'https://www.shop.example' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.shop.example');
    expect(ok.headers.get('access-control-expose-headers')).toBe('Retry-After');
    const refused = await c.post([event()], { Origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect((await refused.json()).error).toContain('RESSENTI_ORIGINS');
  });

  it('by default takes events from pages of its own origin and from non-browser clients only', async () => {
    c = await startCollector();
    expect((await c.post([event()], { Origin: c.url })).status).toBe(200);
    expect((await c.post([event()])).status).toBe(200);
    expect((await c.post([event()], { Origin: 'https://shop.example' })).status).toBe(403);
  });

  it('allows any page only when asked for with *', async () => {
    c = await startCollector({ origins: '*' });
    const res = await c.post([event()], { Origin: 'https://anyone.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a preflight for an allowed origin', async () => {
    c = await startCollector({ origins: ['https://shop.example'] });
    const res = await fetch(`${c.url}/collect`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-methods')).toBe('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type');
  });
});

describe('forwarding (RESSENTI_FORWARD_URL)', () => {
  let c: TestCollector;
  afterEach(() => c.close());

  it('POSTs each batch of new events, in SPEC form, to the owner pipeline, without the duplicates', async () => {
    const received: { events: { eventId: string }[] }[] = [];
    let arrived: () => void;
    const twoBatches = new Promise<void>((done) => (arrived = done));
    const pipeline = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk)).on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
        if (received.length === 2) arrived();
      });
    });
    await new Promise<void>((done) => pipeline.listen(0, '127.0.0.1', done));
    c = await startCollector({ forwardUrl: `http://127.0.0.1:${(pipeline.address() as AddressInfo).port}/in` });
    const first = display([{ mood: 2, why: 'slow' }]);
    await c.post(first);
    await c.post([first[0], event()]);
    await twoBatches;
    pipeline.close();
    expect(received[0].events).toEqual(first.map((e) => ({ ...e, ...(e.type === 'response' && { complete: true }) })));
    expect(received[1].events.map((e) => e.eventId)).toHaveLength(1);
  });
});
