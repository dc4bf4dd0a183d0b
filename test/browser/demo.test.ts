// `npm run demo` end to end: a visitor walks the Atelier Nord shop under its strict CSP, answers
// the surveys of the journey, and the demo's collector and results page show the answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemo } from '../../demo/server.mjs';
import type { FeedbackEvent } from '../../src/types';
import { consoleOf, describeBrowser, launchBrowser, type ConsoleLog } from './harness';

describeBrowser('demo shop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ressenti-demo-'));
  let demo: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let log: ConsoleLog;

  beforeAll(async () => {
    demo = await startDemo({ port: 0, dataFile: join(dir, 'events.jsonl'), print: () => {} });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    log = consoleOf(page);
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const widget = () => page.locator('[data-ressenti-host]');
  const completed = async (surveyId: string) => {
    let found: FeedbackEvent | undefined;
    await expect
      .poll(async () => {
        const { events } = (await (await fetch(demo.url + '/api/events')).json()) as { events: FeedbackEvent[] };
        return (found = events.find((e) => e.surveyId === surveyId && e.type === 'response' && e.complete));
      })
      .toBeTruthy();
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

  it("a score clicked in the e-mail is the NPS answer, and the shop asks the follow-ups", async () => {
    await page.goto(demo.url + '/inbox');
    await page.getByRole('link', { name: '9', exact: true }).click();
    await widget().getByRole('textbox').fill('Lovely quality');
    await widget().getByRole('button', { name: 'Next' }).click();
    await widget().getByRole('checkbox', { name: 'Quality' }).check();
    await widget().getByRole('button', { name: 'Send' }).click();
    const event = await completed('nps-email');
    expect(event).toMatchObject({ moment: 'link', answers: { nps: 9, reason: 'Lovely quality', mattered: ['quality'] } });
    expect(page.url()).not.toContain('ressenti=');
  });

  it('a help article carries the inline "Was this article helpful?" survey', async () => {
    await page.goto(demo.url + '/help/care-guide');
    await page.locator('.inline-survey').getByRole('button', { name: 'Yes' }).click();
    expect((await completed('article-helpful')).answers).toEqual({ helpful: 'up' });
  });

  it('the results page counts the answers and shows visitors’ text as text', async () => {
    await page.goto(demo.url + '/results');
    const survey = page.locator('section', { has: page.getByRole('heading', { name: 'nps-email' }) });
    await expect.poll(() => survey.getByText('NPS +100').count()).toBe(1);
    await expect.poll(() => page.locator('.texts').getByText('<img src=x onerror=alert(1)> a bigger vase', { exact: true }).count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
  });

  it('no page broke the CSP or logged an error', () => {
    expect(log.errors).toEqual([]);
    expect(log.messages.filter((m) => m.type === 'error' || m.type === 'warning')).toEqual([]);
  });
});
