import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, htmlPage, scriptTag, stopTime, useBrowser } from './harness';

const defs = {
  surveys: [
    { id: 'welcome', questions: [{ id: 'mood', type: 'emoji', text: { en: 'How was your visit?', fr: 'Comment était votre visite ?' } }] },
    {
      id: 'stars',
      questions: [{ id: 'rate', type: 'rating', scale: 3, style: 'stars', text: 'Rate the delivery', labels: ['Poor', 'Okay', 'Great'] }],
    },
    {
      id: 'topic',
      questions: [{ id: 'topic', type: 'choice', text: 'What is it about?', options: [{ value: 'ship', label: 'Shipping' }, { value: 'cost', label: { en: 'Price', fr: 'Prix' } }] }],
    },
    {
      id: 'support',
      questions: [{ id: 'mood', type: 'emoji', text: 'How did it go?' }],
      thanks: { text: 'Thanks for telling us', action: { if: { mood: { lte: 2 } }, label: 'Talk to support', url: '/help' } },
    },
    { id: 'note', questions: [{ id: 'note', type: 'text', text: { en: 'Anything to add?', de: 'Noch etwas?' }, maxLength: 10 }] },
  ],
};

// The queue stub a site owner pastes: commands work before the script has loaded.
const STUB = '<script>window.ressenti=window.ressenti||function(){(ressenti.q=ressenti.q||[]).push(arguments)}</script>';

type Win = { ressenti: (...args: unknown[]) => void };
const run = (page: Page, ...args: unknown[]) => page.evaluate((a) => (window as unknown as Win).ressenti(...a), args);

