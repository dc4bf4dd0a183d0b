// `npm run demo` end to end: the Atelier Nord shop under its strict CSP with the real collector
// (PGlite in memory) mounted in the same server. A visitor walks the shop and answers the
// surveys of the journey; the owner signs in at /results and sees the answers, charts and
// comments, live; without the token nothing about visitors is readable.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startDemo } from '../../demo/server.mjs';
import type { FeedbackEvent } from '../../src/types';
import { consoleOf, describeBrowser, launchBrowser, type ConsoleLog } from './harness';

let demo: { url: string; close(): Promise<void> };
beforeAll(async () => {
  demo = await startDemo({ port: 0, dataDir: 'memory://', log: () => {} });
});
afterAll(() => demo?.close());

const owner = { Authorization: `Bearer ${DEMO_TOKEN}` };
/** The stored events of a survey, through the owner's JSON export. */
const exported = async (surveyId: string) =>
  ((await (await fetch(`${demo.url}/api/export?format=json&survey=${surveyId}`, { headers: owner })).json()) as { events: FeedbackEvent[] }).events;
let sent = 0;
/** Posts one display's events to /collect as the widget would (text/plain). */
const post = (events: Partial<FeedbackEvent>[]) =>
  fetch(demo.url + '/collect', { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: JSON.stringify({ events: events.map((e) => ({ v: 1, eventId: `t${++sent}`, session: 's', context: { path: '/', device: 'desktop', locale: 'en' }, ts: new Date().toISOString(), ...e })) }) });

