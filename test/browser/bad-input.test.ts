// Bad input never breaks the host (issue 5): each mistake gives one clear `[ressenti]` console
// message and one `error` event, nothing is thrown into the page, and the rest keeps working.
import { readFileSync } from 'node:fs';
import { connect, createServer, type Server as TcpServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RessentiError } from '../../src/types';
import { DIST, describeBrowser, htmlPage, scriptTag, useBrowser, type ConsoleLog } from './harness';

const HOST = '[data-ressenti-host]';
const JS = { 'Content-Type': 'text/javascript' };
const CHECKOUT = { id: 'checkout', on: 'purchase', questions: [{ id: 'mood', type: 'emoji', text: 'How was checkout?' }] };
const CSAT = { ...CHECKOUT, id: 'csat', on: 'page-view' };

/** A UI file of another version: every function the widget calls, and no (or another) version. */
const STALE_UI =
  'window.__ressentiUI={version:"0.0.1",open:function(){throw new Error("stale")},buildEvent:function(){return{}},pushDataLayer:function(){},' +
  'whenFree:function(){return{promise:Promise.resolve(),cancel:function(){}}}};';

type Win = Window & { ressenti(...args: unknown[]): void; __errors: RessentiError[] };

const errorEvents = (page: Page) => page.evaluate(() => (window as unknown as Win).__errors);
const command = (page: Page, ...args: unknown[]) => page.evaluate((a) => (window as unknown as Win).ressenti(...a), args);

/** Waits for the `count`-th report; then exactly `count` console errors and `error` events, the last one matching. */
async function reported(page: Page, log: ConsoleLog, match: RegExp, count = 1): Promise<RessentiError> {
  await expect.poll(() => errorEvents(page).then((e) => e.length)).toBeGreaterThanOrEqual(count);
  await expect.poll(() => log.ressenti().length).toBeGreaterThanOrEqual(count);
  const events = await errorEvents(page);
  expect(log.ressenti()).toEqual(events.map((e) => '[ressenti] ' + e.message));
  expect(events).toHaveLength(count);
  expect(events[count - 1].message).toMatch(match);
  return events[count - 1];
}

/** A tap on the survey's happiest face reaches the collector. */
async function stillAnswers(page: Page, t: ReturnType<typeof useBrowser>, surveyId: string) {
  await page.locator(HOST).getByRole('button', { name: 'Delighted' }).click({ timeout: 10_000 });
  const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
  expect(events.find((x) => x.type === 'response')).toMatchObject({ surveyId, answers: { mood: 5 }, complete: true });
}

