// Durable delivery in Chromium against a collector that fails, hangs and goes away on purpose:
// every answer reaches it once (after de-duplication on eventId), whatever the network or the visitor does.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it, onTestFinished } from 'vitest';
import type { FeedbackEvent } from '../../src/types';
import { countPosts, describeBrowser, htmlPage, launchPersistent, nextTask, posts, profileDir, startServer, useBrowser, type Server } from './harness';
import { HOST, journeyPage, loaded, ressenti } from './journey-helpers';

const defs = {
  surveys: [
    { id: 'mood', questions: [{ id: 'mood', type: 'emoji', text: 'How is your visit going?' }] },
    {
      id: 'two',
      questions: [
        { id: 'mood', type: 'emoji', text: 'How was checkout?' },
        { id: 'ok', type: 'thumbs', text: 'Did you find everything?' },
      ],
    },
  ],
};

/** Shows the one-question survey and picks "Delighted"; resolves on the thanks screen. */
async function answer(page: Page) {
  await ressenti(page, 'show', 'mood');
  const widget = page.locator(HOST);
  await widget.getByRole('button', { name: /delighted/i }).click();
  await widget.getByText(/thank/i).waitFor();
}

const responses = (events: FeedbackEvent[]) => events.filter((e) => e.type === 'response');
/** What the outbox holds now (one `ressenti:o:<eventId>` key per event), as JSON; null when empty. */
const outbox = (page: Page) =>
  page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:'));
    return keys.length ? JSON.stringify(keys.map((k) => JSON.parse(localStorage.getItem(k)!))) : null;
  });
/** The requests that carried this event, in arrival order. */
const carrying = (server: Server, event: FeedbackEvent) => server.collector.requests.filter((r) => r.body.includes(event.eventId));

