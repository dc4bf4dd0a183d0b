// `data-consent="required"` (and `consent: 'required'` in `init`) in Chromium: before consent the
// visitor can answer, but nothing is stored or sent; consent sends what waited; withdrawal forgets.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, expect, it, onTestFinished } from 'vitest';
import type { FeedbackEvent } from '../../src/types';
import { countPosts, describeBrowser, fakeTime, htmlPage, launchPersistent, nextTask, posts, profileDir, startServer, stopTime, useBrowser } from './harness';
import { HOST, journeyPage, loaded, ressenti, runTime } from './journey-helpers';

const defs = {
  surveys: [
    { id: 'mood', questions: [{ id: 'mood', type: 'emoji', text: 'How is your visit going?' }] },
    { id: 'helpful', questions: [{ id: 'ok', type: 'thumbs', text: 'Did you find what you came for?' }] },
  ],
};

/** Shows a survey and gives its one answer; resolves on the thanks screen, then closes it. */
async function answer(page: Page, survey: 'mood' | 'helpful') {
  await ressenti(page, 'show', survey);
  const widget = page.locator(HOST);
  await widget.getByRole('button', { name: survey === 'mood' ? /delighted/i : /^Yes$/ }).click();
  await widget.getByText(/thank/i).waitFor();
  await widget.getByRole('button', { name: 'Close' }).click();
  await widget.waitFor({ state: 'detached' });
}

/** Everything the page keeps about the visitor: Web Storage, IndexedDB databases, cookies. */
async function stored(page: Page, context: BrowserContext) {
  const inPage = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    cookie: document.cookie,
  }));
  return { ...inPage, cookies: (await context.cookies()).map((c) => c.name) };
}
const NOTHING = { local: [], session: [], indexedDB: [], cookie: '', cookies: [] };

/** The events waiting in the outbox (one `ressenti:o:<eventId>` key each), as JSON. */
const outbox = (page: Page) =>
  page.evaluate(() => JSON.stringify(Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).map((k) => JSON.parse(localStorage.getItem(k)!))));

/** Records the events the widget emits (`on`), so a test knows what it would have sent. */
const record = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { emitted: FeedbackEvent[]; ressenti: (...a: unknown[]) => void };
    w.emitted = [];
    for (const type of ['impression', 'response']) w.ressenti('on', type, (e: FeedbackEvent) => w.emitted.push(e));
  });
const emitted = (page: Page) => page.evaluate(() => (window as unknown as { emitted: FeedbackEvent[] }).emitted);

/** How many requests the page has started to the collector (`countPosts`) once the timer that sends what was just pushed has run. */
const postsSoFar = async (page: Page) => (await nextTask(page), posts(page));

