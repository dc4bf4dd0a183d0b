// Hardening, round two (issue 10): definitions that arrive late or never, values JSON cannot carry,
// endpoints and ids that are not what they seem, and what leaves the visitor's browser.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { RessentiError } from '../../src/types';
import { describeBrowser, htmlPage, scriptTag, useBrowser } from './harness';

const HOST = '[data-ressenti-host]';
const JS = { 'Content-Type': 'text/javascript' };
const CHECKOUT = { id: 'checkout', on: 'purchase', questions: [{ id: 'mood', type: 'emoji', text: 'How was checkout?' }] };
// A page script that runs before ours: the queue stub, and every `error` event recorded.
const ERRORS =
  "window.ressenti=window.ressenti||function(){(ressenti.q=ressenti.q||[]).push(arguments)};window.__errors=[];ressenti('on','error',function(e){__errors.push(e)})";

type Win = Window & { ressenti(...args: unknown[]): void; __errors: RessentiError[] };

const errorEvents = (page: Page) => page.evaluate(() => (window as unknown as Win).__errors.map((e) => e.message));
const command = (page: Page, ...args: unknown[]) => page.evaluate((a) => (window as unknown as Win).ressenti(...a), args);

describeBrowser('hardening', () => {
  const t = useBrowser();
  const head = '<script src="/errors.js"></script>';
  beforeAll(() => {
    t.server.pages.set('/errors.js', { body: ERRORS, headers: JS });
  });

  it('inline definitions and strings after the script, while the body still streams: read once they arrive, moments kept', async () => {
    let finish!: (html: string) => void;
    const rest = new Promise<string>((done) => (finish = done));
    const top = htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '#defs', strings: '#strings' }) + '<p>Loading…</p>', head).replace('</body></html>', '');
    t.server.pages.set('/streaming.html', { body: top, rest });
    const { page, log } = await t.open();
    await page.goto(t.server.url + '/streaming.html', { waitUntil: 'commit' });
    // Our script runs while the definitions are not in the document yet; a moment fires meanwhile.
    await page.waitForFunction(() => (window as unknown as { ressenti: { loaded?: boolean } }).ressenti?.loaded);
    await command(page, 'moment', 'purchase');
    finish(
      `<script type="application/json" id="defs">${JSON.stringify([CHECKOUT])}</script>` +
        `<script type="application/json" id="strings">{"en":{"thanks":"Merci bien"}}</script></body></html>`,
    );
    await page.locator(HOST).getByRole('button', { name: 'Delighted' }).click();
    await page.locator(HOST).getByText('Merci bien').waitFor();
    await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(await errorEvents(page)).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('a definitions URL that never answers is given up after 10 s and reported; commands waiting for it run', async () => {
    t.server.pages.set('/hang.json', { body: '', rest: new Promise(() => {}) });
    t.server.pages.set('/hang.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/hang.json' }), head));
    const { page, log } = await t.open();
    await page.clock.install();
    await page.goto(t.server.url + '/hang.html');
    await command(page, 'show', 'checkout');
    await expect.poll(() => t.server.hits('/hang.json')).toBe(1);
    await page.clock.runFor(9_000);
    expect(await errorEvents(page)).toEqual([]);
    await page.clock.runFor(1_000);
    await expect.poll(() => errorEvents(page)).toEqual(['"/hang.json": no answer within 10 s', 'show: no valid survey with id "checkout"']);
    expect(log.errors).toEqual([]);
  });

  it('context JSON cannot carry is left out with one warning when given: the survey shows, is delivered, and the next one works', async () => {
    t.server.pages.set('/checkout.json', { body: [CHECKOUT, { ...CHECKOUT, id: 'again', on: 'again' }] });
    t.server.pages.set('/context.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/checkout.json' }), head));
    const { page, log } = await t.open('/context.html');
    await page.evaluate(() => {
      const cart: Record<string, unknown> = { total: 42 };
      cart.self = cart;
      const r = (window as unknown as Win).ressenti;
      r('context', { big: BigInt(10), fn: () => 1, node: document.body, plan: 'pro' });
      r('moment', 'purchase', { cart, value: 42, get boom() { throw new Error('getter'); } });
    });
    expect(log.ressenti('warning')).toEqual([
      '[ressenti] context: big, fn, node left out (JSON cannot carry them)',
      '[ressenti] context: cart, boom left out (JSON cannot carry them)',
    ]);
    await page.locator(HOST).getByRole('button', { name: 'Delighted' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')!.context).toMatchObject({ plan: 'pro', value: 42 });
    expect(events.every((x) => !('node' in x.context))).toBe(true);
    await page.locator(HOST).getByRole('button', { name: 'Close' }).click();
    await page.locator(HOST).waitFor({ state: 'detached' });
    await command(page, 'moment', 'again');
    await page.locator(HOST).getByText('How was checkout?').waitFor();
    expect(await errorEvents(page)).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('a survey and questions named constructor, __proto__, toString show, and their answers arrive', async () => {
    const survey = {
      id: 'constructor',
      on: 'page-view',
      limit: { once: true },
      questions: [
        { id: '__proto__', type: 'emoji', text: 'How was checkout?' },
        { id: 'toString', type: 'thumbs', text: 'Did you find it?' },
      ],
    };
    t.server.pages.set('/builtin.json', { body: [survey] });
    t.server.pages.set('/builtin.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/builtin.json' }), head));
    const { page, log } = await t.open('/builtin.html');
    await page.locator(HOST).getByRole('button', { name: 'Delighted' }).click();
    await page.locator(HOST).getByRole('button', { name: 'Yes', exact: true }).click();
    await page.locator(HOST).getByRole('button', { name: 'Send' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response' && x.complete));
    const response = events.find((x) => x.type === 'response' && x.complete)!;
    expect(response.surveyId).toBe('constructor');
    expect(JSON.stringify(response.answers)).toBe('{"__proto__":5,"toString":"up"}');
    expect(await errorEvents(page)).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('a text answer set by a script is cut to maxLength by the widget, not only by the textarea', async () => {
    const survey = { id: 'why', on: 'page-view', questions: [{ id: 'why', type: 'text', text: 'What could we do better?', maxLength: 20 }] };
    t.server.pages.set('/text.json', { body: [survey] });
    t.server.pages.set('/text.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/text.json' }), head));
    const { page } = await t.open('/text.html');
    await page.locator(HOST).getByRole('textbox').evaluate((el: HTMLTextAreaElement) => {
      el.value = 'x'.repeat(1_000_000);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator(HOST).getByRole('button', { name: 'Send' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')!.answers).toEqual({ why: 'x'.repeat(20) });
  });

  it.each(['data:text/plain,collect', 'javascript:void 0', 'blob:http://127.0.0.1/x', 'file:///tmp/collect'])(
    'data-endpoint="%s" is refused at start with one clear error; nothing waits in the outbox',
    async (endpoint) => {
      t.server.pages.set('/csat.json', { body: [{ ...CHECKOUT, on: 'page-view' }] });
      t.server.pages.set('/endpoint.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/csat.json', endpoint }), head));
      const { page, log } = await t.open('/endpoint.html');
      await expect.poll(() => errorEvents(page)).toEqual([`endpoint must be an http(s) or relative URL, got ${JSON.stringify(endpoint)}; nothing is sent`]);
      await page.locator(HOST).getByRole('button', { name: 'Delighted' }).click();
      await page.locator(HOST).getByText('Thank you!').waitFor();
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')))).toEqual([]);
      expect(log.errors).toEqual([]);
    },
  );

  it('context.url carries no fragment and no query but utm_* and data-url-params; path stays; nothing else is stored; conditions see it whole', async () => {
    t.server.pages.set('/csat.json', { body: [{ ...CHECKOUT, on: 'page-view', if: { url: '**token=s3cr3t*#order-1042' } }] });
    t.server.pages.set('/order.html', htmlPage('<h1>Order</h1>' + scriptTag(t.server, { surveys: '/csat.json', 'url-params': 'ref' }), head));
    const { page } = await t.open('/order.html?email=ann%40example.com&token=s3cr3t&utm_source=mail&ref=nl#order-1042');
    await page.locator(HOST).getByRole('button', { name: 'Delighted' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    for (const event of events) expect(event.context).toMatchObject({ url: t.server.url + '/order.html?utm_source=mail&ref=nl', path: '/order.html' });
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/example\.com|s3cr3t|1042/);
  });

  it('data-visitor="off": no visitor id stored, none in events', async () => {
    // sample: 1 draws (with no visitor id, from the tab session's) and always passes: the draw runs, the test never flakes.
    t.server.pages.set('/csat.json', { body: [{ ...CHECKOUT, on: 'page-view', sample: 1 }] });
    t.server.pages.set('/anonymous.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/csat.json', visitor: 'off' }), head));
    const { page } = await t.open('/anonymous.html');
    await page.locator(HOST).getByRole('button', { name: 'Delighted' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    for (const event of events) expect('visitor' in event).toBe(false);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /visitor/.test(k)))).toEqual([]);
  });
});