describeBrowser('durable delivery', () => {
  const t = useBrowser();

  beforeAll(() => {
    t.server.pages.set('/shop.html', journeyPage(t.server, '<h1>Shop</h1><button id="buy">Buy</button>', defs));
    t.server.pages.set('/next.html', journeyPage(t.server, '<h1>Next page</h1>', defs));
    t.server.pages.set('/bye.html', htmlPage('<h1>Another site section, without Ressenti</h1>'));
  });

  it('every answer arrives exactly once when the collector answers 503 to its first requests', async () => {
    const { collector } = t.server;
    collector.failNext(3, 503);
    const { page, log } = await t.open('/shop.html');
    await ressenti(page, 'show', 'two');
    const widget = page.locator(HOST);
    await widget.getByRole('button', { name: /delighted/i }).click();
    await widget.getByRole('button', { name: 'Yes', exact: true }).click();
    await widget.getByRole('button', { name: /send/i }).click();
    // Picking a face moves on, picking a thumb records it, Send finishes: three responses.
    const events = await collector.waitFor((e) => e.length === 4, 20_000);
    expect(events.filter((e) => e.type === 'impression')).toHaveLength(1);
    expect(responses(events).map((e) => [e.answers, e.complete])).toEqual(
      expect.arrayContaining([
        [{ mood: 5 }, false],
        [{ mood: 5, ok: 'up' }, false],
        [{ mood: 5, ok: 'up' }, true],
      ]),
    );
    expect(collector.requests.filter((r) => r.status === 503)).toHaveLength(3);
    expect(collector.duplicates).toBe(0);
    await expect.poll(() => outbox(page)).toBeNull();
    expect(log.errors).toEqual([]);
  });

  it.each([503, 429])('an HTTP %i with Retry-After: 2 is retried no sooner than two seconds later, other events still go', async (status) => {
    const { collector } = t.server;
    collector.failNext(1, status, { 'Retry-After': '2' });
    const { page } = await t.open('/shop.html');
    await ressenti(page, 'show', 'mood');
    await expect.poll(() => collector.requests[0]?.status).toBe(status);
    // The answer given meanwhile goes at once; it must not carry the impression early.
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    const events = await collector.waitFor((e) => e.some((x) => x.type === 'impression') && e.some((x) => x.type === 'response'));
    const impression = events.find((e) => e.type === 'impression')!;
    const [failed, retry] = carrying(t.server, impression);
    expect(retry.at - failed.at).toBeGreaterThanOrEqual(1900);
    expect(retry.at - failed.at).toBeLessThan(5000);
    expect(carrying(t.server, responses(events)[0])[0].at).toBeLessThan(retry.at);
    expect(collector.duplicates).toBe(0);
  });

  it('an answer the collector refuses with 400 is dropped with a console error and the error event, never sent again', async () => {
    const { collector } = t.server;
    const { page, log } = await t.open('/shop.html');
    await page.evaluate(() => {
      const w = window as unknown as { errors: unknown[]; ressenti: (...a: unknown[]) => void };
      w.errors = [];
      w.ressenti('on', 'error', (e: unknown) => w.errors.push(e));
    });
    await ressenti(page, 'show', 'mood');
    await collector.waitFor((e) => e.length === 1);
    collector.failNext(1, 400);
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    await expect.poll(() => collector.requests.some((r) => r.status === 400)).toBe(true);
    const refused = collector.requests.find((r) => r.status === 400)!;
    const [event] = JSON.parse(refused.body).events as FeedbackEvent[];
    expect(event.type).toBe('response');
    await expect.poll(() => log.ressenti().join('\n')).toMatch(/\[ressenti\].*400/);
    expect(await page.evaluate(() => (window as unknown as { errors: unknown[] }).errors)).toEqual([
      expect.objectContaining({ source: 'delivery', message: expect.stringMatching(/400/) }),
    ]);
    await expect.poll(() => outbox(page)).toBeNull();
    // Leaving flushes whatever is pending, and the next page sends what the outbox holds: neither resends it.
    await page.goto(t.server.url + '/next.html');
    await answer(page);
    await collector.waitFor((e) => responses(e).length === 1);
    expect(carrying(t.server, event)).toEqual([refused]);
  });

  it('a hanging collector leaves the page responsive, and the answer arrives once it recovers, from a later page', async () => {
    const { collector } = t.server;
    collector.hang(true);
    const { page } = await t.open('/shop.html');
    await page.evaluate(() => {
      const w = window as unknown as { clicks: number };
      w.clicks = 0;
      document.querySelector('#buy')!.addEventListener('click', () => w.clicks++);
    });
    await answer(page);
    await expect.poll(() => collector.requests.length).toBeGreaterThanOrEqual(1);
    // The page's own handlers still run, and its main thread is free.
    await page.click('#buy', { timeout: 1000 });
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
    const lag = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const t0 = performance.now();
          setTimeout(() => done(performance.now() - t0), 0);
        }),
    );
    expect(lag).toBeLessThan(100);
    await page.goto(t.server.url + '/next.html');
    await loaded(page);
    collector.hang(false);
    const events = await collector.waitFor((e) => responses(e).length === 1, 30_000);
    expect(responses(events)[0].answers).toEqual({ mood: 5 });
    expect(collector.duplicates).toBe(0);
  });

  it('an answer given offline survives a reload and arrives when the browser is back online', async () => {
    const { collector } = t.server;
    const { page, context } = await t.open('/shop.html');
    await ressenti(page, 'show', 'mood'); // the UI loads while online
    await collector.waitFor((e) => e.length === 1);
    await context.setOffline(true);
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    await expect.poll(() => outbox(page)).toMatch(/"response"/);
    await page.reload().catch(() => {}); // offline: the reload itself fails
    await context.setOffline(false);
    await page.goto(t.server.url + '/next.html');
    const events = await collector.waitFor((e) => responses(e).length === 1, 30_000);
    expect(responses(events)[0]).toMatchObject({ surveyId: 'mood', answers: { mood: 5 }, complete: true });
    expect(collector.duplicates).toBe(0);
  });

  it('the survey file (the sender with it) is fetched only by a page with something to show or send; an answer left by one page goes from the next, which shows nothing', async () => {
    const { collector } = t.server;
    const SURVEY = '/dist/ressenti-survey.min.js';
    const { page, log } = await t.open('/next.html');
    await loaded(page);
    // The outbox is read 3 s after load, once idle (the page's timer runs before this one, and idle
    // callbacks run in the order they were asked for): nothing waits, so nothing is fetched.
    await page.evaluate(() => new Promise((done) => setTimeout(() => requestIdleCallback(() => setTimeout(done)), 3_100)));
    expect(await page.evaluate(() => !!document.querySelector('script[src*="ressenti-survey"]') || performance.getEntriesByType('resource').some((r) => r.name.includes('ressenti-survey')))).toBe(false);
    expect(t.server.hits(SURVEY)).toBe(0);

    collector.failNext(1000, 503); // down while the visitor answers
    await answer(page);
    expect(t.server.hits(SURVEY)).toBe(1);
    await expect.poll(() => collector.requests.length).toBeGreaterThanOrEqual(1);
    expect(await outbox(page)).toMatch(/"response"/);

    // A later page with no survey to show: 3 s after its load it fetches the survey file for the
    // sender alone. The collector comes back only then, so the answer can only come from this page.
    await page.goto(t.server.url + '/next.html');
    await expect.poll(() => t.server.hits(SURVEY), { timeout: 15_000 }).toBe(2);
    t.server.reset();
    const events = await collector.waitFor((e) => responses(e).length === 1, 30_000);
    expect(responses(events)[0]).toMatchObject({ surveyId: 'mood', answers: { mood: 5 } });
    expect(collector.duplicates).toBe(0);
    expect(log.errors).toEqual([]); // nothing uncaught reached the page
  });

  it('an answer given right before the visitor navigates away arrives', async () => {
    const { collector } = t.server;
    const { page, context } = await t.open();
    await countPosts(context, true);
    await page.goto(t.server.url + '/shop.html');
    // The site navigates as soon as the answer is given: well within 50 ms.
    await page.evaluate(() => (window as unknown as { ressenti: (...a: unknown[]) => void }).ressenti('on', 'response', () => (location.href = '/bye.html')));
    await ressenti(page, 'show', 'mood');
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    await page.waitForURL('**/bye.html');
    const events = await collector.waitFor((e) => responses(e).length === 1);
    expect(responses(events)[0].answers).toEqual({ mood: 5 });
    const sent = await posts(page, true); // read on bye.html, the next page of the tab
    await expect.poll(() => collector.requests.length).toBe(sent); // every copy the page sent has arrived
    expect(collector.duplicates).toBe(0);
  });

  it('an answer still pending when the browser closes arrives when the visitor comes back later', async () => {
    const { collector } = t.server;
    // The next visit sends to a collector of its own: requests the first browser had under way as it
    // closed may still reach the first one afterwards.
    const later = await startServer();
    onTestFinished(() => later.close());
    t.server.pages.set('/later.html', journeyPage(later, '<h1>Next page</h1>', defs));
    const dir = profileDir();
    const first = await launchPersistent(dir);
    try {
      const page = first.pages()[0] ?? (await first.newPage());
      await page.goto(t.server.url + '/shop.html');
      await ressenti(page, 'show', 'mood');
      await collector.waitFor((e) => e.length === 1);
      collector.failNext(1000, 503); // down for good while the visitor is here
      await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
      await expect.poll(() => collector.requests.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(1);
    } finally {
      await first.close();
    }
    const again = await launchPersistent(dir);
    try {
      // Later: past the lease of a request the first browser had under way (15 s), which would hold the answer until then.
      await again.clock.install({ time: Date.now() + 20_000 });
      const page = again.pages()[0] ?? (await again.newPage());
      await page.goto(t.server.url + '/later.html');
      const events = await later.collector.waitFor((e) => responses(e).length === 1);
      expect(responses(events)[0]).toMatchObject({ surveyId: 'mood', answers: { mood: 5 } });
    } finally {
      await again.close();
    }
  });

  it('two tabs of the site open at once never send the same event twice, even while the collector is slow', async () => {
    const { collector } = t.server;
    collector.hang(true); // requests stay in flight: the other tab must leave their events alone
    const { page: a, context } = await t.open('/shop.html');
    const b = await context.newPage();
    await b.goto(t.server.url + '/next.html');
    await loaded(b);
    await answer(a);
    await expect.poll(() => collector.requests.length).toBe(2);
    await answer(b);
    await expect.poll(() => collector.requests.length).toBe(4);
    // A third tab opens while all four are in flight: it sends what earlier pages left, but not these.
    await countPosts(context);
    const c = await context.newPage();
    await c.goto(t.server.url + '/shop.html');
    await loaded(c);
    await nextTask(c); // the timer that sends what earlier pages left has run
    expect(await posts(c)).toBe(0);
    collector.hang(false);
    await collector.waitFor((e) => e.length === 4);
    expect(collector.requests).toHaveLength(4);
    expect(collector.duplicates).toBe(0);
  });
});