describe('demo server', () => {
  it('serves every shop page under the strict CSP', async () => {
    for (const path of ['/', '/products/fjord-mug', '/cart', '/orders/track', '/inbox', '/help', '/help/care-guide']) {
      const res = await fetch(demo.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:");
      expect(await res.text(), path).not.toMatch(/<script>|<style|style="/);
    }
  });

  it('serves the widget brotli- or gzip-compressed, as the browser accepts', async () => {
    const raw = (encoding: string) =>
      new Promise<{ encoding?: string; vary?: string; size: number }>((done) =>
        httpGet(demo.url + '/dist/ressenti.min.js', { headers: { 'Accept-Encoding': encoding } }, (res) => {
          let size = 0;
          res.on('data', (chunk: Buffer) => (size += chunk.length)).on('end', () => done({ encoding: res.headers['content-encoding'], vary: res.headers.vary, size }));
        }),
      );
    const [br, gzip, plain] = await Promise.all([raw('gzip, deflate, br'), raw('gzip'), raw('identity')]);
    expect([br.encoding, gzip.encoding, plain.encoding]).toEqual(['br', 'gzip', undefined]);
    expect(br.vary).toBe('Accept-Encoding');
    expect(br.size).toBeLessThan(gzip.size);
    expect(gzip.size).toBeLessThan(plain.size / 2);
  });

  it('never serves a file outside its folders', async () => {
    for (const path of ['/assets/..%2f..%2fpackage.json', '/dist/..%2fpackage.json', '/assets/%2e%2e/server.mjs', '/results/..%2f..%2fpackage.json'])
      expect((await fetch(demo.url + path)).status, path).toBe(404);
  });

  it('lets nothing about visitors be read without the token', async () => {
    await post([{ type: 'response', responseId: 'secret', surveyId: 'nps-email', moment: 'link', answers: { nps: 3, reason: 'my address is 12 Bryggen' }, complete: true }]);
    for (const path of ['/api/surveys', '/api/report?survey=nps-email', '/api/comments', '/api/export?format=csv', '/api/export?format=json', '/api/live']) {
      const res = await fetch(demo.url + path, { headers: { Authorization: 'Bearer wrong' } });
      expect(res.status, path).toBe(401);
      expect(await res.text(), path).not.toContain('Bryggen');
    }
    const page = await fetch(demo.url + '/results');
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('action="/login"');
  });

  it("dates the delivery 'today' on the tracking page, next to today's date", async () => {
    const today = new Date().toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
    const html = await (await fetch(demo.url + '/orders/track')).text();
    expect(html).toContain(`should arrive today, ${today}, between`);
    expect(html).toMatch(new RegExp(`Out for delivery</span><span class="muted">${today}<`));
  });
});

describe('npm run demo', () => {
  it('stops its server when npm is stopped, though npm runs it under a shell', async () => {
    // The inner `npm run build` is a stub (dist/ is built already); the outer npm is the real one.
    const bin = mkdtempSync(join(tmpdir(), 'ressenti-npm-'));
    const npm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'npm'), 0o755);
    const child = spawn(npm, ['run', 'demo'], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, PORT: '0', DEMO_DATA_DIR: 'memory://' } });
    try {
      let out = '';
      child.stderr.on('data', (d) => (out += d));
      const url = await new Promise<string>((found, failed) => {
        child.stdout.on('data', (d) => {
          out += d;
          const m = /Shop\s+(http:\/\/localhost:\d+)\//.exec(out);
          if (m) found(m[1]);
        });
        child.on('exit', () => failed(new Error(`npm run demo exited:\n${out}`)));
      });
      expect((await fetch(url + '/')).status).toBe(200);
      child.kill('SIGTERM');
      await expect.poll(() => fetch(url + '/').then(() => 'up', () => 'down'), { timeout: 15_000 }).toBe('down');
    } finally {
      child.kill('SIGKILL');
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

describeBrowser('demo shop', () => {
  let browser: Browser;
  let page: Page;
  let log: ConsoleLog;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    log = consoleOf(page);
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
    );
  });
  afterAll(() => browser?.close());

  const widget = () => page.locator('[data-ressenti-host]');
  const completed = async (surveyId: string) => {
    let found: FeedbackEvent | undefined;
    await expect.poll(async () => (found = (await exported(surveyId)).find((e) => e.type === 'response' && e.complete))).toBeTruthy();
    return found!;
  };

  it('quick add asks whether the product was easy to find, and keeps a hostile answer as text', async () => {
    await page.goto(demo.url + '/');
    await page.getByRole('button', { name: 'Quick add Ripple glass vase' }).click();
    await widget().getByRole('button', { name: 'No' }).click();
    await widget().getByRole('textbox').fill('<img src=x onerror=alert(1)> a bigger vase');
    await widget().getByRole('button', { name: 'Send' }).click();
    const event = await completed('add-to-cart-ease');
    expect(event.answers).toEqual({ easy: 'down', missing: '<img src=x onerror=alert(1)> a bigger vase' });
    expect(event.context).toMatchObject({ path: '/', pageType: 'home', productId: 'ripple-vase' });
  });

  it('placing an order asks how checkout went, with a follow-up and a support link when it went badly', async () => {
    await page.goto(demo.url + '/checkout');
    await page.getByRole('button', { name: 'Fill in test details' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL('**/checkout/done');
    await widget().getByRole('button', { name: 'Unhappy', exact: true }).click();
    await widget().getByRole('textbox').fill('Too many steps');
    await widget().getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => widget().getByRole('link', { name: 'Talk to support' }).count()).toBe(1);
    const event = await completed('post-purchase');
    expect(event).toMatchObject({ moment: 'purchase', answers: { mood: 2, why: 'Too many steps' }, context: { value: 42, currency: 'EUR' } });
  });

  it('a score clicked in the e-mail is the NPS answer, and the shop asks the follow-ups', async () => {
    await page.goto(demo.url + '/inbox');
    await page.getByRole('link', { name: '9', exact: true }).click();
    await widget().getByRole('textbox').fill('Lovely quality');
    await widget().getByRole('button', { name: 'Next' }).click();
    await widget().getByRole('checkbox', { name: 'Quality' }).check();
    await widget().getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(async () => (await exported('nps-email')).find((e) => e.complete && e.answers?.nps === 9))
      .toMatchObject({ moment: 'link', answers: { nps: 9, reason: 'Lovely quality', mattered: ['quality'] } });
    expect(page.url()).not.toContain('ressenti=');
  });

  it('the inline "Was this article helpful?" survey completes with Yes, and asks what was wrong with No', async () => {
    await page.goto(demo.url + '/help/care-guide');
    await page.locator('.inline-survey').getByRole('button', { name: 'Yes' }).click();
    expect((await completed('article-helpful')).answers).toEqual({ helpful: 'up' });
    await page.goto(demo.url + '/help/shipping-returns');
    const inline = page.locator('.inline-survey');
    await inline.getByRole('button', { name: 'No' }).click();
    await inline.getByRole('checkbox', { name: 'Something is missing' }).check();
    await inline.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await exported('article-helpful')).find((e) => e.complete && e.answers?.helpful === 'down')?.answers).toEqual({ helpful: 'down', problem: ['incomplete'] });
  });

  it('says in the banner when the fatigue policy holds a survey back', async () => {
    await page.goto(demo.url + '/products/oak-lamp');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await widget().getByRole('button', { name: /close/i }).click();
    await page.reload();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.locator('[data-demo-status]').textContent()).toMatch(/“product-reaction” was held back by the fatigue policy \(limit\.cooldownDays/);
  });

  it('checkout, as its banner says: leaving with the payment form on screen opens nothing; after a reload, with it folded away, the exit survey shows', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'cart', value: 'fjord-mug:1', url: demo.url }]);
    const checkout = await context.newPage();
    const exits: string[] = [];
    checkout.on('console', (m) => m.text().startsWith('[ressenti] moment "exit-intent"') && exits.push(m.text()));
    const leave = async () => {
      await checkout.mouse.move(640, 300);
      await checkout.mouse.move(640, -5, { steps: 4 });
    };
    await checkout.goto(demo.url + '/checkout');
    await checkout.getByRole('button', { name: 'Continue to payment' }).click();
    await checkout.getByLabel('Card number').scrollIntoViewIfNeeded();
    // Exit intent counts only after a few seconds on the page: leave until the widget has decided.
    await expect.poll(async () => (await leave(), exits.length)).toBe(1);
    expect(await checkout.locator('[data-ressenti-host]').count()).toBe(0);
    await checkout.reload();
    await expect.poll(async () => (await leave(), checkout.locator('[data-ressenti-host]').getByRole('button', { name: 'The shipping cost' }).count())).toBe(1);
    await context.close();
  });

  it('on a phone: a product reaction in a bottom sheet, answered by touch', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    const phoneLog = consoleOf(phone);
    await phone.goto(demo.url + '/products/linen-throw');
    await phone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const sheet = phone.locator('[data-ressenti-host]');
    const box = (await sheet.getByRole('region', { name: 'Feedback' }).boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(844 - 24); // at the bottom of the screen
    await sheet.getByRole('button', { name: 'I love it' }).tap();
    await expect
      .poll(async () => (await exported('product-reaction')).find((e) => e.complete && e.context?.productId === 'linen-throw'))
      .toMatchObject({ answers: { reaction: 5 }, context: { device: 'mobile', path: '/products/linen-throw' } });
    expect(phoneLog.errors).toEqual([]);
    await context.close();
  });

  it('no page broke the CSP or logged an error', () => {
    expect(log.errors).toEqual([]);
    expect(log.messages.filter((m) => m.type === 'error' || m.type === 'warning')).toEqual([]);
  });
});

