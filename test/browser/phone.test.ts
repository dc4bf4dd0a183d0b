// What a visitor sees on a phone and around a popover (issue 11): the bottom sheet, the on-screen
// keyboard, swipe to dismiss, a popover that never takes focus, names that read at a glance.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, htmlPage, scriptTag, showUnasked, useBrowser } from './harness';

const HOST = '[data-ressenti-host]';
const defs = {
  surveys: [
    { id: 'mood', questions: [{ id: 'mood', type: 'emoji', text: 'How was your visit?' }] },
    { id: 'note', questions: [{ id: 'note', type: 'text', text: 'Anything to add?' }] },
    { id: 'ok', questions: [{ id: 'ok', type: 'thumbs', text: 'Did you find it?' }] },
    {
      id: 'follow',
      questions: [
        { id: 'score', type: 'nps', text: 'Recommend us?' },
        { id: 'why', type: 'text', text: 'What made you say so?' },
      ],
    },
    {
      id: 'two',
      questions: [
        { id: 'mood', type: 'emoji', text: 'How was your visit?' },
        { id: 'score', type: 'nps', text: 'Recommend us?' },
      ],
    },
  ],
};
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

type Win = { ressenti: ((...args: unknown[]) => void) & { loaded?: boolean } };
const show = async (page: Page, id: string) => {
  await page.waitForFunction(() => (window as unknown as Win).ressenti?.loaded);
  await page.evaluate((survey) => (window as unknown as Win).ressenti('show', survey), id);
};
/** The box of `el` in the layout viewport, and the part of it the visual viewport shows. */
const boxes = (page: Page, name: string) =>
  page.evaluate(
    ([host, name]) => {
      const el = [...document.querySelector(host)!.shadowRoot!.querySelectorAll('button,textarea')].find((b) => (b.textContent || b.localName) == name)!;
      const view = window.visualViewport!;
      return { box: el.getBoundingClientRect().toJSON(), top: view.offsetTop, bottom: view.offsetTop + view.height, width: innerWidth };
    },
    [HOST, name],
  );