/**
 * Counts, in the page, the timers pending and the listeners on window, document, <html> and <body>
 * (where a leak would outlive the widget's elements): `window.probe()` returns both.
 */
const COUNTERS = `(() => {
  const timers = new Set();
  const { setTimeout: set, clearTimeout: clear } = window;
  window.setTimeout = function (fn, ms, ...args) {
    const id = set.call(window, (...a) => { timers.delete(id); if (typeof fn === 'function') fn(...a); }, ms, ...args);
    timers.add(id);
    return id;
  };
  window.clearTimeout = (id) => { timers.delete(id); clear.call(window, id); };
  const listeners = new Set();
  const fns = new WeakMap();
  const key = (target, type, fn, opts) => {
    const name = target === window ? 'window' : target === document ? 'document' : target === document.documentElement ? 'html' : target === document.body ? 'body' : '';
    const capture = typeof opts === 'boolean' ? opts : !!opts?.capture;
    return name && fns.has(fn) && name + ' ' + type + ' ' + capture + ' ' + fns.get(fn);
  };
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  let n = 0;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if ((typeof fn === 'function' || (fn && typeof fn === 'object')) && !fns.has(fn)) fns.set(fn, ++n);
    const k = key(this, type, fn, opts);
    if (k) listeners.add(k);
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const k = key(this, type, fn, opts);
    if (k) listeners.delete(k);
    return remove.call(this, type, fn, opts);
  };
  window.probe = () => ({ timers: timers.size, listeners: [...listeners].sort() });
})();`;