describeBrowser('bad input from the site', () => {
  const t = useBrowser();
  /** A page whose own script (before ours) records every `error` event. */
  const page = (path: string, attrs: Record<string, string | true | undefined>, head = '') =>
    t.server.pages.set(path, htmlPage('<h1>Shop</h1>' + scriptTag(t.server, attrs), '<script src="/errors.js"></script>' + head));

  beforeAll(() => {
    const { pages } = t.server;
    pages.set('/errors.js', {
      body: "window.ressenti=window.ressenti||function(){(ressenti.q=ressenti.q||[]).push(arguments)};window.__errors=[];ressenti('on','error',function(e){__errors.push(e)})",
      headers: JS,
    });
    pages.set('/checkout.json', { body: [CHECKOUT] });
    pages.set('/invalid.json', { body: '{"surveys": [', headers: { 'Content-Type': 'application/json' } });
    pages.set('/shape.json', { body: { surveys: 'checkout' } });
    page('/shop.html', { surveys: '/checkout.json' });
  });

  it.each([
    ['a URL that answers 404', '/missing.json', /"\/missing\.json": HTTP 404/],
    ['a URL that answers invalid JSON', '/invalid.json', /"\/invalid\.json": invalid JSON/],
    ['a document of the wrong shape', '/shape.json', /surveys must be an array of surveys.*got "checkout"/],
    ['#id of a missing element', '#nowhere', /"#nowhere": no element with id "nowhere"/],
  ])('data-surveys: %s is reported once, and commands still run', async (_, surveys, match) => {
    page('/defs.html', { surveys });
    const { page: p, log } = await t.open('/defs.html');
    expect(await reported(p, log, match)).toMatchObject({ source: 'definitions' });
    await command(p, 'show', 'checkout');
    await reported(p, log, /show: no valid survey with id "checkout"/, 2);
    expect(log.errors).toEqual([]);
  });

  it('a data-strings URL that 404s is reported once, and surveys still show with the built-in strings', async () => {
    page('/strings.html', { surveys: '/checkout.json', strings: '/missing-strings.json' });
    const { page: p, log } = await t.open('/strings.html');
    expect(await reported(p, log, /"\/missing-strings\.json": HTTP 404/)).toMatchObject({ source: 'definitions' });
    await command(p, 'moment', 'purchase');
    await stillAnswers(p, t, 'checkout');
    expect(log.errors).toEqual([]);
  });

  it('a broken survey is skipped with its id, field path and why, and the valid one next to it works', async () => {
    const broken = { id: 'nps-home', on: 'purchase', priority: 9, questions: [{ id: 'q', type: 'rating', scale: 12, text: 'Rate us' }] };
    t.server.pages.set('/mixed.json', { body: { surveys: [CHECKOUT, broken] } });
    page('/mixed.html', { surveys: '/mixed.json' });
    const { page: p, log } = await t.open('/mixed.html');
    const error = await reported(p, log, /^surveys\[1\] "nps-home": questions\[0\]\.scale must be an integer from 3 to 10, got 12$/);
    expect(error).toMatchObject({ source: 'definitions', surveyId: 'nps-home', path: 'surveys[1].questions[0].scale' });
    await command(p, 'moment', 'purchase');
    await stillAnswers(p, t, 'checkout');
    expect(log.ressenti()).toHaveLength(1);
    expect(log.errors).toEqual([]);
  });

  it('the words of a problem are fetched only when there is one; without them the path still says where', async () => {
    page('/checkout-only.html', { surveys: '/checkout.json' });
    const { page: healthy } = await t.open('/checkout-only.html');
    await command(healthy, 'moment', 'purchase');
    await stillAnswers(healthy, t, 'checkout');
    expect(t.server.hits('/dist/ressenti-extra.min.js')).toBe(0);

    const broken = { id: 'nps-home', on: 'purchase', questions: [{ id: 'q', type: 'rating', scale: 12, text: 'Rate us' }] };
    t.server.pages.set('/broken.json', { body: [broken] });
    t.server.pages.set('/dist/ressenti-extra.min.js', { status: 404, body: 'not found' });
    page('/broken.html', { surveys: '/broken.json' });
    const { page: p, log } = await t.open('/broken.html');
    try {
      const error = await reported(p, log, /^surveys\[0\]\.questions\[0\]\.scale is wrong \(could not load the extra file from .*ressenti-extra\.min\.js\)$/);
      expect(error).toMatchObject({ source: 'definitions', surveyId: 'nps-home', path: 'surveys[0].questions[0].scale' });
    } finally {
      t.server.pages.delete('/dist/ressenti-extra.min.js'); // pages outlive a test
    }
    expect(log.errors).toEqual([]);
  });

  it.each([
    ['moment with a number', ['moment', 42], /^moment: .*string.*got 42$/],
    ['on with an unknown event and no handler', ['on', 'nope', 1], /^on: .*impression.*got "nope"$/],
    ['context with a string', ['context', 'cart'], /^context: .*object.*got "cart"$/],
    ['show with a number', ['show', 7], /^show: .*string.*got 7$/],
    ['show with an unknown survey', ['show', 'nope'], /show: no valid survey with id "nope"/],
    ['an unknown command', ['explode'], /unknown command "explode"/],
    ['no command at all', [], /unknown command/],
  ])('window.ressenti: %s is reported once, and surveys still show', async (_, args, match) => {
    const { page: p, log } = await t.open('/shop.html');
    await p.waitForFunction(() => (window as unknown as { ressenti: { loaded?: boolean } }).ressenti.loaded);
    await command(p, ...args);
    expect(await reported(p, log, match)).toMatchObject({ source: 'command' });
    await command(p, 'moment', 'purchase');
    await stillAnswers(p, t, 'checkout');
    expect(log.errors).toEqual([]);
  });

  it('a host on("response") handler that throws is reported once, and the answer is still delivered', async () => {
    t.server.pages.set('/throwing.js', { body: "ressenti('on','response',function(){throw new Error('boom')})", headers: JS });
    page('/throwing.html', { surveys: '/checkout.json' }, '<script src="/throwing.js"></script>');
    const { page: p, log } = await t.open('/throwing.html');
    await command(p, 'moment', 'purchase');
    await stillAnswers(p, t, 'checkout');
    expect(await reported(p, log, /an on\("response"\) handler threw: Error: boom/)).toMatchObject({ source: 'handler' });
    await p.locator(HOST).getByText('Thank you!').waitFor();
    expect(log.errors).toEqual([]);
  });

  it('a bad data-theme or data-position is warned about at start; it shows in the defaults and works', async () => {
    page('/odd.html', { surveys: '#defs', theme: 'purple', position: 'middle' }, `<script type="application/json" id="defs">${JSON.stringify([CSAT])}</script>`);
    const { page: p, log } = await t.open('/odd.html');
    const card = p.locator(HOST).getByRole('region', { name: 'Feedback' });
    await card.waitFor();
    // Worded by the messages file, fetched for it: the warnings may follow the card.
    await expect.poll(() => log.ressenti('warning')).toEqual([
      '[ressenti] theme must be "light" or "dark" or "auto", got "purple"; the default applies',
      '[ressenti] position must be "bottom-right" or "bottom-left" or "top-right" or "top-left" or "center", got "middle"; the default applies',
    ]);
    expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)'); // light
    const box = (await p.locator(HOST).boundingBox())!;
    const view = p.viewportSize()!;
    expect(view.width - (box.x + box.width)).toBe(16); // bottom-right, 16px from the edges
    expect(view.height - (box.y + box.height)).toBe(16);
    await stillAnswers(p, t, 'csat');
    expect(log.ressenti()).toEqual([]);
  });

  it('a UI file of an older version (only open(), as a stale cache could serve) is refused and reported, nothing thrown', async () => {
    const ui = '/dist/ressenti-ui.min.js';
    t.server.pages.set(ui, { body: 'window.__ressentiUI = { open: function () { throw new Error("old") } };', headers: JS });
    try {
      const { page: p, log } = await t.open('/shop.html');
      await command(p, 'moment', 'purchase');
      expect(await reported(p, log, /could not load the UI/)).toMatchObject({ source: 'ui' });
      expect(await p.locator(HOST).count()).toBe(0);
      expect(log.errors).toEqual([]);
    } finally {
      t.server.pages.delete(ui);
    }
  });

  it('a survey file of another version (a stale cache) is refused and reported, nothing thrown; the right one later shows the survey', async () => {
    const file = '/dist/ressenti-survey.min.js';
    t.server.pages.set(file, { body: 'window.__ressentiSurvey = { _render: function () { throw new Error("old") } };', headers: JS });
    try {
      page('/stale-survey.html', { surveys: '/checkout.json' });
      const { page: p, log } = await t.open('/stale-survey.html');
      await command(p, 'moment', 'purchase');
      expect(await reported(p, log, /could not load the survey file from \S+: not the file of Ressenti \d/)).toMatchObject({ source: 'ui' });
      expect(await p.locator(HOST).count()).toBe(0);
      t.server.pages.delete(file);
      await command(p, 'moment', 'purchase');
      await stillAnswers(p, t, 'checkout');
      expect(log.errors).toEqual([]);
    } finally {
      t.server.pages.delete(file);
    }
  });

  it('a UI file that does not answer is given up after 10 s and reported, the slot freed; once it comes, the next moment shows its survey', async () => {
    const ui = '/dist/ressenti-ui.min.js';
    let answer = (_: string) => {};
    // Headers, then nothing until `answer`: a server that stalls mid-response.
    t.server.pages.set(ui, { body: '', headers: JS, rest: new Promise<string>((done) => (answer = done)) });
    try {
      page('/stalled-ui.html', { surveys: '/checkout.json' });
      const { page: p, log } = await t.open('/stalled-ui.html');
      await p.clock.install();
      await command(p, 'moment', 'purchase');
      await expect.poll(() => t.server.hits(ui)).toBe(1);
      await p.clock.runFor(9_000);
      expect(await errorEvents(p)).toEqual([]);
      await p.clock.runFor(1_000);
      expect(await reported(p, log, /could not load the UI from \S+: no answer within 10 s$/)).toMatchObject({ source: 'ui' });
      expect(await p.locator(HOST).count()).toBe(0);
      // The file comes after all: it still runs, and the next moment uses it.
      answer(readFileSync(join(DIST, 'ressenti-ui.min.js'), 'utf8'));
      await p.waitForFunction(() => '__ressentiUI' in window);
      await command(p, 'moment', 'purchase');
      await stillAnswers(p, t, 'checkout');
      expect(log.errors).toEqual([]);
    } finally {
      answer('');
      t.server.pages.delete(ui);
    }
  });

  it.each([
    ['a UI file that cannot load (404)', { status: 404, body: 'not found' }, '', /could not load the UI from \S+$/],
    ['HTML (a single-page app answering 200 with its index.html)', { body: htmlPage('<div id="app"></div>'), headers: { 'Content-Type': 'text/html' } }, '', /: not the file of Ressenti \d/],
    // A stale copy in the page's global (another version's script ran before) is refused as well.
    ['the UI of another version, also already in the global', { body: STALE_UI, headers: JS }, `<script>${STALE_UI}</script>`, /: not the file of Ressenti \d/],
  ])('%s is refused and reported with the URL tried every time, nothing thrown; a later survey loads it again', async (_, entry, head, match) => {
    const ui = '/dist/ressenti-ui.min.js';
    t.server.pages.set(ui, entry);
    try {
      page('/broken-ui.html', { surveys: '/checkout.json' }, head);
      const { page: p, log } = await t.open('/broken-ui.html');
      await command(p, 'moment', 'purchase');
      const error = await reported(p, log, match);
      expect(error).toMatchObject({ source: 'ui' });
      expect(error.message).toContain(`could not load the UI from ${t.server.url + ui}`);
      await command(p, 'moment', 'purchase');
      await reported(p, log, match, 2);
      expect(await p.locator(HOST).count()).toBe(0);
      t.server.pages.delete(ui);
      await command(p, 'moment', 'purchase');
      await stillAnswers(p, t, 'checkout');
      expect(log.ressenti()).toHaveLength(2);
      expect(log.errors).toEqual([]);
    } finally {
      t.server.pages.delete(ui);
    }
  });
});

