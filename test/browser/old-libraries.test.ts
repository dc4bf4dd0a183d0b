// Pages that run an old library before Ressenti, the real files (fixtures/vendor): Prototype 1.7.3,
// as Magento 1 shops do, MooTools 1.4.5 and Datejs. They replace built-ins the widget could lean on
// (`Array.from`, `Element#remove`, `Function#bind`, `Array#toJSON`, `Date.parse`…): every question
// type must still render, answer and arrive, and a survey that cannot render must still be reported, not thrown.
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from './harness';
import { HOST, journeyPage, loaded, ressenti } from './journey-helpers';

const defs = {
  surveys: [
    { id: 'nps', on: 'nps', questions: [{ id: 'score', type: 'nps', text: 'Would you recommend us?' }, { id: 'why', type: 'text', text: 'Why?' }] },
    {
      id: 'stars',
      on: 'stars',
      questions: [
        { id: 'stars', type: 'rating', style: 'stars', text: 'Rate the delivery' },
        { id: 'topics', type: 'choice', multiple: true, options: ['price', 'delivery', 'returns'], text: 'What mattered?' },
      ],
    },
    {
      id: 'mood',
      on: 'mood',
      questions: [
        { id: 'mood', type: 'emoji', text: 'How was checkout?' },
        { id: 'scale', type: 'rating', scale: 7, text: 'How easy was it?' },
        { id: 'again', type: 'thumbs', text: 'Would you buy again?' },
      ],
    },
  ],
};

// `ran`: what the library leaves, to know it did run.
const LIBRARIES = [
  { name: 'Prototype 1.7.3 (Magento 1)', file: '/vendor/prototype-1.7.3.js', slug: 'prototype', ran: () => 'Prototype' in window },
  { name: 'MooTools 1.4.5', file: '/vendor/mootools-core-1.4.5.js', slug: 'mootools', ran: () => 'MooTools' in window },
  { name: 'Datejs 1.0 (Date.parse gives null for ISO dates)', file: '/vendor/datejs-1.0-alpha-1.js', slug: 'datejs', ran: () => 'CultureInfo' in Date },
];

describeBrowser('pages that run an old library which changes built-ins', () => {
  const t = useBrowser();

  it.each(LIBRARIES)('$name: every question type renders, answers and arrives', async ({ file, slug, ran }) => {
    const path = `/old-${slug}.html`;
    t.server.pages.set(path, journeyPage(t.server, '<h1>Shop</h1>', defs, {}, `<script src="${file}"></script>`));
    const { page, log } = await t.open(path);
    await loaded(page);
    expect(await page.evaluate(ran)).toBe(true);
    const widget = page.locator(HOST);

    await ressenti(page, 'moment', 'nps');
    await widget.getByRole('button', { name: '9', exact: true }).click();
    await widget.getByRole('textbox', { name: 'Why?' }).fill('Fast delivery');
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByRole('button', { name: 'Close' }).click();
    await widget.waitFor({ state: 'detached' });

    await ressenti(page, 'moment', 'stars');
    await widget.getByRole('button', { name: /^4 stars/ }).click();
    await widget.getByRole('checkbox', { name: 'delivery' }).check();
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByRole('button', { name: 'Close' }).click();
    await widget.waitFor({ state: 'detached' });

    await ressenti(page, 'moment', 'mood');
    await widget.getByRole('button', { name: 'Happy', exact: true }).click();
    await widget.getByRole('button', { name: '6 of 7' }).click();
    await widget.getByRole('button', { name: 'Yes' }).click();
    await widget.getByRole('button', { name: 'Send' }).click();

    const events = await t.server.collector.waitFor((e) => e.filter((x) => x.type === 'response' && x.complete).length === 3);
    const complete = Object.fromEntries(events.filter((x) => x.type === 'response' && x.complete).map((x) => [x.surveyId, x.answers]));
    expect(complete).toEqual({
      nps: { score: 9, why: 'Fast delivery' },
      stars: { stars: 4, topics: ['delivery'] },
      mood: { mood: 4, scale: 6, again: 'up' },
    });
    for (const { body } of t.server.collector.requests) expect(Object.keys(JSON.parse(body))).toEqual(['events']);
    expect(log.errors).toEqual([]);
    expect(log.ressenti('error')).toEqual([]);
  });

  it.each(LIBRARIES)('$name: a survey that cannot render (no attachShadow) is reported through `error`, nothing thrown into the page', async ({ file, slug }) => {
    const path = `/old-${slug}-no-shadow.html`;
    const head = `<script src="${file}"></script><script>window.errors=[];window.ressenti=function(){(ressenti.q=ressenti.q||[]).push(arguments)};
      ressenti('on','error',function(e){errors.push(e.message)});delete Element.prototype.attachShadow</script>`;
    t.server.pages.set(path, journeyPage(t.server, '<h1>Shop</h1>', defs, {}, head));
    const { page, log } = await t.open(path);
    await loaded(page);
    await ressenti(page, 'moment', 'nps');
    await expect.poll(() => page.evaluate(() => (window as unknown as { errors: string[] }).errors)).toEqual([expect.stringMatching(/^could not render "nps"/)]);
    expect(await page.locator('ressenti-widget').count()).toBe(0);
    expect(log.errors).toEqual([]);
  });
});