/** [r, g, b] of a computed `rgb(…)` / `rgba(…)` colour. */
const rgb = (color: string) => (color.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
/** WCAG relative luminance of a computed colour. */
const luminance = (color: string) => {
  const [r, g, b] = rgb(color).map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describeBrowser('what the survey looks like and says (script tag)', () => {
  const t = useBrowser();
  const host = '[data-ressenti-host]';

  /** A page with the widget, `attrs` on its script tag and `body` before it. */
  const page = (path: string, attrs: Record<string, string> = {}, body = '<h1>Shop</h1>') =>
    t.server.pages.set(path, htmlPage(STUB + body + scriptTag(t.server, { surveys: '/surveys.json', ...attrs })));

  /** Opens `path` and shows survey `id`; resolves with the widget once its question is on screen. */
  const showOn = async (path: string, id: string, text: string, options?: Parameters<typeof t.open>[1]) => {
    const opened = await t.open(path, options);
    await run(opened.page, 'show', id);
    const widget = opened.page.locator(host);
    await widget.getByText(text).waitFor();
    return { ...opened, widget };
  };

  /** Where `el` is once its entrance animation is over. */
  const settledBox = async (el: Locator) => {
    await el.evaluate((node) => Promise.all(node.getAnimations().map((a) => a.finished)));
    return (await el.boundingBox())!;
  };

  const background = (page: Page) => page.locator(host).getByRole('region').evaluate((el) => getComputedStyle(el).backgroundColor);

  beforeAll(() => {
    t.server.pages.set('/surveys.json', { body: defs });
    t.server.pages.set('/help', htmlPage('<h1>Support</h1>'));
    page('/plain.html');
  });

  it('ressenti("locale", "fr") while a survey is open re-renders it in French, question and built-in strings', async () => {
    const { page, widget } = await showOn('/plain.html', 'welcome', 'How was your visit?');
    expect(await widget.getByRole('button', { name: 'Close' }).count()).toBe(1);
    await run(page, 'locale', 'fr');
    await widget.getByText('Comment était votre visite ?').waitFor();
    expect(await widget.getByText('How was your visit?').count()).toBe(0);
    expect(await widget.getByRole('button', { name: 'Fermer' }).count()).toBe(1);
    expect(await widget.getByRole('region').getAttribute('lang')).toBe('fr');
    await widget.getByRole('button', { name: 'Ravi' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response') && e.some((x) => x.type === 'impression'));
    expect(events.find((x) => x.type === 'response')!.answers).toEqual({ mood: 5 });
    // The answer carries the language it was given in; the impression, the one it appeared in.
    expect(events.find((x) => x.type === 'response')!.context.locale).toBe('fr');
    expect(events.find((x) => x.type === 'impression')!.context.locale).toBe('en');
  });

  it('data-strings="#id" (inline JSON) overrides English "send" and adds German used with data-locale="de"', async () => {
    const words = '<script type="application/json" id="words">{"en":{"send":"Submit"},"de":{"send":"Absenden","close":"Schließen"}}</script>';
    page('/strings-en.html', { strings: '#words' }, words);
    page('/strings-de.html', { strings: '#words', locale: 'de' }, words);

    const en = await showOn('/strings-en.html', 'note', 'Anything to add?');
    expect(await en.widget.getByRole('button', { name: 'Submit' }).count()).toBe(1);
    expect(await en.widget.getByRole('button', { name: 'Send' }).count()).toBe(0);

    const de = await showOn('/strings-de.html', 'note', 'Noch etwas?');
    expect(await de.widget.getByRole('button', { name: 'Schließen' }).count()).toBe(1);
    await de.widget.getByRole('textbox').fill('Gut');
    await de.widget.getByRole('button', { name: 'Absenden' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response' && x.complete));
    const response = events.find((x) => x.type === 'response')!;
    expect(response.answers).toEqual({ note: 'Gut' });
    expect(response.context.locale).toBe('de');
    expect(en.log.ressenti()).toEqual([]);
  });

  it('data-theme="dark" gives the survey a dark background, light text, inside its shadow root', async () => {
    page('/dark.html', { theme: 'dark' });
    const { page: p, widget } = await showOn('/dark.html', 'welcome', 'How was your visit?');
    const bg = await background(p);
    const fg = await widget.getByRole('heading').evaluate((el) => getComputedStyle(el).color);
    expect(luminance(bg)).toBeLessThan(0.05);
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    // The page's own colours are untouched.
    expect(await p.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  });

  it('data-theme="auto" follows the visitor’s colour scheme, even while the survey is open', async () => {
    page('/auto.html', { theme: 'auto' });
    const { page: p } = await showOn('/auto.html', 'welcome', 'How was your visit?', { colorScheme: 'light' });
    expect(luminance(await background(p))).toBeGreaterThan(0.9);
    await p.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => luminance(await background(p))).toBeLessThan(0.05);
  });

  it('data-position="top-left" puts the popover in the top-left corner, "center" in the middle', async () => {
    page('/top-left.html', { position: 'top-left' });
    page('/center.html', { position: 'center' });
    const viewport = { width: 1000, height: 700 };

    const corner = await showOn('/top-left.html', 'welcome', 'How was your visit?', { viewport });
    const a = await settledBox(corner.widget.getByRole('region'));
    expect(a.x).toBeCloseTo(16, 0);
    expect(a.y).toBeCloseTo(16, 0);

    const middle = await showOn('/center.html', 'welcome', 'How was your visit?', { viewport });
    const b = await settledBox(middle.widget.getByRole('region'));
    expect(Math.abs(b.x + b.width / 2 - viewport.width / 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(b.y + b.height / 2 - viewport.height / 2)).toBeLessThanOrEqual(2);
  });

  for (const [accent, expected] of [
    ['#ffd43b', 'rgb(255, 212, 59)'], // light: needs dark text
    ['#0b7285', 'rgb(11, 114, 133)'], // dark: needs white text
  ])
    it(`data-accent="${accent}" colours the primary button with text readable on it (contrast ≥ 4.5)`, async () => {
      const path = `/accent-${accent.slice(1)}.html`;
      page(path, { accent });
      const { widget } = await showOn(path, 'note', 'Anything to add?');
      await widget.getByRole('textbox').fill('Fine');
      const send = widget.getByRole('button', { name: 'Send' });
      const [bg, fg] = await send.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      expect(bg).toBe(expected);
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    });

  it('a star rating with a label per point names each star ("2 stars, Okay") and sends the number', async () => {
    const { widget } = await showOn('/plain.html', 'stars', 'Rate the delivery');
    for (const name of ['1 star, Poor', '2 stars, Okay', '3 stars, Great']) expect(await widget.getByRole('button', { name, exact: true }).count()).toBe(1);
    await widget.getByRole('button', { name: '2 stars, Okay' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')).toMatchObject({ answers: { rate: 2 }, complete: true });
  });

  it('choice options given as { value, label } show the label and send the value', async () => {
    const { widget } = await showOn('/plain.html', 'topic', 'What is it about?');
    expect(await widget.getByRole('button', { name: 'ship', exact: true }).count()).toBe(0);
    await widget.getByRole('button', { name: 'Price' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')!.answers).toEqual({ topic: 'cost' });
  });

  it('the thanks screen without an action closes by itself after about 4 seconds', async () => {
    const { page, widget } = await showOn('/plain.html', 'support', 'How did it go?');
    await stopTime(page); // the thanks screen's seconds are the page clock's, run by the test
    await widget.getByRole('button', { name: 'Delighted' }).click();
    await page.mouse.move(1, 1); // a pointer resting on the widget keeps it open
    await widget.getByText('Thanks for telling us').waitFor();
    expect(await widget.getByRole('link').count()).toBe(0);
    await page.clock.runFor(3000);
    expect(await page.locator(host).count()).toBe(1);
    await page.clock.runFor(1100);
    await page.clock.resume();
    await expect.poll(() => page.locator(host).count()).toBe(0);
  });

  it('the thanks screen stays when it offers its conditional action, a link to the right page', async () => {
    const { page, widget } = await showOn('/plain.html', 'support', 'How did it go?');
    await widget.getByRole('button', { name: 'Very unhappy' }).click();
    await page.mouse.move(1, 1);
    const link = widget.getByRole('link', { name: 'Talk to support' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/help');
    await stopTime(page);
    await page.clock.runFor(5000); // longer than the 4 s a thanks screen without action stays
    expect(await link.count()).toBe(1);
    await page.clock.resume();
    await link.click();
    await page.waitForURL(t.server.url + '/help');
  });

  it('a text answer stops at maxLength: typing more sends only the first characters', async () => {
    const { widget } = await showOn('/plain.html', 'note', 'Anything to add?');
    const box = widget.getByRole('textbox');
    await box.pressSequentially('0123456789abcdef');
    expect(await box.inputValue()).toBe('0123456789');
    await widget.getByRole('button', { name: 'Send' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response' && x.complete));
    expect(events.find((x) => x.type === 'response')!.answers).toEqual({ note: '0123456789' });
  });
});
