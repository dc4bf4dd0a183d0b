import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEvent } from '../../src/delivery/events';
import { type Entry, MAX_AGE, save } from '../../src/delivery/outbox';
import { createSender } from '../../src/delivery/send';
import type { Core } from '../../src/widget/core';
import { deliver } from '../../src/widget/deliver';
import { createKV } from '../../src/platform/storage';
import type { EventType, FeedbackEvent, RessentiError } from '../../src/types';

const ENDPOINT = 'https://collect.example/feedback';
// The outbox keeps one key per event.
const KEY = 'ressenti:o:';

/** localStorage as two tabs of one site share it. */
function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  };
}

interface Request {
  url: string;
  init: RequestInit;
  events: FeedbackEvent[];
  reply(status: number, headers?: Record<string, string>): Promise<void>;
  fail(): Promise<void>;
}

/** A page: its own timers (faked), listeners, and a collector that answers when the test says. */
function fakePage() {
  const requests: Request[] = [];
  const doc = Object.assign(new EventTarget(), { hidden: false });
  const win = Object.assign(new EventTarget(), {
    document: doc,
    location: { href: 'https://shop.example/cart', origin: 'https://shop.example' },
    setTimeout: (f: () => void, ms?: number) => setTimeout(f, ms),
    clearTimeout: (t: number) => clearTimeout(t),
    fetch: (url: string, init: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'AbortError')));
        const settled = async (f: () => void) => {
          f();
          await vi.advanceTimersByTimeAsync(0);
        };
        requests.push({
          url,
          init,
          events: JSON.parse(init.body as string).events,
          reply: (status, headers) => settled(() => resolve(new Response(null, { status, headers }))),
          fail: () => settled(() => reject(new TypeError('Failed to fetch'))),
        });
      }),
  });
  const hide = () => {
    doc.hidden = true;
    doc.dispatchEvent(new Event('visibilitychange'));
  };
  const fire = (type: string) => win.dispatchEvent(new Event(type));
  // Listeners added and not yet removed, on the window and its document.
  let listeners = 0;
  for (const t of [win, doc]) {
    const [add, remove] = [t.addEventListener.bind(t), t.removeEventListener.bind(t)];
    t.addEventListener = (...a: Parameters<typeof add>) => (listeners++, add(...a));
    t.removeEventListener = (...a: Parameters<typeof remove>) => (listeners--, remove(...a));
  }
  return { win: win as unknown as Window, requests, hide, fire, listeners: () => listeners };
}

let n = 0;
const ev = (type: EventType = 'response', text = '') =>
  buildEvent(type, { responseId: 'r', surveyId: 's', moment: 'm', context: { n: ++n } }, { session: 'x' }, { answers: { why: text } });
const ids = (events: FeedbackEvent[]) => events.map((e) => e.eventId);
/** Outbox entries as a page stored them at `at`, not yet tried. */
const entries = (events: FeedbackEvent[], due = Date.now()) => events.map((event) => ({ event, attempts: 0, due }));
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

let storage: ReturnType<typeof memoryStorage>;
let errors: RessentiError[];
let page: ReturnType<typeof fakePage>;
const started: (() => void)[] = [];
/**
 * One page's delivery: its widget state as widget/deliver.ts and the sender read it, the sender
 * started as deliver() starts it (here at once, as on a page whose outbox was not empty). `push`
 * is the widget handing over events, `enable` a consent change, `dispose` destroy().
 */