describeBrowser('a broken endpoint', () => {
  const t = useBrowser();
  // The endpoint sits behind this TCP proxy: while `mode` is not `pass`, every request gets a broken answer.
  let mode: 'pass' | 'html500' | 'garbage' = 'pass';
  let broken = 0;
  let proxy: TcpServer;
  let endpoint = '';
  const html = '<!doctype html><html><body><h1>500 Internal Server Error</h1><p>nginx</p></body></html>';
  const answers = {
    html500: `HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: ${html.length}\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n${html}`,
    garbage: '\u0000\u0007garbage, not HTTP\r\n\r\n',
  };

  beforeAll(async () => {
    const port = new URL(t.server.url).port;
    proxy = createServer((socket) => {
      socket.on('error', () => {});
      if (mode === 'pass') {
        const upstream = connect(+port, '127.0.0.1');
        upstream.on('error', () => socket.destroy());
        socket.pipe(upstream).pipe(socket);
        return;
      }
      const answer = answers[mode];
      socket.once('data', () => (broken++, socket.end(answer)));
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    const address = proxy.address() as { port: number };
    endpoint = `http://127.0.0.1:${address.port}/collect`;
    t.server.pages.set('/surveys.json', { body: [CSAT] });
    t.server.pages.set('/shop.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { endpoint, surveys: '/surveys.json' }), '<script src="/errors.js"></script>'));
    t.server.pages.set('/errors.js', {
      body: "window.ressenti=window.ressenti||function(){(ressenti.q=ressenti.q||[]).push(arguments)};window.__errors=[];ressenti('on','error',function(e){__errors.push(e)})",
      headers: JS,
    });
  });
  afterAll(() => new Promise<void>((done) => proxy.close(() => done())));

  it.each([
    ['a 500 HTML page', 'html500', /500/],
    ['garbage that is not HTTP', 'garbage', /./],
  ] as const)('answering %s is reported once; the survey still works and every event arrives once it recovers', async (_, how, match) => {
    mode = how;
    broken = 0;
    const { page: p, log } = await t.open('/shop.html');
    const error = await reported(p, log, match);
    expect(error).toMatchObject({ source: 'delivery' });
    expect(error.message).toContain(endpoint);
    await p.locator(HOST).getByRole('button', { name: 'Delighted' }).click();
    await p.locator(HOST).getByText('Thank you!').waitFor();
    await expect.poll(() => broken).toBeGreaterThanOrEqual(3); // retried, not given up
    mode = 'pass';
    const events = await t.server.collector.waitFor((e) => e.length === 2);
    expect(events.map((e) => e.type).sort()).toEqual(['impression', 'response']);
    expect(log.ressenti()).toHaveLength(1);
    expect(log.errors).toEqual([]);
  });
});
