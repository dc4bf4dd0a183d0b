// WCAG 2.2 AA as axe-core checks it (SPEC §3), in Chromium, and nothing lost: every question type and
// step, the thanks screen with and without its action, popover and inline, light and dark, a pale and
// a deep accent, phones (390×844, 320 px), right to left (Arabic, Hebrew, an English page set
// dir="rtl"), German, and the page zoomed to 200 % and 400 %.
import { createRequire } from 'node:module';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, useBrowser } from './harness';
import { HOST, type HostPage, hostPage, type Locale, show, tour } from './tour';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type Violation = { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary: string }[] };

/** axe-core's WCAG 2.0–2.2 A and AA rules on the widget (its shadow tree included): one line per failing node. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(
    (host) =>
      (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe
        .run({ include: [[host]] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
        .then((r) => r.violations),
    HOST,
  );
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${n.failureSummary}`));
}

/**
 * What axe cannot see: a control that cannot be brought on screen, or that something covers once it
 * is (each is scrolled into view, as Tab or a finger would, then hit-tested at its centre), a control
 * whose content overflows it, and a card wider than its box (content cut off at the side, or a
 * sideways scroll: WCAG 1.4.10).
 */
function lost(page: Page): Promise<string[]> {
  return page.evaluate((host) => {
    const root = document.querySelector(host)!.shadowRoot!;
    const card = root.querySelector<HTMLElement>('[role=region]')!;
    const found = card.scrollWidth > card.clientWidth ? [`the card is ${card.scrollWidth} px wide in a ${card.clientWidth} px box`] : [];
    const view = visualViewport!;
    for (const control of root.querySelectorAll<HTMLElement>('button,a[href],input,textarea')) {
      control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = control.getBoundingClientRect();
      const name = control.getAttribute('aria-label') || control.textContent!.trim() || control.localName;
      const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!(r.width && r.height && r.left >= 0 && r.top >= 0 && r.right <= view.width && r.bottom <= view.height))
        found.push(`${name}: out of the ${view.width}×${view.height} viewport at ${[r.left, r.top, r.right, r.bottom].map(Math.round)}`);
      else if (!hit || !control.contains(hit)) found.push(`${name}: covered by <${hit ? hit.localName + ' ' + hit.className : 'nothing'}>`);
      if (control.scrollWidth > control.clientWidth + 1) found.push(`${name}: its content is ${control.scrollWidth} px wide in a ${control.clientWidth} px box`);
    }
    return found;
  }, HOST);
}

/** Tours `every` (or the inline one, already on the page) and returns, by stop, what axe and `lost` found. */
async function walk(page: Page, locale: Locale = 'en'): Promise<string[]> {
  const found: string[] = [];
  await tour(page, locale, async (stop) => {
    for (const problem of [...(await violations(page)), ...(await lost(page))]) found.push(`${stop}: ${problem}`);
  });
  return found;
}