describeBrowser('results dashboard', () => {
  let browser: Browser;
  let log: ConsoleLog;
  const open = async (context: BrowserContext) => {
    const page = await context.newPage();
    await page.goto(demo.url + '/results');
    await page.getByLabel('Token').fill(DEMO_TOKEN);
    // From here on: the login page itself is answered 401, by design.
    log = consoleOf(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    return page;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('refuses a wrong token and says so', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(demo.url + '/results');
    await page.getByLabel('Token').fill('not-it');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not the collector');
    expect(await page.locator('#app').count()).toBe(0);
  });

  it('shows the funnel, charts, NPS and comments, and updates live as answers arrive', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context);
    await page.getByRole('combobox', { name: 'Survey' }).selectOption('delivery-csat');
    await page.getByRole('heading', { name: 'delivery-csat', level: 2 }).waitFor();
    const impressions = page.locator('.funnel .kpi', { hasText: 'Impressions' }).locator('dd');
    const before = Number(await impressions.textContent());
    await page.locator('.plot canvas').first().waitFor();

    const started = Date.now();
    await post([
      { type: 'impression', responseId: 'live1', surveyId: 'delivery-csat', moment: 'delivery-tracked' },
      { type: 'response', responseId: 'live1', surveyId: 'delivery-csat', moment: 'delivery-tracked', answers: { csat: 2 }, complete: true },
    ]);
    await expect.poll(() => impressions.textContent(), { timeout: 5000 }).toBe(String(before + 1));
    const delay = Date.now() - started;
    console.info(`dashboard updated ${delay} ms after the POST`);
    expect(await page.locator('.kpi', { hasText: 'CSAT' }).locator('dd').textContent()).toMatch(/^\d\.\d \/ 5$/);

    await page.getByRole('combobox', { name: 'Survey' }).selectOption('nps-email');
    const hostile = '<img src=x onerror=alert(1)> slow <b>site</b>';
    await post([{ type: 'response', responseId: 'live2', surveyId: 'nps-email', moment: 'link', answers: { nps: 10, reason: hostile }, complete: true, context: { path: '/', device: 'mobile', locale: 'fr' } }]);
    const comment = page.locator('.comment-list li', { hasText: 'slow' });
    await expect.poll(() => comment.locator('blockquote').textContent(), { timeout: 5000 }).toBe(hostile);
    expect(await page.locator('.comment-list img, .comment-list b').count()).toBe(0);
    expect(await comment.textContent()).toContain('nps-email.reason · score 10 · link · / · mobile · fr');
    expect(await page.locator('.kpi', { hasText: 'Promoters' }).count()).toBe(1);
    expect(await page.locator('.breakdown', { hasText: 'By device' }).getByRole('rowheader', { name: 'mobile' }).count()).toBe(1);

    const csv = await page.request.get(demo.url + (await page.getByRole('link', { name: 'CSV' }).getAttribute('href')));
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toMatch(/^\ufeff?eventId,type,surveyId/);
    expect(await csv.text()).toContain('live2');
    expect(log.errors).toEqual([]);
    expect(log.messages.filter((m) => m.type === 'error' || m.type === 'warning')).toEqual([]);
  });

  it('works on a phone and by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await open(context);
    await page.locator('#report-title').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    const button = page.getByRole('button', { name: 'post-purchase' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#report-title').textContent()).toBe('post-purchase');
    expect(await page.locator('.plot canvas').first().boundingBox()).toMatchObject({ width: expect.any(Number) });
    expect((await page.locator('.plot canvas').first().boundingBox())!.width).toBeLessThanOrEqual(390);
  });

  it('meets WCAG 2.2 AA as axe-core checks it, charts and tables open', async () => {
    // bypassCSP: axe-core is injected as an inline script, which the dashboard's CSP rightly refuses.
    const page = await open(await browser.newContext({ bypassCSP: true }));
    await page.locator('.plot canvas').first().waitFor();
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const found = await page.evaluate(async () => {
      const { violations } = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
    });
    expect(found).toEqual([]);
  });

  it('signs out', async () => {
    const page = await open(await browser.newContext());
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Token').waitFor();
    expect((await page.request.get(demo.url + '/api/surveys')).status()).toBe(401);
  });
});
