import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, scriptTag, useBrowser } from './harness';

const defs = {
  surveys: [
    { id: 'mood', questions: [{ id: 'mood', type: 'emoji', text: { en: 'How was your visit?', de: 'Wie war Ihr Besuch?', ar: 'كيف كانت زيارتك؟' } }] },
    { id: 'nps', questions: [{ id: 'nps', type: 'nps', text: 'Recommend us?' }] },
    {
      id: 'two',
      questions: [
        { id: 'mood', type: 'emoji', text: { en: 'How was it?', de: 'Wie war es?' } },
        { id: 'stars', type: 'rating', style: 'stars', scale: 5, text: { en: 'Rate the delivery', de: 'Wie war die Lieferung?' } },
      ],
    },
  ],
};

// The queue stub, and every `error` event kept in `window.__errors`.
const STUB =
  '<script>window.ressenti=window.ressenti||function(){(ressenti.q=ressenti.q||[]).push(arguments)};' +
  "window.__errors=[];ressenti('on','error',function(e){__errors.push(e)})</script>";
const HOST = '[data-ressenti-host]';

type Win = { ressenti: (...args: unknown[]) => void; __errors: { source: string; message: string }[] };
const run = (page: Page, ...args: unknown[]) => page.evaluate((a) => (window as unknown as Win).ressenti(...a), args);
const errors = (page: Page) => page.evaluate(() => (window as unknown as Win).__errors);