/**
 * In the page, as fast as it goes: `answers` times, fires moment "tick" `moments` times (the first
 * shows the survey, the others find it on screen), picks "Delighted", closes the thanks screen.
 * Returns the ids of every impression and response the page emitted so far (`on`).
 */
async function answerMany({ answers, moments }: { answers: number; moments: number }) {
  const w = window as unknown as { ressenti: (...a: unknown[]) => void; emitted?: string[] };
  if (!w.emitted) {
    w.emitted = [];
    for (const type of ['impression', 'response']) w.ressenti('on', type, (e: FeedbackEvent) => w.emitted!.push(e.eventId));
  }
  const root = () => document.querySelector('[data-ressenti-host]')?.shadowRoot;
  // Polls with timers, not animation frames: a tab that is not in front gets no frames.
  const until = async <T,>(find: () => T | null | undefined) => {
    for (let i = 0; i < 2000; i++, await new Promise((r) => setTimeout(r, 5))) {
      const found = find();
      if (found) return found;
    }
    throw new Error('the survey did not come');
  };
  for (let i = 0; i < answers; i++) {
    for (let m = 0; m < moments; m++) w.ressenti('moment', 'tick', { i, m });
    (await until(() => root()?.querySelector<HTMLButtonElement>('button[aria-label="Delighted"]'))).click();
    (await until(() => root()?.textContent?.includes('Thank you!') && root()!.querySelector<HTMLButtonElement>('button[aria-label="Close"]'))).click();
    await until(() => !document.querySelector('[data-ressenti-host]'));
  }
  return w.emitted;
}