const PHONE = (width: number, height: number): BrowserContextOptions => ({ viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

// Browser zoom at 200 % on a 1280×800 window lays the page out in 640×400 CSS px, each 2 device pixels:
// a viewport of that size at that scale is the same layout (pinch zoom, Emulation.setPageScaleFactor,
// would only magnify without reflowing, which is not what zooming does). 400 % of 1280×1024: 320×256.
const STATES: { name: string; page?: HostPage; context?: BrowserContextOptions; locale?: Locale }[] = [
  { name: 'a popover, light' },
  { name: 'a popover, dark', page: { theme: 'dark' } },
  { name: 'a pale accent (#ffd400), light', page: { accent: '#ffd400' } },
  { name: 'a deep accent (navy), dark', page: { theme: 'dark', accent: 'navy' } },
  { name: 'a phone, 390×844', context: PHONE(390, 844) },
  { name: 'a phone, 390×844, dark', page: { theme: 'dark' }, context: PHONE(390, 844) },
  { name: 'a phone 320 px wide', context: PHONE(320, 640) },
  { name: 'an Arabic page (lang="ar" dir="rtl")', page: { lang: 'ar', dir: 'rtl' }, locale: 'ar' },
  { name: 'Hebrew (data-locale="he") on an English page', page: { locale: 'he' }, locale: 'he' },
  { name: 'English on a page set dir="rtl"', page: { dir: 'rtl' } },
  { name: 'a German page, dark', page: { lang: 'de', theme: 'dark' }, locale: 'de' },
  { name: 'the page zoomed to 200 % (640×400 CSS px, 2 device px each)', context: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
  { name: 'the page zoomed to 400 % (320×256 CSS px, 4 device px each)', context: { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 } },
];

describeBrowser('accessibility in Chromium: no axe-core WCAG 2.2 A/AA violation, nothing lost, and keyboard-only use', () => {
  const t = useBrowser();

  beforeAll(() => {
    STATES.forEach((state, i) => t.server.pages.set(`/state-${i}.html`, hostPage(t.server, state.page)));
    t.server.pages.set('/light.html', hostPage(t.server));
    t.server.pages.set('/pale.html', hostPage(t.server, { accent: '#ffd400' }));
    t.server.pages.set('/deep.html', hostPage(t.server, { theme: 'dark', accent: 'navy' }));
    for (const theme of ['light', 'dark'] as const) {
      t.server.pages.set(`/pale-${theme}.html`, hostPage(t.server, { theme, accent: '#ffd400' }));
      t.server.pages.set(`/deep-${theme}.html`, hostPage(t.server, { theme, accent: 'navy' }));
    }
    t.server.pages.set('/inline.html', hostPage(t.server, { inline: true }));
    t.server.pages.set('/inline-dark.html', hostPage(t.server, { inline: true, theme: 'dark' }));
  });

  /** Opens `path` and shows the survey that asks everything. */
  const popover = async (path: string, options?: BrowserContextOptions, survey = 'every') => {
    const opened = await t.open(path, options);
    await show(opened.page, survey);
    return opened;
  };

  it.each(STATES.map((state, i) => ({ ...state, i })))('$name: every step and the thanks screen', async ({ i, context, locale }) => {
    const { page, log } = await popover(`/state-${i}.html`, context);
    expect(await walk(page, locale)).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it.each(['inline', 'inline-dark'])('an inline survey in the page flow (%s), every step', async (path) => {
    const { page } = await t.open(`/${path}.html`);
    expect(await walk(page)).toEqual([]);
  });

  it('a one-question survey (no progress, no Send) and its thanks screen without an action', async () => {
    const { page } = await popover('/light.html', undefined, 'one');
    const widget = page.locator(HOST);
    await widget.getByRole('heading', { name: 'How was your visit?' }).waitFor();
    expect([...(await violations(page)), ...(await lost(page))]).toEqual([]);
    await widget.getByRole('button', { name: 'Happy', exact: true }).click();
    await widget.getByText('Thank you!').waitFor();
    expect(await widget.getByRole('link').count()).toBe(0);
    expect([...(await violations(page)), ...(await lost(page))]).toEqual([]);
  });

  it.each(['pale', 'deep'])('a %s accent: a picked answer and the Next button on it stay readable', async (accent) => {
    const { page } = await popover(`/${accent}.html`);
    const widget = page.locator(HOST);
    await widget.getByRole('button', { name: /delighted/i }).click();
    await widget.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => widget.getByRole('button', { name: /delighted/i }).getAttribute('aria-pressed')).toBe('true');
    expect(await violations(page)).toEqual([]);
  });

  // axe has no rule for the contrast of graphics and states (WCAG 1.4.11): what shows a pick (the
  // stars up to it, the picked point's box) must stand out from the card at 3:1, whatever the accent.
  it.each([
    ['pale', 'light'],
    ['pale', 'dark'],
    ['deep', 'light'],
    ['deep', 'dark'],
  ])('a %s accent in the %s theme: the stars picked and a picked point stand out from the card at 3:1', async (accent, theme) => {
    const { page } = await t.open(`/${accent}-${theme}.html`);
    await show(page, 'every');
    const widget = page.locator(HOST);
    const picked = (name: string) => widget.getByRole('button', { name, exact: true });
    /** The contrast with the card of each of `shapes`: the better of its fill and outline, or of its background and border. */
    const contrasts = (shapes: string) =>
      widget.getByRole('group').evaluate((group, shapes) => {
        const luminance = (color: string) => {
          const [r, g, b] = color.match(/[\d.]+/g)!.map((c) => +c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (a: string, b: string) => {
          const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (hi + 0.05) / (lo + 0.05);
        };
        const card = getComputedStyle(group.closest('[role=region]')!).backgroundColor;
        return [...group.querySelectorAll(shapes)].map((shape) => {
          const style = getComputedStyle(shape);
          const [inside, edge] = shape.localName == 'svg' ? [style.fill, style.stroke] : [style.backgroundColor, style.borderTopColor];
          return Math.round(Math.max(ratio(inside, card), ratio(edge, card)) * 10) / 10;
        });
      }, shapes);
    await picked('Happy').click();
    await picked('3 stars').click();
    await picked('4 of 7').click();
    await widget.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => picked('4 of 7').getAttribute('aria-pressed')).toBe('true');
    expect(await contrasts('[aria-pressed=true]')).toEqual([expect.any(Number)]);
    expect((await contrasts('[aria-pressed=true]')).filter((c) => c < 3)).toEqual([]);
    await widget.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => picked('3 stars').getAttribute('aria-pressed')).toBe('true');
    const stars = await contrasts('button:nth-child(-n+3) svg');
    expect(stars).toHaveLength(3);
    expect(stars.filter((c) => c < 3)).toEqual([]);
  });

  it('keyboard only: the first Tab enters the popover, every point is a tab stop; Tab to the fourth face and Enter sends 4; Back returns to the answer given', async () => {
    const { page } = await popover('/light.html');
    const widget = page.locator(HOST);
    await widget.getByText('How was your visit?').waitFor();
    const focused = () =>
      page.evaluate((host) => {
        const el = document.querySelector(host)!.shadowRoot!.activeElement as HTMLElement | null;
        return el ? el.getAttribute('aria-label') || el.textContent || el.localName : '';
      }, HOST);
    await page.keyboard.press('Tab'); // the first Tab after a popover appeared goes into it, to its first answer
    expect(await focused()).toBe('Very unhappy');
    for (const name of ['Unhappy', 'Neutral', 'Happy']) {
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
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('2 stars');
    await page.keyboard.press('ArrowRight'); // arrows are not a scale's keys any more: nothing moves, nothing is picked
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

  it('the check can fail: a control pushed off screen, one covered, one too narrow for its content, and a card wider than its box are reported', async () => {
    const { page } = await popover('/light.html');
    const widget = page.locator(HOST);
    await widget.getByRole('heading', { name: 'How was your visit?' }).waitFor();
    expect(await lost(page)).toEqual([]);
    await widget.getByRole('button', { name: 'Close' }).evaluate((close) => (close.style.translate = '-2000px'));
    await widget.getByRole('button', { name: 'Neutral' }).evaluate((face) => {
      const cover = face.ownerDocument.createElement('div');
      cover.style.cssText = 'position:absolute;inset:0;width:2000px;background:red';
      face.parentElement!.style.position = 'relative';
      face.parentElement!.append(cover);
    });
    await widget.getByRole('button', { name: 'Happy', exact: true }).evaluate((face) => (face.firstElementChild!.style.minWidth = '500px'));
    const found = (await lost(page)).join('\n');
    expect(found).toMatch(/^the card is \d+ px wide in a \d+ px box/);
    expect(found).toMatch(/^Close: out of the 1280×720 viewport/m);
    expect(found).toMatch(/^Neutral: covered by <div/m);
    expect(found).toMatch(/^Happy: its content is \d+ px wide in a \d+ px box/m);
  });
});
