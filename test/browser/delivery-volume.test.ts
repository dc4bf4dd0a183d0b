// Delivery at volume and at the edges, in Chromium: a burst larger than the keepalive quota, a
// visitor who leaves while the collector stalls, a collector on another origin without CORS.
import { expect, it } from 'vitest';
import { describeBrowser, htmlPage, useBrowser } from './harness';
import { HOST, journeyPage, loaded, ressenti, setHidden } from './journey-helpers';

const mood = { id: 'mood', questions: [{ id: 'mood', type: 'emoji', text: 'How is your visit going?' }] };

describeBrowser('delivery at volume, leaving, and across origins', () => {
  const t = useBrowser();

  it('1,000 events created in one task, with a healthy collector: all arrive, none dropped, no keepalive request refused', async () => {
    const { collector } = t.server;
    // 1,000 inline surveys: they all show (one impression each) once the UI has loaded, in one task.
    const defs = { surveys: [{ ...mood, display: 'inline' }] };
    t.server.pages.set('/burst.html', journeyPage(t.server, '<div data-ressenti-inline="mood"></div>'.repeat(1000), defs));
    const { page, log } = await t.open('/burst.html');
    const events = await collector.waitFor((e) => e.length === 1000, 60_000);
    expect(events.every((e) => e.type === 'impression')).toBe(true);
    // Every request the page made reached the collector and was accepted the first time: none was
    // refused inside the browser for the keepalive quota (a network error, then a retry).
    expect(collector.requests.every((r) => r.status === 204)).toBe(true);
    expect(collector.duplicates).toBe(0);
    expect(log.ressenti()).toEqual([]);
    expect(await page.locator(HOST).count()).toBe(1000);
  });

  it('a visitor who hides the tab while the collector stalls, and never comes back: the answer still arrives', async () => {
    const { collector } = t.server;
    t.server.pages.set('/stall.html', journeyPage(t.server, '<h1>Shop</h1>', { surveys: [mood] }));
    const { page } = await t.open();
    await page.clock.install();
    await page.goto(t.server.url + '/stall.html');
    await loaded(page);
    collector.hang(true);
    await ressenti(page, 'show', 'mood');
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    await expect.poll(() => collector.requests.filter((r) => r.body.includes('"response"')).length).toBe(1);
    // When the request started: its lease in the outbox (whatever the version's format) ends 15 s later.
    const started = await page.evaluate(() =>
      Math.min(...Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).map((k) => JSON.parse(localStorage.getItem(k)!).lease - 15_000)),
    );
    // The tab goes to the background; the collector stalls past our 10 s timeout (time then stands
    // still in the page), and the browser discards the tab before any retry could run. (Chromium
    // does not cancel a keepalive request that its page aborts; the unit tests check that we no
    // longer abort one once the visitor has left, for browsers that do.)
    await setHidden(page, true);
    await page.clock.pauseAt(started + 10_001);
    await page.close();
    collector.hang(false);
    const events = await collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((e) => e.type === 'response')!.answers).toEqual({ mood: 5 });
  });

  it('an answer whose request went without keepalive (the quota was taken) and hangs: leaving sends it again with keepalive, and it arrives', async () => {
    const { collector } = t.server;
    t.server.pages.set('/backlog.html', journeyPage(t.server, '<h1>Shop</h1>', { surveys: [mood] }));
    t.server.pages.set('/elsewhere.html', htmlPage('<h1>Another site</h1>'));
    const { page } = await t.open();
    // An earlier visit left 150 answers of ~600 bytes (90 KB): more than one keepalive request carries.
    await page.addInitScript(() => {
      if (location.pathname != '/backlog.html' || localStorage.length) return;
      for (let i = 0; i < 150; i++) {
        const eventId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        const event = { v: 1, eventId, type: 'response', responseId: 'r' + i, surveyId: 'mood', moment: 'show', answers: { mood: 4 }, complete: true,
          context: { url: location.href, path: location.pathname, locale: 'en', device: 'desktop', note: 'x'.repeat(400) }, session: 's', ts: new Date(Date.now() - 6e4).toISOString() };
        localStorage.setItem('ressenti:o:' + eventId, JSON.stringify({ event, attempts: 0, due: 0 }));
      }
    });
    collector.hang(true);
    await page.goto(t.server.url + '/backlog.html');
    await loaded(page);
    // The backlog's first request (keepalive, up to the 64 KB quota) hangs; then the visitor answers:
    // the impression and the answer go in requests without keepalive, as the quota is taken.
    await expect.poll(() => collector.requests.length, { timeout: 15_000 }).toBe(1);
    await ressenti(page, 'show', 'mood');
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    await expect.poll(() => collector.requests.some((r) => r.body.includes('"mood":5'))).toBe(true);
    // The first one is answered, which frees the quota; the answer's request still hangs. The visitor leaves.
    collector.release(1);
    const left = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).length);
    await expect.poll(left).toBeLessThan(100);
    await page.goto(t.server.url + '/elsewhere.html');
    collector.hang(false);
    const events = await collector.waitFor((e) => e.some((x) => x.type === 'response' && x.answers?.mood === 5));
    expect(events.filter((e) => e.type === 'response')).toHaveLength(151); // the backlog and the answer: none lost
  });

  it('a collector on another origin that sends no Access-Control-Allow-Origin: the error says it may lack it', async () => {
    // The same server under another name is another origin; this path answers without CORS headers.
    t.server.pages.set('/no-cors', { body: '', status: 204 });
    const endpoint = t.server.url.replace('127.0.0.1', 'localhost') + '/no-cors';
    t.server.pages.set('/cors.html', journeyPage(t.server, '<h1>Shop</h1>', { surveys: [mood] }, { endpoint }));
    const { page, log } = await t.open('/cors.html');
    await loaded(page);
    await ressenti(page, 'show', 'mood');
    await expect.poll(() => log.ressenti()).toContainEqual(`[ressenti] ${endpoint}: network error (a collector on another origin may lack Access-Control-Allow-Origin, or the page's CSP may not allow it in connect-src), will retry`);
    expect(t.server.hits('/no-cors')).toBeGreaterThan(0); // it did reach the collector: only the answer was unreadable
  });

  it('a page whose CSP connect-src refuses the collector: the same hint, the answer kept in the outbox, never reaching it', async () => {
    const endpoint = t.server.url.replace('127.0.0.1', 'localhost') + '/collect';
    const body = journeyPage(t.server, '<h1>Shop</h1>', { surveys: [mood] }, { endpoint });
    t.server.pages.set('/connect.html', { body, headers: { 'Content-Security-Policy': "connect-src 'self'" } });
    const { page, log } = await t.open('/connect.html');
    await loaded(page);
    await ressenti(page, 'show', 'mood');
    await page.locator(HOST).getByRole('button', { name: 'Delighted' }).click();
    await expect.poll(() => log.ressenti()).toContainEqual(`[ressenti] ${endpoint}: network error (a collector on another origin may lack Access-Control-Allow-Origin, or the page's CSP may not allow it in connect-src), will retry`);
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).map((k) => JSON.parse(localStorage.getItem(k)!).event.type).sort())).toEqual(['impression', 'response']);
    expect(t.server.collector.requests).toEqual([]);
  });
});
