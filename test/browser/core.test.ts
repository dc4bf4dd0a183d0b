import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, htmlPage, scriptTag, stopTime, useBrowser } from './harness';
import { runTime } from './journey-helpers';

const STUB = '<script src="/stub.js"></script>';
const stubJs = 'window.ressenti=window.ressenti||function(){(ressenti.q=ressenti.q||[]).push(arguments)}';

const defs = {
  surveys: [
    {
      id: 'post-purchase',
      on: 'purchase',
      questions: [{ id: 'mood', type: 'emoji', text: { en: 'How was checkout?', fr: 'Comment était le paiement ?' } }],
    },
    {
      id: 'branching',
      on: 'help',
      questions: [
        { id: 'mood', type: 'emoji', text: 'How do you feel?' },
        { id: 'why', type: 'text', text: 'What went wrong?', if: { mood: { lte: 2 } } },
        { id: 'topic', type: 'choice', text: 'Which topic?', options: ['delivery', 'price'] },
      ],
    },
    { id: 'helpful', display: 'inline', questions: [{ id: 'ok', type: 'thumbs', text: 'Was this article helpful?' }] },
  ],
};

describeBrowser('the widget end to end (script tag)', () => {
  const t = useBrowser();
  const host = '[data-ressenti-host]';

  beforeAll(() => {
    const { pages } = t.server;
    pages.set('/stub.js', { body: stubJs, headers: { 'Content-Type': 'text/javascript' } });
    pages.set('/surveys.json', { body: defs });
    pages.set('/moment.js', {
      body: "ressenti('context', { pageType: 'confirmation' }); ressenti('moment', 'purchase', { value: 129.9, currency: 'EUR' });",
      headers: { 'Content-Type': 'text/javascript' },
    });
    pages.set('/confirmation.html', htmlPage(STUB + '<script src="/moment.js"></script><h1>Thanks for your order</h1>' + scriptTag(t.server, { surveys: '/surveys.json' })));
    pages.set('/quiet.html', htmlPage(STUB + '<h1>Nothing to ask here</h1>' + scriptTag(t.server, { surveys: '/surveys.json' })));
    pages.set('/article.html', htmlPage('<article><h1>Returns</h1><div id="slot" data-ressenti-inline="helpful"></div><p>After.</p></article>' + scriptTag(t.server, { surveys: '/surveys.json' })));
  });

  it('queued moment → popover → one tap sends impression and a complete response, fetching the UI only then', async () => {
    const { page, log } = await t.open('/confirmation.html');
    const face = page.locator(host).getByRole('button', { name: /delighted/i });
    await face.waitFor();
    expect(t.server.hits('/dist/ressenti-ui.min.js')).toBe(1);
    await face.click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response') && e.some((x) => x.type === 'impression'));
    const impression = events.find((x) => x.type === 'impression')!;
    const response = events.find((x) => x.type === 'response')!;
    expect(impression).toMatchObject({ v: 1, type: 'impression', surveyId: 'post-purchase', moment: 'purchase' });
    expect(response).toMatchObject({ type: 'response', surveyId: 'post-purchase', answers: { mood: 5 }, complete: true, responseId: impression.responseId });
    expect(response.context).toMatchObject({ path: '/confirmation.html', locale: 'en', value: 129.9, currency: 'EUR', pageType: 'confirmation' });
    expect(response.eventId).not.toBe(impression.eventId);
    expect(response.session).toBe(impression.session);
    expect(typeof response.visitor).toBe('string');
    expect(t.server.collector.requests[0].headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(t.server.collector.preflights).toBe(0);
    expect(log.errors).toEqual([]);
  });

  it('a page where no survey matches never downloads the UI', async () => {
    const { page } = await t.open();
    await stopTime(page);
    await page.goto(t.server.url + '/quiet.html');
    await page.waitForFunction(() => (window as unknown as { ressenti?: { loaded?: boolean } }).ressenti?.loaded);
    await runTime(page, 500); // and any UI download started meanwhile is over: a request for it would have been counted
    expect(t.server.hits('/dist/ressenti.min.js')).toBe(1);
    expect(t.server.hits('/dist/ressenti-ui.min.js')).toBe(0);
    expect(await page.locator(host).count()).toBe(0);
  });

  it('multi-question survey skips a question whose `if` fails, goes back, and sends on the last step', async () => {
    const { page } = await t.open('/quiet.html');
    await page.evaluate(() => (window as unknown as { ressenti: (...a: unknown[]) => void }).ressenti('moment', 'help'));
    const widget = page.locator(host);
    await widget.getByRole('button', { name: /delighted/i }).click();
    // mood 5: "What went wrong?" is skipped
    await expect.poll(() => widget.getByText('Which topic?').count()).toBe(1);
    expect(await widget.getByText('What went wrong?').count()).toBe(0);
    await widget.getByRole('button', { name: /back/i }).click();
    await widget.getByRole('button', { name: /very unhappy/i }).click();
    await widget.getByRole('textbox').fill('Too slow');
    await widget.getByRole('button', { name: /next/i }).click();
    await widget.getByRole('button', { name: 'price' }).click();
    // The last of several steps waits for Send.
    await widget.getByRole('button', { name: /send/i }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response' && x.complete));
    expect(events.find((x) => x.complete)?.answers).toEqual({ mood: 1, why: 'Too slow', topic: 'price' });
  });

  it('keyboard: Tab reaches the faces, one tab stop each, Escape dismisses and focus goes back where it was', async () => {
    const { page } = await t.open('/quiet.html');
    await page.evaluate(() => {
      const b = document.body.appendChild(document.createElement('button'));
      b.id = 'before';
      b.textContent = 'Before';
      b.focus();
    });
    await page.evaluate(() => (window as unknown as { ressenti: (...a: unknown[]) => void }).ressenti('moment', 'purchase'));
    const widget = page.locator(host);
    await widget.getByRole('button', { name: /delighted/i }).waitFor();
    // The popover does not take focus on its own.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    const focused = () => page.evaluate(() => document.querySelector('[data-ressenti-host]')!.shadowRoot!.activeElement?.getAttribute('aria-label') || '');
    for (let i = 0; i < 5 && !/unhappy|neutral|happy|delighted/i.test(await focused()); i++) await page.keyboard.press('Tab');
    const first = await focused();
    expect(first).toMatch(/unhappy|neutral|happy|delighted/i);
    await page.keyboard.press('Tab'); // every face is a tab stop
    expect(await focused()).not.toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => widget.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'dismissal'));
    expect(events.find((x) => x.type === 'dismissal')).toMatchObject({ surveyId: 'post-purchase', moment: 'purchase' });
    expect(events.some((x) => x.type === 'response')).toBe(false);
  });

  it('French visitors get French text and built-in strings (<html lang="fr">)', async () => {
    t.server.pages.set('/fr.html', htmlPage(STUB + scriptTag(t.server, { surveys: '/surveys.json' })).replace('lang="en"', 'lang="fr"'));
    const { page } = await t.open('/fr.html');
    await page.evaluate(() => (window as unknown as { ressenti: (...a: unknown[]) => void }).ressenti('moment', 'purchase'));
    const widget = page.locator(host);
    await widget.getByText('Comment était le paiement ?').waitFor();
    expect(await widget.getByRole('button', { name: /fermer/i }).count()).toBe(1);
    await widget.getByRole('button', { name: /ravi/i }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')!.context.locale).toBe('fr');
  });

  it('renders an inline survey inside its element, in the page flow', async () => {
    const { page } = await t.open('/article.html');
    const slot = page.locator('#slot');
    const up = slot.locator(host).getByRole('button', { name: 'Yes', exact: true });
    await up.waitFor();
    await up.click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')).toMatchObject({ surveyId: 'helpful', answers: { ok: 'up' }, complete: true });
  });
});
