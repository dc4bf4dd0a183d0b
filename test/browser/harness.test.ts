import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, htmlPage, launchPersistent, profileDir, startServer, useBrowser, type Server } from './harness';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** POSTs from inside the page, as the widget would: a CORS-simple text/plain request unless told otherwise. */
const post = ([url, body, contentType = 'text/plain;charset=UTF-8']: readonly [string, unknown, string?]) =>
  fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': contentType } }).then(
    (r) => ({ status: r.status, retryAfter: r.headers.get('Retry-After') }),
    (e) => ({ status: -1, retryAfter: String(e) }),
  );

const event = (eventId: string) => ({ v: 1, eventId, type: 'response', responseId: 'r1', surveyId: 's1', moment: 'm', context: {}, session: 's', ts: '' });

describeBrowser('browser test harness', () => {
  const t = useBrowser();
  let other: Server; // the collector on another origin, as in production

  beforeAll(async () => {
    other = await startServer();
    t.server.pages.set('/app.js', { body: 'document.body.dataset.external = "ran"', headers: { 'Content-Type': 'text/javascript' } });
    t.server.pages.set('/strict.html', {
      body: htmlPage('<script>document.body.dataset.inline = "ran"</script><script src="/app.js"></script>'),
      headers: { 'Content-Security-Policy': CSP },
    });
    t.server.pages.set('/plain.html', htmlPage('<p>shop</p>'));
  });
  afterAll(() => other?.close());

  it('serves a registered page with its own Content-Security-Policy, which Chromium enforces', async () => {
    const { page, log } = await t.open();
    const response = await page.goto(t.server.url + '/strict.html');
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    expect(await page.evaluate(() => ({ ...document.body.dataset }))).toEqual({ external: 'ran' });
    expect(log.messages.some((m) => m.type === 'error' && m.text.includes('Content Security Policy'))).toBe(true);
    expect(t.server.hits('/app.js')).toBe(1);
    expect(t.server.hits('/dist/ressenti-ui.min.js')).toBe(0);
  });

  it('collects events from another origin without a preflight, storing each eventId once', async () => {
    const { page } = await t.open('/plain.html');
    const first = await page.evaluate(post, [other.collector.url, { events: [event('a'), event('b')] }] as const);
    const again = await page.evaluate(post, [other.collector.url, { events: [event('b'), event('c')] }] as const);
    expect([first.status, again.status]).toEqual([204, 204]);
    const events = await other.collector.waitFor((e) => e.length === 3, 2000);
    expect(events.map((e) => e.eventId)).toEqual(['a', 'b', 'c']);
    expect(other.collector.duplicates).toBe(1);
    expect(other.collector.preflights).toBe(0);
    expect(other.collector.requests[0].headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(JSON.parse(other.collector.requests[0].body).events).toHaveLength(2);

    await page.evaluate(post, [other.collector.url, { events: [] }, 'application/json'] as const);
    expect(other.collector.preflights).toBe(1);
  });

  it('fails requests on demand, exposing Retry-After, and stores nothing from them', async () => {
    const { page } = await t.open('/plain.html');
    const { collector } = t.server;
    collector.failNext(2, 503, { 'Retry-After': '3' });
    const sent = [];
    for (const id of ['1', '2', '3']) sent.push(await page.evaluate(post, [collector.url, { events: [event(id)] }] as const));
    expect(sent).toEqual([
      { status: 503, retryAfter: '3' },
      { status: 503, retryAfter: '3' },
      { status: 204, retryAfter: null },
    ]);
    expect(collector.events.map((e) => e.eventId)).toEqual(['3']);

    collector.failEvery(2);
    const statuses = [];
    for (const id of ['4', '5', '6', '7']) statuses.push((await page.evaluate(post, [collector.url, { events: [event(id)] }] as const)).status);
    expect(statuses).toEqual([503, 204, 503, 204]);
    expect(collector.requests.map((r) => r.status)).toEqual([503, 503, 204, 503, 204, 503, 204]);
  });

  it('holds requests while hung and accepts them once released', async () => {
    const { page } = await t.open('/plain.html');
    const { collector } = t.server;
    collector.hang(true);
    const pending = page.evaluate(post, [collector.url, { events: [event('h')] }] as const);
    await expect.poll(() => collector.requests.length).toBe(1);
    expect(await page.evaluate(() => fetch('/plain.html').then((r) => r.status))).toBe(200); // served meanwhile
    expect(collector.requests[0].waiting).toBe(true);
    expect(collector.events).toEqual([]);
    collector.hang(false);
    expect((await pending).status).toBe(204);
    expect(collector.events.map((e) => e.eventId)).toEqual(['h']);
  });

  it('does not accept a held request whose page went away before the release', async () => {
    const { page } = await t.open('/plain.html');
    const { collector } = t.server;
    collector.hang(true);
    void page.evaluate(post, [collector.url, { events: [event('gone')] }] as const).catch(() => {});
    await expect.poll(() => collector.requests.length).toBe(1);
    await page.close();
    await expect.poll(() => collector.requests[0].waiting).toBe(false); // the server saw the connection close
    collector.hang(false);
    expect(collector.events).toEqual([]);
    expect(collector.requests[0].status).toBe(0);
  });

  it('rejects a wait that times out with what was received', async () => {
    const { page } = await t.open('/plain.html');
    await page.evaluate(post, [t.server.collector.url, { events: [event('only')] }] as const);
    await expect(t.server.collector.waitFor((e) => e.length > 1, 200)).rejects.toThrow(/1 event\(s\) stored:\n {2}response s1 .*\(only\)/);
  });

  it('records console messages, uncaught page errors and unhandled rejections', async () => {
    const { page, log } = await t.open('/plain.html');
    await page.evaluate(() => {
      console.error('[ressenti] surveys[0] "x": id is missing');
      setTimeout(() => {
        throw new Error('boom');
      });
      void Promise.reject(new Error('rejected'));
    });
    await expect.poll(() => log.errors.length).toBe(2);
    expect(log.errors.join()).toMatch(/boom/);
    expect(log.errors.join()).toMatch(/rejected/);
    expect(log.ressenti()).toEqual(['[ressenti] surveys[0] "x": id is missing']);
  });

  it('keeps a persistent profile across a browser restart', async () => {
    const dir = profileDir();
    let context = await launchPersistent(dir);
    let page = await context.newPage();
    await page.goto(t.server.url + '/plain.html');
    await page.evaluate(() => localStorage.setItem('k', 'kept'));
    await context.close();
    context = await launchPersistent(dir);
    page = await context.newPage();
    await page.goto(t.server.url + '/plain.html');
    expect(await page.evaluate(() => localStorage.getItem('k'))).toBe('kept');
    await context.close();
  });
});