describeBrowser('phones and popovers (issue 11)', () => {
  const t = useBrowser();

  beforeAll(() => {
    t.server.pages.set('/surveys.json', { body: defs });
    const body = '<h1>Shop</h1><button id="before">Before</button>' + scriptTag(t.server, { surveys: '/surveys.json' });
    t.server.pages.set('/shop.html', htmlPage(body, '<meta name="viewport" content="width=device-width">'));
    const ask = '<h1>Shop</h1><button id="ask" onclick="ressenti(\'show\', \'mood\')">Give feedback</button>';
    t.server.pages.set('/ask.html', htmlPage(ask + scriptTag(t.server, { surveys: '/surveys.json' })));
    const note = '<h1>Shop</h1><button id="ask" onclick="ressenti(\'show\', \'note\')">Tell us more</button>';
    t.server.pages.set('/ask-note.html', htmlPage(note + scriptTag(t.server, { surveys: '/surveys.json' }), '<meta name="viewport" content="width=device-width">'));
  });

  it('asked for by a tap on a touch screen, a text question does not take focus (no on-screen keyboard over the page); by a click on a desktop it does', async () => {
    const focusedField = async (page: Page) => {
      const widget = page.locator(HOST);
      await widget.getByRole('heading', { name: 'Anything to add?' }).waitFor();
      // Focus, when it goes in, goes once the survey is on screen: wait for the frame after that.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      return widget.evaluate((host) => host.shadowRoot!.activeElement?.localName ?? null);
    };
    const phone = await t.open('/ask-note.html', PHONE);
    await phone.page.waitForFunction(() => (window as unknown as Win).ressenti?.loaded);
    await phone.page.tap('#ask');
    expect(await focusedField(phone.page)).toBe(null);
    const desktop = await t.open('/ask-note.html');
    await desktop.page.waitForFunction(() => (window as unknown as Win).ressenti?.loaded);
    await desktop.page.click('#ask');
    await expect.poll(() => focusedField(desktop.page)).toBe('textarea');
  });

  it('below 640px the popover is a full-width sheet at the bottom, no higher than about 40% of the screen', async () => {
    const { page } = await t.open('/shop.html', PHONE);
    await show(page, 'mood');
    const region = page.locator(HOST).getByRole('region');
    await region.getByText('How was your visit?').waitFor();
    await region.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const box = (await region.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(390);
    expect(box.y + box.height).toBeCloseTo(844, 0);
    expect(box.height).toBeLessThanOrEqual(844 * 0.4 + 1);
    // Every face is a 44px target at least.
    for (const face of await region.getByRole('group').getByRole('button').all()) expect((await face.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  });

  it('on a desktop-only page (no viewport meta: laid out 980px wide, shown at 0.4) the sheet spans the screen at phone size, and answers', async () => {
    const wide = '<div style="width:960px"><h1>Shop</h1><p>A page made for desktops only.</p></div>';
    t.server.pages.set('/desktop-only.html', htmlPage(wide + scriptTag(t.server, { surveys: '/surveys.json' })));
    const { page } = await t.open('/desktop-only.html', PHONE);
    expect(await page.evaluate(() => [innerWidth, window.visualViewport!.scale < 0.5])).toEqual([980, true]);
    await show(page, 'two');
    const region = page.locator(HOST).getByRole('region');
    await region.getByText('How was your visit?').waitFor();
    await region.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    // In screen pixels (CSS pixels times the page's scale), as on a page made for phones.
    const onScreen = (el: Element) => {
      const r = el.getBoundingClientRect();
      const scale = window.visualViewport!.scale;
      return { x: r.x * scale, width: r.width * scale, bottom: r.bottom * scale, height: r.height * scale, screen: window.visualViewport!.height * scale };
    };
    const sheet = await region.evaluate(onScreen);
    expect(sheet.x).toBeCloseTo(0, 0);
    expect(sheet.width).toBeCloseTo(390, 0);
    expect(sheet.bottom).toBeCloseTo(sheet.screen, 0);
    for (const face of await region.getByRole('group').getByRole('button').all()) expect((await face.evaluate(onScreen)).height).toBeGreaterThanOrEqual(44);
    expect((await region.getByRole('heading').evaluate(onScreen)).height).toBeGreaterThanOrEqual(18);
    await region.getByRole('button', { name: 'Delighted' }).tap();
    await region.getByRole('button', { name: '9', exact: true }).tap();
    await region.getByRole('button', { name: 'Send' }).tap();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response' && x.complete));
    expect(events.find((x) => x.type === 'response' && x.complete)!.answers).toEqual({ mood: 5, score: 9 });
  });

  it('with the keyboard open (a visual viewport half the window), the field and Send stay in view above it', async () => {
    const { page, context } = await t.open('/shop.html', PHONE);
    await show(page, 'note');
    const box = page.locator(HOST).getByRole('textbox', { name: 'Anything to add?' });
    await box.fill('Nice');
    // Chromium's device emulation shrinks the visual viewport the way an on-screen keyboard does.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    await expect.poll(() => page.evaluate(() => window.visualViewport!.height)).toBeLessThan(430);
    for (const name of ['Send', 'textarea'])
      await expect
        .poll(async () => {
          const { box: b, top, bottom } = await boxes(page, name);
          return b.top >= top && b.bottom <= bottom;
        })
        .toBe(true);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
  });

  it('a swipe down on the sheet dismisses it, and is counted as a dismissal', async () => {
    const { page, context } = await t.open('/shop.html', PHONE);
    await show(page, 'mood');
    const heading = page.locator(HOST).getByRole('heading', { name: 'How was your visit?' });
    await heading.waitFor();
    const { x, y } = (await heading.boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const touch = (type: string, dy: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type == 'touchEnd' ? [] : [{ x: x + 10, y: y + dy }] });
    await touch('touchStart', 0);
    for (const dy of [30, 60, 90, 120]) await touch('touchMove', dy);
    await touch('touchEnd', 120);
    await expect.poll(() => page.locator(HOST).count()).toBe(0);
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'dismissal'));
    expect(events.find((x) => x.type === 'dismissal')!.surveyId).toBe('mood');
  });

  it('a popover appears without taking focus, is announced once, and the first Tab goes into it', async () => {
    const { page } = await t.open('/shop.html');
    await showUnasked(page, 'mood', '#before'); // by a page script, on its own
    const widget = page.locator(HOST);
    await expect.poll(() => widget.getByRole('status').textContent()).toBe('Feedback');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await page.keyboard.press('Tab');
    expect(await widget.evaluate((host) => host.shadowRoot!.activeElement?.getAttribute('aria-label'))).toBe('Very unhappy');
    await page.keyboard.press('Escape');
    await expect.poll(() => widget.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  });

  it("shown by the visitor's own click (show from a click handler), it takes focus once the UI file has loaded; Escape gives it back", async () => {
    const { page } = await t.open('/ask.html');
    await page.waitForFunction(() => (window as unknown as Win).ressenti?.loaded);
    const ui = '/dist/ressenti-ui.min.js';
    const before = t.server.hits(ui);
    await page.click('#ask');
    const widget = page.locator(HOST);
    const focused = () => widget.evaluate((host) => host.shadowRoot!.activeElement?.getAttribute('aria-label'));
    await widget.getByRole('heading', { name: 'How was your visit?' }).waitFor();
    expect(t.server.hits(ui)).toBe(before + 1); // fetched after the click: the activation outlived the download
    await expect.poll(focused).toBe('Very unhappy');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Unhappy');
    await page.keyboard.press('Escape');
    await expect.poll(() => widget.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ask');
  });

  it('the name of the face under the pointer or focus shows as text; thumbs show their words', async () => {
    const { page } = await t.open('/shop.html');
    await showUnasked(page, 'mood');
    const widget = page.locator(HOST);
    const shown = () => widget.getByRole('group').evaluate((group) => [...group.children].map((b) => getComputedStyle(b, '::after').content).filter((c) => c != 'none'));
    await widget.getByRole('button', { name: 'Happy', exact: true }).hover();
    expect(await shown()).toEqual(['"Happy"']);
    await page.mouse.move(1, 1);
    expect(await shown()).toEqual([]);
    await page.focus('#before');
    await page.keyboard.press('Tab'); // into the popover: the first face
    await page.keyboard.press('Tab');
    expect(await shown()).toEqual(['"Unhappy"']);
    await page.keyboard.press('Escape');
    await show(page, 'ok');
    expect(await widget.getByRole('group').getByRole('button').allTextContents()).toEqual(['Yes', 'No']);
  });

  it('a follow-up after a one-tap answer shows it: "Your answer: 9 · 2 of 2", a face by its name', async () => {
    const { page } = await t.open('/shop.html');
    await show(page, 'follow');
    const widget = page.locator(HOST);
    const progress = widget.locator('p', { hasText: / of 2$/ });
    await widget.getByRole('button', { name: '9', exact: true }).click();
    await widget.getByRole('heading', { name: 'What made you say so?' }).waitFor();
    expect(await progress.textContent()).toBe('Your answer: 9 · 2 of 2');
    await widget.getByRole('button', { name: 'Close' }).click();
    await widget.waitFor({ state: 'detached' });

    await show(page, 'two');
    await widget.getByRole('button', { name: 'Happy', exact: true }).click();
    await widget.getByRole('heading', { name: 'Recommend us?' }).waitFor();
    expect(await progress.textContent()).toBe('Your answer: Happy · 2 of 2');
    await widget.getByRole('button', { name: 'Back' }).click();
    await widget.getByRole('heading', { name: 'How was your visit?' }).waitFor();
    expect(await progress.textContent()).toBe('1 of 2'); // nothing before the first step
  });

  it('keyboard focus draws one ring: the outline lies over a control\'s own border, not around it', async () => {
    const { page } = await t.open('/shop.html');
    await showUnasked(page, 'follow', '#before');
    const widget = page.locator(HOST);
    await page.keyboard.press('Tab'); // into the popover: the 0 point
    const ring = () =>
      widget.evaluate((host) => {
        const el = host.shadowRoot!.activeElement!;
        const css = getComputedStyle(el);
        const [offset, width, border] = [css.outlineOffset, css.outlineWidth, css.borderTopWidth].map(parseFloat);
        return { name: el.textContent, visible: el.matches(':focus-visible') && css.outlineStyle != 'none', covers: offset <= -border && offset + width >= 0 };
      });
    expect(await ring()).toEqual({ name: '0', visible: true, covers: true });
    await widget.getByRole('button', { name: '9', exact: true }).press('Enter');
    await widget.getByRole('textbox').press('Tab'); // focus followed to the field; then Back
    for (const name of ['Back', 'Send']) {
      expect(await ring()).toEqual({ name, visible: true, covers: true });
      await page.keyboard.press('Tab');
    }
  });

  it('in forced colours the picked answer takes the system highlight, the others do not', async () => {
    const { page } = await t.open('/shop.html', { forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await show(page, 'two');
    const widget = page.locator(HOST);
    await widget.getByRole('button', { name: 'Happy', exact: true }).click();
    await widget.getByRole('button', { name: '9', exact: true }).click(); // the last step: it stays, picked
    await expect.poll(() => widget.getByRole('button', { name: '9', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const background = (name: string) => widget.getByRole('button', { name, exact: true }).evaluate((b) => getComputedStyle(b).backgroundColor);
    const highlight = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('i'));
      probe.style.cssText = 'forced-color-adjust:none;background:Highlight';
      return getComputedStyle(probe).backgroundColor;
    });
    expect(await background('9')).toBe(highlight);
    expect(await background('8')).not.toBe(highlight);
  });

  it('a thanks screen reached by keyboard stays while focus is on it; it closes once focus leaves', async () => {
    const { page } = await t.open();
    await page.clock.install();
    await page.goto(t.server.url + '/shop.html');
    await showUnasked(page, 'mood', '#before');
    const widget = page.locator(HOST);
    await widget.getByText('How was your visit?').waitFor();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab'); // into the popover, then to the fourth face
    await page.keyboard.press('Enter');
    await widget.getByText('Thank you!').waitFor();
    await page.clock.runFor(10_000);
    expect(await widget.count()).toBe(1);
    await page.focus('#before');
    await page.clock.runFor(5_000);
    await expect.poll(() => widget.count()).toBe(0);
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')!.answers).toEqual({ mood: 4 });
  });
});