const start = (o: { enabled?: boolean; kv?: ReturnType<typeof createKV>; win?: Window; endpoint?: string } = {}) => {
  const w = {
    _win: o.win ?? page.win,
    _kv: o.kv ?? createKV(storage),
    _consented: o.enabled ?? true,
    _options: { endpoint: o.endpoint ?? ENDPOINT },
    _me: Math.random(),
    _held: [],
    _report: (e: RessentiError) => errors.push(e),
  } as unknown as Core;
  const sender = createSender(w);
  w._sender = Promise.resolve(sender);
  const d = {
    push: (events: FeedbackEvent[]) => deliver(w, events),
    enable(on: boolean) {
      w._consented = on;
      deliver(w, []);
    },
    dispose: sender._dispose,
  };
  started.push(d.dispose);
  return d;
};
/** The next request starts `ms` from now, not a millisecond sooner. */
async function nextRequestIn(ms: number) {
  const before = page.requests.length;
  await tick(ms - 1);
  expect(page.requests).toHaveLength(before);
  await tick(1);
  expect(page.requests).toHaveLength(before + 1);
}
/** Nothing more is sent: not later, not on leaving the page, not when back online. */
async function noMoreRequests() {
  const before = page.requests.length;
  await tick(600_000);
  page.fire('pagehide');
  page.fire('online');
  expect(page.requests).toHaveLength(before);
}
const stored = () =>
  [...storage.data].filter(([k]) => k.startsWith(KEY)).map(([, v]) => JSON.parse(v) as Entry).sort((a, b) => a.event.ts.localeCompare(b.event.ts));

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-22T10:00:00Z') });
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  storage = memoryStorage();
  errors = [];
  page = fakePage();
});
afterEach(() => {
  started.splice(0).forEach((dispose) => dispose());
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('delivery', () => {
  it('events of the same instant go in one POST, as CORS-simple text/plain with keepalive', async () => {
    const d = start();
    const [a, b] = [ev('impression'), ev('response')];
    d.push([a]);
    d.push([b]);
    await tick();
    expect(page.requests).toHaveLength(1);
    const { url, init } = page.requests[0];
    expect(url).toBe(ENDPOINT);
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' });
    // The request as the platform builds it from this init: what goes on the wire.
    expect(new Request(url, init).headers.get('Content-Type')).toBe('text/plain;charset=UTF-8');
    expect(init.body).toBe(JSON.stringify({ events: [a, b] }));
  });

  it('the body is exactly {"events":[…]} and the outbox reads back the events, whatever the page did to toJSON and JSON.stringify', async () => {
    const native = JSON.stringify;
    const e = buildEvent('response', { responseId: 'r', surveyId: 's', moment: 'm', context: { tags: ['a', 'b'] } }, { session: 'x' }, { answers: { pick: ['x', 'y'] } });
    const expected = native({ events: [e] });
    try {
      // Prototype 1.6's Array#toJSON returns a string; an assigned Object.prototype.toJSON; a replaced JSON.stringify.
      Object.assign(Array.prototype, { toJSON: () => '["patched"]' });
      Object.assign(Object.prototype, { toJSON: () => 'patched' });
      JSON.stringify = () => '{"replaced":true}';
      start().push([e]);
      await tick();
      expect(page.requests[0].init.body).toBe(expected);
    } finally {
      JSON.stringify = native;
      delete (Array.prototype as { toJSON?: unknown }).toJSON;
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
    }
    expect(stored().map((x) => x.event)).toEqual([e]);
  });

  it('an answer is in storage the moment it is given, before any request', () => {
    const d = start();
    const e = ev();
    d.push([e]);
    expect(page.requests).toHaveLength(0);
    expect(ids(stored().map((x) => x.event))).toEqual([e.eventId]);
  });

  it('a new event waits for its first attempt at once, with no attempts yet', () => {
    const e = ev();
    start().push([e]);
    expect(stored()).toEqual([{ event: e, attempts: 0, due: Date.now(), page: expect.any(Number) }]);
  });

  it('after a 503 the answer is sent again with backoff, delivered once, and leaves the outbox', async () => {
    start().push([ev()]);
    await tick();
    await page.requests[0].reply(503);
    expect(stored()[0].attempts).toBe(1);
    await nextRequestIn(500); // full jitter: random 0.5 × 1 s
    expect(page.requests[1].events).toEqual(page.requests[0].events);
    await page.requests[1].reply(200);
    expect(stored()).toEqual([]);
    await noMoreRequests();
  });

  it('the wait doubles with each failure, up to five minutes', async () => {
    start().push([ev()]);
    await tick();
    for (let i = 0; i < 12; i++) {
      await page.requests.at(-1)!.reply(500);
      await nextRequestIn(0.5 * Math.min(300_000, 1000 * 2 ** i));
    }
  });

  it('a Retry-After in seconds or as an HTTP date is honoured', async () => {
    start().push([ev()]);
    await tick();
    await page.requests[0].reply(429, { 'Retry-After': '30' });
    await nextRequestIn(30_000);
    await page.requests[1].reply(503, { 'Retry-After': new Date(Date.now() + 120_000).toUTCString() });
    await nextRequestIn(120_000);
  });

  it('once the collector answers again, events still backing off from the outage go at once', async () => {
    const d = start();
    const old = ev();
    d.push([old]);
    await tick();
    for (const wait of [500, 1000]) {
      await page.requests.at(-1)!.reply(503);
      await nextRequestIn(wait);
    }
    await page.requests.at(-1)!.reply(503); // the next try would be in 2 s
    const fresh = ev();
    d.push([fresh]);
    await tick();
    expect(ids(page.requests.at(-1)!.events)).toEqual([fresh.eventId]);
    await page.requests.at(-1)!.reply(200); // the collector is back
    expect(ids(page.requests.at(-1)!.events)).toEqual([old.eventId]);
    await page.requests.at(-1)!.reply(200);
    expect(stored()).toEqual([]);
    await noMoreRequests();
  });

  it('a Retry-After still holds when the collector accepts other events meanwhile', async () => {
    const d = start();
    d.push([ev()]);
    await tick();
    await page.requests[0].reply(503, { 'Retry-After': '60' });
    d.push([ev()]);
    await tick();
    await page.requests[1].reply(200);
    expect(page.requests).toHaveLength(2);
    page.fire('pagehide'); // not even on leaving: the collector asked for 60 s
    expect(page.requests).toHaveLength(2);
    await nextRequestIn(60_000);
  });

  it('a 400 is final: the events are dropped and reported once', async () => {
    const d = start();
    d.push([ev(), ev()]);
    await tick();
    await page.requests[0].reply(400);
    expect(errors).toEqual([{ source: 'delivery', message: `${ENDPOINT}: HTTP 400, dropped 2 events` }]);
    expect(stored()).toEqual([]);
    await noMoreRequests();
  });

  it('a collector that hangs is given up after 10 s and tried again', async () => {
    start().push([ev()]);
    await tick();
    await tick(9_999);
    expect(stored()[0].attempts).toBe(0);
    await tick(1);
    expect(page.requests[0].init.signal!.aborted).toBe(true);
    await vi.runOnlyPendingTimersAsync(); // a failed fetch settles a task later (see send.ts)
    expect(stored()[0].attempts).toBe(1);
    await nextRequestIn(500);
    await page.requests[1].reply(204);
    expect(stored()).toEqual([]);
  });

  it('when the connection comes back, waiting events go at once', async () => {
    start().push([ev()]);
    await tick();
    await page.requests[0].fail();
    expect(stored()[0].attempts).toBe(1); // backing off
    page.fire('online');
    expect(page.requests).toHaveLength(2);
  });

  it('events an earlier page left in the outbox are sent when the next page starts', async () => {
    const left = [ev(), ev('dismissal')];
    save(createKV(storage), entries(left, Date.now() - 60_000)); // stored a minute ago
    start();
    await tick();
    expect(ids(page.requests[0].events)).toEqual(ids(left));
  });

  it('events older than the age bound are dropped on start, and that is reported', async () => {
    const old = ev();
    save(createKV(storage), entries([old]));
    vi.setSystemTime(Date.now() + MAX_AGE);
    start();
    await tick();
    expect(page.requests).toHaveLength(0);
    expect(errors).toEqual([{ source: 'outbox', message: expect.stringContaining('dropped 1 events') }]);
  });

  it('without consent nothing is sent, not even on leaving; consent sends what waited', async () => {
    const d = start({ enabled: false });
    const e = ev();
    d.push([e]);
    await tick(60_000);
    page.fire('pagehide');
    expect(page.requests).toHaveLength(0);
    d.enable(true);
    await tick();
    expect(ids(page.requests[0].events)).toEqual([e.eventId]);
  });

  it('on consent, answers given before it join what earlier pages left: none is lost', async () => {
    const left = ev();
    save(createKV(storage), entries([left], Date.now() - 60_000)); // stored a minute ago
    const kv = createKV(null); // consent pending: memory only
    const d = start({ kv, enabled: false });
    const early = ev();
    d.push([early]);
    await tick();
    expect(ids(stored().map((x) => x.event))).not.toContain(early.eventId); // nothing stored before consent
    kv.use(storage);
    d.enable(true);
    expect(ids(stored().map((x) => x.event))).toContain(early.eventId);
    await tick();
    expect(ids(page.requests[0].events)).toEqual([left.eventId, early.eventId]);
  });

  it('consent withdrawn: later events wait', async () => {
    const d = start();
    d.enable(false);
    d.push([ev()]);
    await tick(60_000);
    expect(page.requests).toHaveLength(0);
  });

  it('a second tab does not send events the first one is sending', async () => {
    start().push([ev()]);
    await tick();
    expect(page.requests).toHaveLength(1);

    const tab2 = fakePage();
    start({ win: tab2.win });
    await tick();
    page.fire('pagehide'); // tab 1 leaving does not make tab 2 send
    tab2.fire('pagehide');
    expect(tab2.requests).toHaveLength(0);
    expect(page.requests).toHaveLength(1);

    await page.requests[0].reply(200);
    await tick(60_000);
    expect(tab2.requests).toHaveLength(0);
  });

  it('events whose tab vanished mid-request are sent by another tab once the lease ends', async () => {
    const tab1 = start();
    const e = ev();
    tab1.push([e]);
    await tick();
    tab1.dispose(); // the tab closed while its request hangs

    const tab2 = fakePage();
    start({ win: tab2.win });
    await tick(14_999);
    expect(tab2.requests).toHaveLength(0);
    await tick(1);
    expect(ids(tab2.requests[0].events)).toEqual([e.eventId]);
  });

  it('leaving the page flushes events waiting out a backoff, with keepalive', async () => {
    start().push([ev()]);
    await tick();
    for (let i = 0; i < 8; i++) await page.requests.at(-1)!.reply(503).then(() => tick(0.5 * 1000 * 2 ** i));
    await page.requests.at(-1)!.reply(503); // the next try would be in 128 s
    page.fire('pagehide');
    expect(page.requests).toHaveLength(10);
    expect(page.requests[9].init.keepalive).toBe(true);
  });

  it('hiding the tab flushes too, but not events already in flight', async () => {
    const d = start();
    d.push([ev()]);
    await tick();
    const late = ev();
    d.push([late]);
    page.hide(); // before the zero-delay timer
    expect(page.requests).toHaveLength(2);
    expect(ids(page.requests[1].events)).toEqual([late.eventId]);
  });

  it('a large backlog goes in requests of at most 64 KB in flight, all delivered once', async () => {
    const backlog = Array.from({ length: 150 }, () => ev('response', 'é'.repeat(500)));
    start().push(backlog);
    await tick();
    const sent: string[] = [];
    for (let i = 0; i < page.requests.length; i++) {
      const r = page.requests[i];
      expect(new TextEncoder().encode(r.init.body as string).length).toBeLessThanOrEqual(64_000);
      expect(page.requests).toHaveLength(i + 1); // the next one waits: both in flight would exceed the budget
      sent.push(...ids(r.events));
      await r.reply(200);
    }
    expect(sent).toEqual(ids(backlog));
    expect(page.requests.length).toBeGreaterThan(2);
  });

  it('dispose removes every listener and timer', async () => {
    const d = start();
    d.push([ev()]);
    await tick();
    await page.requests[0].reply(503);
    d.push([ev()]);
    await tick(); // a request in flight, with its timeout
    d.push([ev()]); // the one wake-up timer, now for a send about to start
    expect(vi.getTimerCount()).toBe(2);
    expect(page.listeners()).toBeGreaterThan(0);
    d.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(page.listeners()).toBe(0);
    page.fire('pagehide');
    page.fire('online');
    page.hide();
    await tick(600_000);
    expect(page.requests).toHaveLength(2);
  });

  it('with storage that throws on every access, events are still delivered', async () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    const e = ev();
    start({ kv: createKV(broken) }).push([e]);
    await tick();
    expect(ids(page.requests[0].events)).toEqual([e.eventId]);
  });

  it('an event acknowledged with a 2xx is never sent again, even if storage cannot forget it', async () => {
    const d = start();
    d.push([ev()]);
    await tick();
    storage.setItem = storage.removeItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    await page.requests[0].reply(200);
    expect(stored()).not.toEqual([]); // the stale copy
    await noMoreRequests();
  });
});

describe('delivery: volume, the keepalive quota, leaving', () => {
  /** Answers every request, in order, until none is left; returns the ids they carried. */
  async function answerAll(status = 204) {
    const sent: string[] = [];
    for (let i = 0; i < page.requests.length; i++) {
      sent.push(...ids(page.requests[i].events));
      await page.requests[i].reply(status);
    }
    return sent;
  }

  it('a burst of 1,000 events from one task, with a healthy collector: every one is delivered once, none dropped', async () => {
    const d = start();
    const burst = Array.from({ length: 1000 }, () => ev('impression'));
    for (const e of burst) d.push([e]);
    await tick();
    expect(stored()).toHaveLength(1000);
    expect((await answerAll()).sort()).toEqual(ids(burst).sort());
    expect(errors).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it('while the collector fails, the outbox keeps 500 events: the oldest impressions go first, and that is reported', async () => {
    const d = start();
    const answers = Array.from({ length: 100 }, () => ev('response'));
    d.push(answers);
    d.push(Array.from({ length: 500 }, () => ev('impression')));
    await tick();
    expect(stored()).toHaveLength(600); // nothing is dropped while the collector may take them
    await page.requests[0].reply(503);
    expect(stored()).toHaveLength(500);
    expect(ids(stored().map((x) => x.event).filter((e) => e.type == 'response'))).toEqual(ids(answers));
    expect(errors).toContainEqual({ source: 'outbox', message: 'outbox over 500 events or 7 days: dropped 100 events' });
  });

  it('keepalive bodies in flight stay within the 64 KB quota: beyond it a request goes without keepalive; the quota frees once a response is read', async () => {
    const d = start();
    d.push(Array.from({ length: 100 }, () => ev('response', 'x'.repeat(500))));
    await tick();
    d.push([ev()]); // while the first request is in flight
    await tick();
    const [first, second] = page.requests;
    expect(first.init.keepalive).toBe(true);
    expect(new TextEncoder().encode(first.init.body as string).length).toBeLessThanOrEqual(64_000);
    expect(second.init.keepalive).toBe(false); // both in flight with keepalive would exceed the quota
    await first.reply(204);
    await second.reply(204);
    d.push([ev()]);
    await tick();
    expect(page.requests.at(-1)!.init.keepalive).toBe(true);
  });

  it.each([
    ['leaves (pagehide)', () => page.fire('pagehide')],
    ['hides the tab', () => page.hide()],
  ])('once the visitor %s, a request in flight is let finish however long the collector stalls, not aborted after 10 s', async (_, leave) => {
    start().push([ev()]);
    await tick();
    leave();
    await tick(60_000);
    expect(page.requests[0].init.signal!.aborted).toBe(false);
    await page.requests[0].reply(204);
    expect(stored()).toEqual([]);
  });

  it('leaving while a request without keepalive hangs sends its events again with keepalive, once the quota allows; the outbox empties once either is answered', async () => {
    const d = start();
    d.push(Array.from({ length: 100 }, () => ev('response', 'x'.repeat(500))));
    await tick();
    const answer = ev('response', 'given while the collector stalls');
    d.push([answer]);
    await tick();
    const [big, hanging] = page.requests;
    expect(hanging.init.keepalive).toBe(false); // the quota was taken by the first request
    page.hide(); // the quota is still taken: nothing fits
    expect(page.requests).toHaveLength(2);
    await big.reply(204);
    expect(page.requests).toHaveLength(2); // its events are leased: nothing else goes
    page.fire('pagehide');
    expect(page.requests).toHaveLength(3);
    expect(page.requests[2].init.keepalive).toBe(true);
    expect(ids(page.requests[2].events)).toEqual(ids(hanging.events));
    expect(ids(hanging.events)).toContain(answer.eventId);
    page.fire('pagehide'); // once
    expect(page.requests).toHaveLength(3);
    await page.requests[2].reply(204);
    expect(stored()).toEqual([]);
    await hanging.reply(204); // the collector de-duplicates on eventId
    expect(stored()).toEqual([]);
  });

  it('a network error from a collector on another origin says it may lack Access-Control-Allow-Origin; on the same origin, or a timeout, it does not', async () => {
    start().push([ev()]);
    await tick();
    await page.requests[0].fail();
    expect(errors.pop()).toEqual({ source: 'delivery', message: `${ENDPOINT}: network error (a collector on another origin may lack Access-Control-Allow-Origin, or the page's CSP may not allow it in connect-src), will retry` });

    started.splice(0).forEach((dispose) => dispose());
    storage.clear();
    page = fakePage();
    start({ endpoint: '/collect' }).push([ev()]);
    await tick();
    await page.requests[0].fail();
    expect(errors.pop()).toEqual({ source: 'delivery', message: '/collect: network error, will retry' });

    started.splice(0).forEach((dispose) => dispose());
    storage.clear();
    page = fakePage();
    start().push([ev()]);
    await tick(10_000);
    await vi.runOnlyPendingTimersAsync(); // a failed fetch settles a task later (see send.ts)
    expect(errors.pop()).toEqual({ source: 'delivery', message: `${ENDPOINT}: no answer, will retry` });
  });

  it('an entry an earlier version stored ({e, n, at, lease, by}) is sent, and rewritten in today\'s format when retried', async () => {
    const e = ev();
    storage.setItem(KEY + e.eventId, JSON.stringify({ e, n: 3, at: Date.now() - 1000, by: 0.25 }));
    start();
    await tick();
    expect(ids(page.requests[0].events)).toEqual([e.eventId]);
    await page.requests[0].reply(503);
    expect(stored()).toEqual([{ event: e, attempts: 1, due: expect.any(Number), lease: null, page: expect.any(Number) }]);
  });
});
