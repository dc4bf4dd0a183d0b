// Pictures of what visitors see, for people to look at (nothing compares them): every stop of the tour
// (each question type, the ticked boxes, the typed answer, the thanks) on a desktop and on a phone, light
// and dark, in Arabic (right to left) and in German. They go to .tmp/screenshots/ (git ignores it);
// `npm run pictures` also writes the README's few to docs/img/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, useBrowser } from './harness';
import { HOST, type HostPage, hostPage, type Locale, show, STOPS, type Stop, tour } from './tour';

const ALL = process.env.RESSENTI_SCREENSHOTS || '.tmp/screenshots';
/** Where the README's pictures go, when asked for (`npm run pictures`). */
const README = process.env.RESSENTI_README_PICTURES;

// Two device pixels to the CSS pixel, as most screens today: sharp text in the README.
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2 };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const SETS: { name: string; page?: HostPage; context: BrowserContextOptions; locale?: Locale; readme: Stop[] }[] = [
  { name: 'desktop-light', context: DESKTOP, readme: ['emoji'] },
  { name: 'desktop-dark', page: { theme: 'dark' }, context: DESKTOP, readme: ['nps'] },
  { name: 'phone-light', context: PHONE, readme: ['stars'] },
  { name: 'phone-dark', page: { theme: 'dark' }, context: PHONE, readme: ['thanks'] },
  { name: 'arabic-rtl', page: { lang: 'ar', dir: 'rtl' }, context: DESKTOP, locale: 'ar', readme: ['rating'] },
  { name: 'german', page: { lang: 'de' }, context: DESKTOP, locale: 'de', readme: ['choice-multiple-ticked'] },
];

/** On a phone the whole screen (the sheet over the page); elsewhere the card, with a margin of page around it for its shadow. */
async function picture(page: Page, phone: boolean): Promise<Buffer> {
  if (phone) return page.screenshot({ animations: 'disabled' });
  const card = (await page.locator(HOST).getByRole('region').boundingBox())!;
  const { width, height } = page.viewportSize()!;
  const [x, y] = [Math.max(0, card.x - 24), Math.max(0, card.y - 24)];
  const clip = { x, y, width: Math.min(width, card.x + card.width + 24) - x, height: Math.min(height, card.y + card.height + 24) - y };
  return page.screenshot({ clip, animations: 'disabled' });
}

describeBrowser('pictures of every step, for people to look at', () => {
  const t = useBrowser();

  beforeAll(() => {
    mkdirSync(ALL, { recursive: true });
    if (README) mkdirSync(README, { recursive: true });
    SETS.forEach((set) => t.server.pages.set(`/${set.name}.html`, hostPage(t.server, set.page)));
  });

  it.each(SETS)('$name', async ({ name, context, locale = 'en', readme }) => {
    const { page } = await t.open(`/${name}.html`, context);
    await show(page, 'every');
    const written: string[] = [];
    await tour(page, locale, async (stop) => {
      await page.mouse.move(0, 0); // no hover left over from the last tap
      const png = await picture(page, !!context.isMobile);
      writeFileSync(join(ALL, `${name}-${stop}.png`), png);
      if (README && readme.includes(stop)) writeFileSync(join(README, `${name}-${stop}.png`), png);
      written.push(stop);
    });
    expect(written).toEqual(STOPS);
  });
});
