// WCAG 2.2 AA as axe-core checks it (SPEC §3), in Chromium: every question type, every step, the
// thanks screen, light and dark, popover and inline, on a desktop and on a 320px phone.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, htmlPage, scriptTag, useBrowser } from './harness';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const HOST = '[data-ressenti-host]';

// One survey asking every question type, each with the options that change its markup.
const every = {
  id: 'every',
  questions: [
    { id: 'mood', type: 'emoji', text: 'How was your visit?' },
    { id: 'stars', type: 'rating', style: 'stars', text: 'Rate the delivery' },
    { id: 'ces', type: 'rating', scale: 7, labels: ['Very hard', 'Very easy'], text: 'How easy was it?' },
    { id: 'nps', type: 'nps', text: 'How likely are you to recommend us?' },
    { id: 'thumb', type: 'thumbs', text: 'Did you find it?' },
    { id: 'topic', type: 'choice', text: 'What is it about?', options: ['Shipping', { value: 'cost', label: 'Price' }] },
    { id: 'seen', type: 'choice', multiple: true, text: 'Which did you use?', options: ['Search', 'Filters', 'Chat'] },
    { id: 'note', type: 'text', text: 'Anything to add?', placeholder: 'Your words' },
  ],
  thanks: { text: 'Thank you!', action: { label: 'Talk to support', url: '/help' } },
};
const defs = { surveys: [every, { ...every, id: 'inline-every', display: 'inline' }] };

type Violation = { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary: string }[] };

/** axe-core's WCAG 2.0–2.2 A and AA rules on the widget (its shadow tree included): one line per failing node. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(
    (host) =>
      (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe
        .run({ include: [[host]] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
        .then((r) => r.violations),
    HOST,
  );
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${n.failureSummary}`));
}

/** Walks through `every`, checking each step, then the thanks screen; returns every violation found, by step. */
async function walk(page: Page): Promise<string[]> {
  const widget = page.locator(HOST);
  const found: string[] = [];
  const check = async (step: string) => found.push(...(await violations(page)).map((v) => `${step}: ${v}`));
  const tapFirst = (name: RegExp) => widget.getByRole('button', { name }).first().click();

  await widget.getByText('How was your visit?').waitFor();
  await check('emoji');
  await tapFirst(/unhappy/i);
  await widget.getByText('Rate the delivery').waitFor();
  await check('stars');
  await tapFirst(/star/);
  await widget.getByText('How easy was it?').waitFor();
  await check('rating numbers');
  await tapFirst(/of 7/);
  await widget.getByText('How likely').waitFor();
  await check('nps');
  await tapFirst(/^9$/);
  await widget.getByText('Did you find it?').waitFor();
  await check('thumbs');
  await tapFirst(/^Yes$/);
  await widget.getByText('What is it about?').waitFor();
  await check('choice');
  await tapFirst(/Price/);
  await widget.getByText('Which did you use?').waitFor();
  await check('choice, multiple');
  await widget.getByRole('checkbox', { name: 'Filters' }).check();
  await check('choice, multiple, ticked');
  await widget.getByRole('button', { name: 'Next' }).click();
  await widget.getByRole('textbox', { name: 'Anything to add?' }).fill('All good');
  await check('text');
  await widget.getByRole('button', { name: 'Send' }).click();
  await widget.getByRole('link', { name: 'Talk to support' }).waitFor();
  await check('thanks');
  return found;
}

describeBrowser('accessibility in Chromium: no axe-core WCAG 2.2 A/AA violation, and keyboard-only use', () => {
  const t = useBrowser();

  beforeAll(() => {
    const inline = `<script type="application/json" id="defs">${JSON.stringify(defs)}</script>`;
    const page = (theme: string, body = '<h1>Shop</h1>', accent?: string) =>
      htmlPage('<main>' + body + '</main>' + inline + scriptTag(t.server, { surveys: '#defs', theme, accent }));
    t.server.pages.set('/light.html', page('light'));
    t.server.pages.set('/dark.html', page('dark'));
    t.server.pages.set('/pale.html', page('light', '<h1>Shop</h1>', '#ffd400'));
    t.server.pages.set('/deep.html', page('dark', '<h1>Shop</h1>', 'navy'));
    t.server.pages.set('/inline.html', page('light', '<h1>Help article</h1><div data-ressenti-inline="inline-every"></div>'));
  });

  /** Opens `path` and shows the survey that asks everything. */
  const popover = async (path: string, options?: Parameters<typeof t.open>[1]) => {
    const opened = await t.open(path, options);
    await opened.page.waitForFunction(() => (window as unknown as { ressenti?: { loaded?: boolean } }).ressenti?.loaded);
    await opened.page.evaluate(() => (window as unknown as { ressenti(...a: unknown[]): void }).ressenti('show', 'every'));
    return opened;
  };

  it.each(['light', 'dark'])('a popover in the %s theme, every step and the thanks screen', async (theme) => {
    const { page, log } = await popover(`/${theme}.html`);
    expect(await walk(page)).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('a popover on a 320px phone (target sizes, reflow), every step', async () => {
    const { page } = await popover('/light.html', { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    expect(await walk(page)).toEqual([]);
  });

  it.each(['pale', 'deep'])('a %s accent: a picked answer and the Next button on it stay readable', async (accent) => {
    const { page } = await popover(`/${accent}.html`);
    const widget = page.locator(HOST);
    await widget.getByRole('button', { name: /delighted/i }).click();
    await widget.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => widget.getByRole('button', { name: /delighted/i }).getAttribute('aria-pressed')).toBe('true');
    expect(await violations(page)).toEqual([]);
  });

  it('an inline survey in the page flow, every step', async () => {
    const { page } = await t.open('/inline.html');
    expect(await walk(page)).toEqual([]);
  });

  it('keyboard only: every point is a tab stop; Tab to the fourth face and Enter sends 4; Back returns to the answer given', async () => {
    const { page } = await popover('/light.html');
    const widget = page.locator(HOST);
    await widget.getByText('How was your visit?').waitFor();
    const focused = () =>
      page.evaluate((host) => {
        const el = document.querySelector(host)!.shadowRoot!.activeElement as HTMLElement | null;
        return el ? el.getAttribute('aria-label') || el.textContent || el.localName : '';
      }, HOST);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Close');
    for (const name of ['Very unhappy', 'Unhappy', 'Neutral', 'Happy']) {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(name);
    }
    await page.keyboard.press('Enter'); // picks the fourth face, and moves on
    await widget.getByText('Rate the delivery').waitFor();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')!.answers).toEqual({ mood: 4 });
    await expect.poll(focused).toBe('1 star'); // focus followed into the new step
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('3 stars');
    await page.keyboard.press('ArrowRight'); // arrows are not a scale's keys: nothing moves, nothing is picked
    expect(await focused()).toBe('3 stars');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('2 stars');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Back');
    await page.keyboard.press('Enter');
    await widget.getByText('How was your visit?').waitFor();
    await expect.poll(focused).toBe('Happy'); // the answer given
    expect(await widget.getByRole('button', { name: 'Happy', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(t.server.collector.events.filter((x) => x.type === 'response')).toHaveLength(1);
  });

  it('the check can fail: a widget whose button loses its name is reported', async () => {
    const { page } = await popover('/light.html');
    await page.locator(HOST).getByText('How was your visit?').waitFor();
    await page.locator(HOST).getByRole('button', { name: 'Close' }).evaluate((close) => close.removeAttribute('aria-label'));
    expect((await violations(page)).join('\n')).toMatch(/^button-name/);
  });
});