describeBrowser('delivery under load', () => {
  const t = useBrowser();
  const soakDefs = { surveys: [{ id: 'tick', on: 'tick', questions: [{ id: 'mood', type: 'emoji', text: 'How is it going?' }] }] };

  it('two tabs answering at the same time against a collector failing one request in three lose no answer and send none twice', async () => {
    const { collector } = t.server;
    t.server.pages.set('/a.html', journeyPage(t.server, '<h1>Tab A</h1>', soakDefs));
    t.server.pages.set('/b.html', journeyPage(t.server, '<h1>Tab B</h1>', soakDefs));
    collector.failEvery(3);
    const { page: a, context } = await t.open('/a.html');
    const b = await context.newPage();
    await b.goto(t.server.url + '/b.html');
    await Promise.all([loaded(a), loaded(b)]);
    // Both tabs write the one outbox they share at the same moments.
    const emitted = (await Promise.all([a, b].map((tab) => tab.evaluate(answerMany, { answers: 25, moments: 1 })))).flat();
    expect(emitted).toHaveLength(100);
    const events = await collector.waitFor((e) => e.length >= 100, 30_000);
    await expect.poll(() => outbox(a), { timeout: 30_000 }).toBeNull();
    expect(new Set(events.map((e) => e.eventId))).toEqual(new Set(emitted));
    expect(collector.duplicates).toBe(0);
  });

  it('1,000 moments and 200 answers against a collector failing one request in five: nothing lost, nothing sent after its 2xx, timers and listeners bounded', async () => {
    const { collector } = t.server;
    t.server.pages.set('/soak.html', journeyPage(t.server, '<h1>Long visit</h1>', soakDefs));
    const { page, context } = await t.open();
    await context.addInitScript(COUNTERS);
    await page.goto(t.server.url + '/soak.html');
    await loaded(page);
    type Probe = { timers: number; listeners: string[] };
    const probe = () => page.evaluate(() => (window as unknown as { probe(): Probe }).probe());

    const soak = (answers: number) => page.evaluate(answerMany, { answers, moments: 5 });

    // One answer first (the UI loaded, its listeners in place), then the baseline.
    await soak(1);
    await collector.waitFor((e) => e.length === 2);
    await expect.poll(() => outbox(page)).toBeNull();
    const before = await probe();
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const heapBefore = await heap();
    collector.failEvery(5);
    expect(await soak(99)).toHaveLength(200);
    await collector.waitFor((e) => e.length === 200, 60_000);
    await expect.poll(() => outbox(page), { timeout: 30_000 }).toBeNull();
    const heapMid = await heap();
    expect(await soak(100)).toHaveLength(400);
    const events = await collector.waitFor((e) => e.length === 400, 60_000);
    await expect.poll(() => outbox(page), { timeout: 30_000 }).toBeNull();

    const emitted = await page.evaluate(() => (window as unknown as { emitted: string[] }).emitted);
    expect(new Set(events.map((e) => e.eventId))).toEqual(new Set(emitted));
    expect(responses(events)).toHaveLength(200);
    expect(responses(events).every((e) => e.answers?.mood === 5 && e.complete)).toBe(true);
    expect(collector.requests.filter((r) => r.status === 503).length).toBeGreaterThan(20);
    // A 2xx ends an event's life: no later request carries it. (A collector that stores a batch but
    // whose answer never reaches the page — a timeout, the page unloading — would legitimately see
    // it again; neither happens here, so there is no duplicate at all.)
    const settled = new Set<string>();
    for (const r of collector.requests) {
      for (const e of JSON.parse(r.body).events as FeedbackEvent[]) {
        expect(settled.has(e.eventId), `event ${e.eventId} sent again after its 2xx`).toBe(false);
        if (r.status >= 200 && r.status < 300) settled.add(e.eventId);
      }
    }
    expect(collector.duplicates).toBe(0);
    // Nothing accumulates: what is pending or listening now is what was after the first answer.
    const after = await probe();
    expect(after.timers).toBeLessThanOrEqual(before.timers);
    expect(after.listeners).toEqual(before.listeners);
    // Memory: the first hundred answers warm up (compiled code, the ids of delivered events, up to
    // a bound); the second hundred must add next to nothing, where a leak of one survey's elements
    // per answer would add megabytes.
    const heapEnd = await heap();
    expect(heapEnd - heapMid, `heap after 1, 100 and 200 answers: ${heapBefore}, ${heapMid}, ${heapEnd} B`).toBeLessThan(256 * 1024);
  });
});