describeBrowser('consent', () => {
  const t = useBrowser();

  beforeAll(() => {
    const { pages } = t.server;
    pages.set('/shop.html', journeyPage(t.server, '<h1>Shop</h1>', defs, { consent: 'required' }));
    pages.set('/next.html', journeyPage(t.server, '<h1>Next page</h1>', defs, { consent: 'required' }));
    pages.set('/typo.html', journeyPage(t.server, '<h1>Shop</h1>', defs, { consent: 'yes' }));
    pages.set(
      '/app.html',
      htmlPage(
        '<h1>App</h1>',
        `<script type="module">import { init } from '/dist/index.mjs';
        window.feedback = init({ endpoint: '${t.server.collector.url}', consent: 'required', surveys: ${JSON.stringify(defs)} });</script>`,
      ),
    );
  });

  /** Opens `path` with the POST counter. */
  const openCounting = async (path: string) => {
    const opened = await t.open();
    await countPosts(opened.context);
    await opened.page.goto(t.server.url + path);
    return opened;
  };

  it('before consent the visitor can answer, but nothing is stored and nothing is sent', async () => {
    const { page, context, log } = await openCounting('/shop.html');
    await loaded(page);
    await record(page);
    await answer(page, 'mood');
    await answer(page, 'helpful');
    await expect.poll(async () => (await emitted(page)).length).toBe(4);
    expect(await postsSoFar(page)).toBe(0);
    expect(await stored(page, context)).toEqual(NOTHING);
    expect(t.server.collector.requests).toEqual([]);
    expect((await emitted(page)).every((e) => !('visitor' in e))).toBe(true);
    expect(log.errors).toEqual([]);
  });

  it('a mistyped data-consent is warned about and read as required: a typo never starts storing or sending', async () => {
    const { page, context, log } = await openCounting('/typo.html');
    await loaded(page);
    // Worded by the messages file, fetched for it: wait for the warning.
    await expect.poll(() => log.ressenti('warning')).toEqual(['[ressenti] consent must be "required", got "yes"; treated as "required"']);
    await answer(page, 'mood');
    expect(await postsSoFar(page)).toBe(0);
    expect(await stored(page, context)).toEqual(NOTHING);
    expect(t.server.collector.requests).toEqual([]);
    await ressenti(page, 'consent', true);
    await t.server.collector.waitFor((events) => events.some((e) => e.type == 'response'));
  });

  it('consent sends what waited, then stores and sends as usual; the visitor id appears only from then on', async () => {
    const { collector } = t.server;
    const { page, context } = await t.open('/shop.html');
    await loaded(page);
    await answer(page, 'mood');
    expect(await stored(page, context)).toEqual(NOTHING);
    await ressenti(page, 'consent', true);
    const waited = await collector.waitFor((e) => e.length === 2);
    expect(waited.map((e) => e.type)).toEqual(['impression', 'response']);
    expect(waited.every((e) => !('visitor' in e))).toBe(true);
    await answer(page, 'helpful');
    const events = await collector.waitFor((e) => e.length === 4);
    const after = events.slice(2);
    expect(after.map((e) => [e.type, e.surveyId])).toEqual([
      ['impression', 'helpful'],
      ['response', 'helpful'],
    ]);
    const visitor = await page.evaluate(() => JSON.parse(localStorage.getItem('ressenti:visitor') ?? 'null'));
    expect(typeof visitor).toBe('string');
    expect(after.map((e) => e.visitor)).toEqual([visitor, visitor]);
    expect(collector.duplicates).toBe(0);
  });

  it('an answer left pending on an earlier visit waits for the consent call on the next visit, then goes', async () => {
    const { collector } = t.server;
    // The next visit sends to a collector of its own: requests the first browser had under way as it
    // closed may still reach the first one afterwards.
    const later = await startServer();
    onTestFinished(() => later.close());
    t.server.pages.set('/later.html', journeyPage(later, '<h1>Next page</h1>', defs, { consent: 'required' }));
    const dir = profileDir();
    const first = await launchPersistent(dir);
    try {
      const page = await first.newPage();
      await page.goto(t.server.url + '/shop.html');
      await loaded(page);
      await ressenti(page, 'consent', true);
      collector.failNext(1000, 503); // the collector is down while the visitor answers
      await answer(page, 'mood');
      await expect.poll(() => outbox(page)).toMatch(/"response"/);
    } finally {
      await first.close();
    }
    const again = await launchPersistent(dir);
    try {
      // The visitor comes back later: past the lease of a request the first browser had under way.
      await again.clock.install({ time: Date.now() + 20_000 });
      await countPosts(again);
      const page = await again.newPage();
      await page.goto(t.server.url + '/later.html');
      await loaded(page);
      expect(await postsSoFar(page)).toBe(0); // no consent on this page yet: nothing goes
      expect(later.collector.requests).toEqual([]);
      // What the first browser left, read from storage (the widget itself does not read it before consent).
      const clock = () => page.evaluate(() => Date.now());
      const left = `page clock ${await clock()}: ${await outbox(page)}`;
      expect(left).toMatch(/"response"/);
      await ressenti(page, 'consent', true); // what a consent-management platform's callback does
      // A failure says what the outbox held before and after, to tell a lost entry from one held back.
      const events = await later.collector.waitFor((e) => e.length === 2).catch(async (e: Error) => {
        throw new Error(`${e.message}\noutbox at the consent call, ${left}\noutbox now, page clock ${await clock()}: ${await outbox(page)}`);
      });
      expect(events.map((e) => [e.type, e.surveyId]).sort()).toEqual([
        ['impression', 'mood'],
        ['response', 'mood'],
      ]);
    } finally {
      await again.close();
    }
  });

  it('withdrawing consent erases everything Ressenti stored and stops sending', async () => {
    const { collector } = t.server;
    const { page, context } = await t.open();
    await fakeTime(page); // time flows, but the retry timers are the test's to run further on
    await countPosts(context);
    await page.goto(t.server.url + '/shop.html');
    await loaded(page);
    await ressenti(page, 'consent', true);
    await answer(page, 'mood');
    await collector.waitFor((e) => e.length === 2);
    collector.failNext(1000, 503); // the next answer stays in the outbox
    await answer(page, 'helpful');
    await expect.poll(() => outbox(page)).toMatch(/"response"/);
    const before = await stored(page, context);
    expect(before.local).toEqual(expect.arrayContaining(['ressenti:visitor', 'ressenti:history', expect.stringMatching(/^ressenti:o:/)]));
    expect(before.session).toEqual(['ressenti:session']);

    await page.evaluate(() => {
      localStorage.setItem('site-cart', '3 items'); // the site's own data stays
      (window as unknown as { ressenti: (...a: unknown[]) => void }).ressenti('consent', false);
    });
    expect(await stored(page, context)).toEqual({ ...NOTHING, local: ['site-cart'] });
    collector.reset(); // back up: nothing may reach it now
    const sent = collector.requests.length;
    const posted = await postsSoFar(page);
    await answer(page, 'mood');
    await stopTime(page);
    await runTime(page, 1500); // longer than the first retry's backoff
    await page.clock.resume();
    expect(await postsSoFar(page)).toBe(posted);
    expect(collector.requests.slice(sent)).toEqual([]);
    expect(await stored(page, context)).toEqual({ ...NOTHING, local: ['site-cart'] });
  });

  it("init({ consent: 'required' }) in an app: nothing stored or sent until feedback.consent(true)", async () => {
    const { collector } = t.server;
    const { page, context, log } = await openCounting('/app.html');
    await page.waitForFunction(() => 'feedback' in window);
    await page.evaluate(() => (window as unknown as { feedback: { show(id: string): void } }).feedback.show('mood'));
    const widget = page.locator(HOST);
    await widget.getByRole('button', { name: /delighted/i }).click();
    await widget.getByText(/thank/i).waitFor();
    expect(await postsSoFar(page)).toBe(0);
    expect(await stored(page, context)).toEqual(NOTHING);
    expect(collector.requests).toEqual([]);
    await page.evaluate(() => (window as unknown as { feedback: { consent(on: boolean): void } }).feedback.consent(true));
    const events = await collector.waitFor((e) => e.length === 2);
    expect(events.find((e) => e.type === 'response')).toMatchObject({ surveyId: 'mood', answers: { mood: 5 } });
    expect(log.errors).toEqual([]);
  });
});
