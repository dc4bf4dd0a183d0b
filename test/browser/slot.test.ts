import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from './harness';
import { ask, HOST, impressionOf, impressions, journeyPage, loaded, ressenti } from './journey-helpers';

/**
 * Before the script: the queue stub, and every `error` and `impression` event the widget gives kept
 * in `window.errors` and `window.shown` (handlers hear an impression as it is emitted, before any send).
 */
const ERRORS = `<script>window.ressenti=function(){(ressenti.q=ressenti.q||[]).push(arguments)};window.errors=[];window.shown=[];
ressenti('on','error',function(e){errors.push(e)});ressenti('on','impression',function(e){shown.push(e.surveyId)})</script>`;

type Seen = { errors: { source: string; message: string }[]; shown: string[] };
const seen = (page: import('playwright-core').Page) => page.evaluate(() => ({ errors: (window as unknown as Seen).errors, shown: (window as unknown as Seen).shown }));

describeBrowser('the popover slot in Chromium: shown only once on screen, an invitation over a thank-you', () => {
  const t = useBrowser();

  // What a page can break: the built-in saved as `window.real` before it goes (to be put back).
  const broken = [
    { what: 'no attachShadow', owner: 'Element', name: 'attachShadow', breaks: 'delete Element.prototype.attachShadow', error: /^could not render "once": TypeError/ },
    {
      what: 'a throwing built-in (insertRule, as a broken polyfill)',
      owner: 'CSSStyleSheet',
      name: 'insertRule',
      breaks: "CSSStyleSheet.prototype.insertRule=function(){throw new DOMException('refused','SyntaxError')}",
      error: /^could not render "once": SyntaxError: refused/,
    },
  ];
  it.each(broken)('a survey that cannot render ($what) is reported through `error`, counted nowhere, and a later moment still shows it', async ({ owner, name, breaks, error }) => {
    // `limit.once` and one popover per session: had the failure been counted, the second moment could not show it.
    const defs = { surveys: [ask('once', 'purchase', { limit: { once: true } })], settings: { maxPerSession: 1 } };
    const head = ERRORS + `<script>window.real=${owner}.prototype.${name};${breaks}</script>`;
    t.server.pages.set('/broken.html', journeyPage(t.server, '<h1>Order confirmed</h1>', defs, {}, head));
    const { page, log } = await t.open('/broken.html');
    await loaded(page);
    await ressenti(page, 'moment', 'purchase');
    await page.waitForFunction(() => (window as unknown as { errors: unknown[] }).errors.length > 0);
    expect(await seen(page)).toEqual({ errors: [{ source: 'ui', message: expect.stringMatching(error) }], shown: [] });
    expect(await page.locator('ressenti-widget').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /history|ressenti:o:/.test(k)))).toEqual([]);

    await page.evaluate(([owner, name]) => ((window as never)[owner] as { prototype: Record<string, unknown> }).prototype[name] = (window as unknown as { real: unknown }).real, [owner, name]);
    await ressenti(page, 'moment', 'purchase');
    await page.locator(HOST).getByText('Survey once?').waitFor();
    await impressionOf(t.server, 'once');
    expect(impressions(t.server)).toHaveLength(1);
    expect((await seen(page)).shown).toEqual(['once']);
    expect(log.errors).toEqual([]);
  });

  it('a page that defined the widget’s element name first: reported, no impression, nothing left on the page', async () => {
    const taken = `<script>customElements.define('ressenti-widget', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'closed' }); } });</script>`;
    t.server.pages.set('/taken.html', journeyPage(t.server, '<h1>Order confirmed</h1>', { surveys: [ask('taken', 'purchase')] }, {}, ERRORS + taken));
    const { page, log } = await t.open('/taken.html');
    await loaded(page);
    await ressenti(page, 'moment', 'purchase');
    await page.waitForFunction(() => (window as unknown as { errors: unknown[] }).errors.length > 0);
    expect(await seen(page)).toEqual({ errors: [{ source: 'ui', message: expect.stringMatching(/^could not render "taken": NotSupportedError/) }], shown: [] });
    expect(await page.locator('ressenti-widget').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /history|ressenti:o:/.test(k)))).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('`show` while a survey is being answered is refused; on its thanks screen, it replaces the thank-you', async () => {
    const defs = { surveys: [ask('checkout', 'purchase'), ask('newsletter', 'never')] };
    t.server.pages.set('/thanks.html', journeyPage(t.server, '<h1>Order confirmed</h1>', defs));
    const { page, log } = await t.open('/thanks.html');
    await loaded(page);
    const widget = page.locator(HOST);
    await ressenti(page, 'moment', 'purchase');
    await widget.getByText('Survey checkout?').waitFor();

    await ressenti(page, 'show', 'newsletter');
    await expect.poll(() => log.ressenti('warning')).toEqual(['[ressenti] show "newsletter": another survey is on screen']);
    expect(await widget.getByText('Survey checkout?').count()).toBe(1);

    await widget.getByRole('button', { name: /delighted/i }).click();
    await widget.getByText('Thank you!').waitFor();
    await ressenti(page, 'show', 'newsletter');
    await widget.getByText('Survey newsletter?').waitFor();
    expect(await widget.count()).toBe(1);
    expect(await page.getByText('Thank you!').count()).toBe(0);
    await impressionOf(t.server, 'newsletter');
    expect(impressions(t.server).map((e) => e.surveyId)).toEqual(['checkout', 'newsletter']);
    expect(log.ressenti('warning')).toHaveLength(1);
    expect(log.errors).toEqual([]);
  });
});