describeBrowser('languages and right to left', () => {
  // Every dist/ file takes 300 ms: long enough to see which downloads overlap.
  const t = useBrowser({ distDelay: 300 });
  /** A page in `lang` (and `dir`), with the widget. */
  const page = (path: string, lang: string, dir = '', head = '') =>
    t.server.pages.set(
      path,
      `<!doctype html><html lang="${lang}"${dir && ` dir="${dir}"`}><head><meta charset="utf-8"><title>Shop</title>${head}</head>` +
        `<body><h1>Shop</h1>${STUB}${scriptTag(t.server, { surveys: '/surveys.json' })}</body></html>`,
    );

  /** Opens `path` and shows survey `id`; resolves once `text` is on screen. */
  const showOn = async (path: string, id: string, text: string) => {
    const opened = await t.open(path, { viewport: { width: 1000, height: 700 } });
    await run(opened.page, 'show', id);
    const widget = opened.page.locator(HOST);
    await widget.getByText(text).waitFor();
    return { ...opened, widget };
  };

  beforeAll(() => {
    t.server.pages.set('/surveys.json', { body: defs });
    page('/de.html', 'de-DE');
    page('/ar.html', 'ar', 'rtl');
    page('/rtl-en.html', 'en', 'rtl');
  });

  it('a German page downloads the German file alongside the UI, and no other language', async () => {
    const { page: p, log } = await t.open('/de.html');
    // Which dist/ downloads start and end, in order.
    const order: string[] = [];
    const file = (url: string) => url.split('/dist/')[1];
    p.on('request', (r) => file(r.url()) && order.push('start ' + file(r.url())));
    p.on('requestfinished', (r) => file(r.url()) && order.push('end ' + file(r.url())));
    await run(p, 'show', 'mood');
    const widget = p.locator(HOST);
    await widget.getByText('Wie war Ihr Besuch?').waitFor();
    // In parallel: the German file is asked for before the UI file has arrived.
    expect(order).toContain('start ressenti-de.min.js');
    expect(order.indexOf('start ressenti-de.min.js')).toBeLessThan(order.indexOf('end ressenti-ui.min.js'));
    expect(await widget.getByRole('button', { name: 'Schließen' }).count()).toBe(1);
    expect(await widget.getByRole('region', { name: 'Ihre Meinung' }).count()).toBe(1);
    expect(await widget.getByRole('button', { name: 'Begeistert' }).count()).toBe(1);
    expect(t.server.hits('/dist/ressenti-de.min.js')).toBe(1);
    const others = ['fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ja', 'ar', 'he'].filter((code) => t.server.hits(`/dist/ressenti-${code}.min.js`));
    expect(others).toEqual([]);
    expect(await errors(p)).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('an English page downloads no language file', async () => {
    t.server.pages.set('/en.html', `<!doctype html><html lang="en-GB"><body>${STUB}${scriptTag(t.server, { surveys: '/surveys.json' })}</body></html>`);
    const { widget } = await showOn('/en.html', 'mood', 'How was your visit?');
    expect(await widget.getByRole('button', { name: 'Close' }).count()).toBe(1);
    expect(t.server.hits('/dist/ressenti-en.min.js')).toBe(0);
    expect(['fr', 'de', 'ar'].map((code) => t.server.hits(`/dist/ressenti-${code}.min.js`))).toEqual([0, 0, 0]);
  });

  it('an Arabic page gets a mirrored survey: right to left, close button on the left, bottom-right at the bottom-left corner', async () => {
    const { widget } = await showOn('/ar.html', 'mood', 'كيف كانت زيارتك؟');
    expect(await widget.evaluate((host) => getComputedStyle(host).direction)).toBe('rtl');
    const region = widget.getByRole('region', { name: 'رأيك يهمنا' });
    await region.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const card = (await region.boundingBox())!;
    const close = (await widget.getByRole('button', { name: 'إغلاق' }).boundingBox())!;
    expect(card.x).toBeCloseTo(16, 0); // the inline end of a right-to-left page: its left
    expect(card.y + card.height).toBeCloseTo(700 - 16, 0);
    expect(close.x + close.width / 2).toBeLessThan(card.x + card.width / 2);
    // The scale reads in the reading direction: very unhappy on the right.
    const unhappy = (await widget.getByRole('button', { name: 'غير راضٍ إطلاقًا' }).boundingBox())!;
    const delighted = (await widget.getByRole('button', { name: 'سعيد جدًا' }).boundingBox())!;
    expect(unhappy.x).toBeGreaterThan(delighted.x);
    expect(t.server.hits('/dist/ressenti-ar.min.js')).toBe(1);
  });

  it('an NPS scale on a right-to-left page: 0 on the right, digits as digits, Tab goes from 0 to 1 (leftwards)', async () => {
    const { page: p, widget } = await showOn('/ar.html', 'nps', 'Recommend us?');
    const points = widget.getByRole('group').getByRole('button');
    expect(await points.allTextContents()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const zero = (await points.first().boundingBox())!;
    const ten = (await points.last().boundingBox())!;
    expect(zero.x).toBeGreaterThan(ten.x);
    expect(await widget.locator('#low').textContent()).toBe('غير محتمل إطلاقًا');
    await points.first().focus();
    await p.keyboard.press('Tab'); // every point is a tab stop: the next one is 1, on the left of 0
    expect(await points.nth(1).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  });

  it('any dir="rtl" page mirrors the survey, whatever its language', async () => {
    const { widget } = await showOn('/rtl-en.html', 'mood', 'How was your visit?');
    expect(await widget.evaluate((host) => getComputedStyle(host).direction)).toBe('rtl');
    const card = (await widget.getByRole('region').boundingBox())!;
    expect(card.x).toBeLessThan(100);
    expect(t.server.hits('/dist/ressenti-ar.min.js') + t.server.hits('/dist/ressenti-he.min.js')).toBe(0);
  });

  it('an inline survey in a right-to-left part of a left-to-right page is right to left', async () => {
    t.server.pages.set(
      '/inline-rtl.html',
      `<!doctype html><html lang="en"><body><h1>Shop</h1><section dir="rtl"><div data-ressenti-inline="nps"></div></section>` +
        `<div id="ltr" data-ressenti-inline="mood"></div>${STUB}${scriptTag(t.server, { surveys: '/surveys.json' })}</body></html>`,
    );
    const { page: p } = await t.open('/inline-rtl.html');
    const [rtl, ltr] = [p.locator('section [data-ressenti-host]'), p.locator('#ltr [data-ressenti-host]')];
    await rtl.getByText('Recommend us?').waitFor();
    await ltr.getByText('How was your visit?').waitFor();
    expect(await rtl.evaluate((host) => getComputedStyle(host).direction)).toBe('rtl');
    expect(await ltr.evaluate((host) => getComputedStyle(host).direction)).toBe('ltr');
    const points = rtl.getByRole('group').getByRole('button');
    expect((await points.first().boundingBox())!.x).toBeGreaterThan((await points.last().boundingBox())!.x);
  });

  it('a language file that fails leaves English, reported once through the error event, however many surveys show', async () => {
    t.server.pages.set('/dist/ressenti-de.min.js', { status: 404, body: 'not found' });
    try {
      const { page: p, widget, log } = await showOn('/de.html', 'mood', 'Wie war Ihr Besuch?');
      expect(await widget.getByRole('button', { name: 'Close' }).count()).toBe(1); // the definition's German text, English built-ins
      await widget.getByRole('button', { name: 'Close' }).click();
      await widget.waitFor({ state: 'detached' });
      await run(p, 'show', 'nps');
      await widget.getByText('Not at all likely').waitFor();
      const reported = await errors(p);
      expect(reported).toHaveLength(1);
      expect(reported[0]).toMatchObject({ source: 'ui' });
      expect(reported[0].message).toMatch(/could not load the de strings from http:\/\/.*\/dist\/ressenti-de\.min\.js/);
      expect(t.server.hits('/dist/ressenti-de.min.js')).toBe(1);
      expect(log.ressenti()).toHaveLength(1);
      expect(log.errors).toEqual([]);
    } finally {
      t.server.pages.delete('/dist/ressenti-de.min.js');
    }
  });

  it('ressenti("locale", "de") while a survey is open re-renders it in German and keeps the answer given', async () => {
    page('/two.html', 'en');
    const { page: p, widget } = await showOn('/two.html', 'two', 'How was it?');
    await widget.getByRole('button', { name: 'Happy', exact: true }).click();
    await widget.getByText('Rate the delivery').waitFor();
    await run(p, 'locale', 'de');
    await widget.getByText('Wie war die Lieferung?').waitFor();
    expect(await widget.getByRole('button', { name: 'Zurück' }).count()).toBe(1);
    expect(await widget.getByRole('button', { name: '3 Sterne' }).count()).toBe(1);
    await widget.getByRole('button', { name: 'Zurück' }).click();
    await widget.getByText('Wie war es?').waitFor();
    expect(await widget.getByRole('button', { name: 'Zufrieden', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await widget.getByRole('button', { name: 'Weiter' }).click();
    await widget.getByRole('button', { name: '1 Stern', exact: true }).click();
    await widget.getByRole('button', { name: 'Absenden' }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response' && x.complete));
    expect(events.find((x) => x.type === 'response' && x.complete)).toMatchObject({ answers: { mood: 4, stars: 1 }, context: { locale: 'de' } });
    expect(t.server.hits('/dist/ressenti-de.min.js')).toBe(1);
  });

  it('under a strict CSP (nonce, strict-dynamic, Trusted Types) the language file loads like the UI', async () => {
    const tag = scriptTag(t.server, { surveys: '/surveys.json' }).replace('<script', '<script nonce="abc"');
    t.server.pages.set('/csp-de.html', {
      body: `<!doctype html><html lang="de"><body>${STUB.replace('<script', '<script nonce="abc"')}${tag}</body></html>`,
      headers: { 'Content-Security-Policy': "script-src 'nonce-abc' 'strict-dynamic'; style-src 'self'; require-trusted-types-for 'script'; trusted-types ressenti" },
    });
    const { widget, log } = await showOn('/csp-de.html', 'mood', 'Wie war Ihr Besuch?');
    expect(await widget.getByRole('button', { name: 'Schließen' }).count()).toBe(1);
    expect(log.messages.filter((m) => /Content.Security.Policy/i.test(m.text))).toEqual([]);
  });

  it('the npm build imports the German chunk alongside the UI chunk, and no other language', async () => {
    t.server.pages.set('/app-de.mjs', {
      body: `import { init } from '/dist/index.mjs';
        window.feedback = init({ surveys: ${JSON.stringify(defs.surveys)} });
        window.__errors = [];
        feedback.on('error', (e) => __errors.push(e));`,
      headers: { 'Content-Type': 'text/javascript' },
    });
    t.server.pages.set('/npm-de.html', '<!doctype html><html lang="de"><body><h1>Shop</h1><script type="module" src="/app-de.mjs"></script></body></html>');
    const { page: p, log } = await t.open('/npm-de.html');
    const order: string[] = [];
    const file = (url: string) => url.split('/dist/')[1]?.replace(/-[\w-]{8}\.mjs$/, '');
    p.on('request', (r) => file(r.url()) && order.push('start ' + file(r.url())));
    p.on('requestfinished', (r) => file(r.url()) && order.push('end ' + file(r.url())));
    await p.waitForFunction(() => 'feedback' in window);
    await p.evaluate(() => (window as unknown as { feedback: { show(id: string): void } }).feedback.show('mood'));
    const widget = p.locator(HOST);
    await widget.getByText('Wie war Ihr Besuch?').waitFor();
    expect(await widget.getByRole('button', { name: 'Schließen' }).count()).toBe(1);
    expect(order).toContain('start lang-de');
    expect(order.indexOf('start lang-de')).toBeLessThan(order.indexOf('end ui'));
    expect(order.filter((x) => x.startsWith('start lang-'))).toEqual(['start lang-de']);
    expect(await errors(p)).toEqual([]);
    expect(log.errors).toEqual([]);
  });
});
