import { expect, it } from 'vitest';
import { describeBrowser, stopTime, useBrowser } from './harness';
import { ask, closePopover, explanation, HOST, impressionOf, impressions, journeyPage, loaded, ressenti, runTime } from './journey-helpers';

// A decision the widget explained is final: when its title names no survey, nothing was chosen and
// nothing will show, so the checks below need no sleep.

describeBrowser('one fatigue policy, never interrupting, and debug explanations, in Chromium', () => {
  const t = useBrowser();

  it('a survey limited to once shows once, not again after a reload, and again after ressenti("reset")', async () => {
    t.server.pages.set('/once.html', journeyPage(t.server, '<h1>Order confirmed</h1>', { surveys: [ask('once', 'purchase', { limit: { once: true } })] }, { debug: true }));
    const { page, log } = await t.open('/once.html');
    await loaded(page);
    await ressenti(page, 'moment', 'purchase');
    await closePopover(page, 'Survey once?'); // dismissed counts as shown

    await page.reload();
    await loaded(page);
    await ressenti(page, 'moment', 'purchase');
    const { title, lines } = await explanation(log, 'purchase', 2);
    expect(title).toBe('[ressenti] moment "purchase"'); // no "→ survey": nothing chosen
    expect(lines).toContainEqual(expect.stringMatching(/^"once": limit\.once\b.*\d{4}-\d\d-\d\d/));
    expect(await page.locator(HOST).count()).toBe(0);

    await ressenti(page, 'reset');
    await ressenti(page, 'moment', 'purchase');
    await impressionOf(t.server, 'once', 2);
  });

  it('settings.maxPerSession: 1 — a second popover waits for another tab session, a reload is the same session', async () => {
    const defs = { surveys: [ask('first', 'viewed'), ask('second', 'searched')], settings: { maxPerSession: 1 } };
    t.server.pages.set('/shop.html', journeyPage(t.server, '<h1>Shop</h1>', defs, { debug: true }));
    const { page, context, log } = await t.open('/shop.html');
    await loaded(page);
    await ressenti(page, 'moment', 'viewed');
    await closePopover(page, 'Survey first?');
    await ressenti(page, 'moment', 'searched');
    expect((await explanation(log, 'searched')).lines).toContainEqual(expect.stringMatching(/^"second": settings\.maxPerSession\b/));

    await page.reload();
    await loaded(page);
    await ressenti(page, 'moment', 'searched');
    const { title, lines } = await explanation(log, 'searched', 2);
    expect(lines).toContainEqual(expect.stringMatching(/^"second": settings\.maxPerSession\b/));
    expect(title).toBe('[ressenti] moment "searched"');
    expect(await page.locator(HOST).count()).toBe(0);

    const tab = await context.newPage();
    await tab.goto(t.server.url + '/shop.html');
    await loaded(tab);
    await ressenti(tab, 'moment', 'searched');
    const second = await impressionOf(t.server, 'second');
    const [first] = impressions(t.server);
    expect(second.visitor).toBe(first.visitor);
    expect(second.session).not.toBe(first.session);
  });

  it('when several surveys match one moment, the highest priority wins, then the first defined', async () => {
    const defs = { surveys: [ask('general', 'purchase'), ask('vip', 'purchase', { priority: 2 }), ask('help-a', 'help'), ask('help-b', 'help')] };
    t.server.pages.set('/orders.html', journeyPage(t.server, '<h1>Orders</h1>', defs, { debug: true }));
    const { page, log } = await t.open('/orders.html');
    await loaded(page);
    await ressenti(page, 'moment', 'purchase');
    await closePopover(page, 'Survey vip?');
    expect((await explanation(log, 'purchase')).lines).toContainEqual(expect.stringMatching(/^"general": .*"vip".*priority 2/));
    await ressenti(page, 'moment', 'help');
    await closePopover(page, 'Survey help-a?');
    expect((await explanation(log, 'help')).lines).toContainEqual(expect.stringMatching(/^"help-b": .*"help-a"/));
    expect(impressions(t.server).map((e) => e.surveyId)).toEqual(['vip', 'help-a']);
  });

  it('a popover waits while the visitor types in a form field and appears once they leave it, without taking focus', async () => {
    const body = '<form><label>Email <input id="email" type="email"></label> <button type="button">Subscribe</button></form>';
    t.server.pages.set('/newsletter.html', journeyPage(t.server, body, { surveys: [ask('signup', 'newsletter-seen')] }, { debug: true }));
    const { page, log } = await t.open();
    await stopTime(page);
    await page.goto(t.server.url + '/newsletter.html');
    await loaded(page);
    await page.getByLabel('Email').click();
    await page.keyboard.type('ana@exa');
    await ressenti(page, 'moment', 'newsletter-seen'); // the site's code, while the visitor is typing
    await runTime(page, 0); // its delay (none) is over and the UI is loaded: now it waits for the field
    await expect.poll(() => log.ressenti('info').join('\n')).toMatch(/"signup".*form field/);
    await page.keyboard.type('mple.com');
    await runTime(page, 400);
    expect(await page.locator(HOST).count()).toBe(0);

    await page.clock.resume();
    await page.keyboard.press('Tab');
    await page.locator(HOST).getByText('Survey signup?').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('ana@example.com');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Subscribe');
    await impressionOf(t.server, 'signup');
  });

  it('no popover while a data-ressenti-quiet payment form is on screen (debug says why, not "shown"); once it is scrolled away, the next moment shows', async () => {
    const body = '<form data-ressenti-quiet style="height:400px"><label>Card number <input></label></form><div style="height:3000px">Order summary</div>';
    t.server.pages.set('/pay.html', journeyPage(t.server, body, { surveys: [ask('help', 'need-help')] }, { debug: true }));
    const { page, log } = await t.open('/pay.html');
    await loaded(page);
    await ressenti(page, 'moment', 'need-help');
    // data-debug: held back by the quiet zone, explained in its moment's group, not reported as shown.
    const { title, lines } = await explanation(log, 'need-help');
    expect(lines).toContainEqual(expect.stringMatching(/^"help": .*quiet/));
    expect(title).toBe('[ressenti] moment "need-help"');
    expect(await page.locator(HOST).count()).toBe(0);

    await page.mouse.move(640, 360);
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => page.locator('form').evaluate((form) => form.getBoundingClientRect().bottom)).toBeLessThan(0);
    await ressenti(page, 'moment', 'need-help');
    await impressionOf(t.server, 'help');
    expect(impressions(t.server)).toHaveLength(1);
  });

  const debugDefs = {
    surveys: [
      ask('big-order', 'purchase', { if: { context: { value: { gte: 50 } } } }),
      ask('phone', 'purchase', { if: { device: 'mobile' } }),
      ask('helpdesk', 'need-help'),
    ],
  };

  it('data-debug prints one collapsed group per moment naming the failed condition and its actual value', async () => {
    t.server.pages.set('/debug.html', journeyPage(t.server, '<h1>Checkout</h1>', debugDefs, { debug: true }));
    const extra = '/dist/ressenti-extra.min.js';
    const before = t.server.hits(extra);
    const { page, log } = await t.open('/debug.html');
    await loaded(page);
    await ressenti(page, 'moment', 'purchase', { value: 20 });
    const { title, lines } = await explanation(log, 'purchase');
    expect(title).toBe('[ressenti] moment "purchase"');
    expect(lines).toContainEqual(expect.stringMatching(/^"big-order": if\.context\.value\b.*\b20\b.*gte.*50/));
    expect(lines).toContainEqual(expect.stringMatching(/^"phone": if\.device\b.*"desktop"/));
    expect(lines).toContainEqual(expect.stringMatching(/^"helpdesk": .*need-help/));

    await ressenti(page, 'moment', 'purchase', { value: 80 });
    expect((await explanation(log, 'purchase', 2)).title).toBe('[ressenti] moment "purchase" → "big-order"');
    await impressionOf(t.server, 'big-order');
    expect(t.server.hits(extra) - before).toBe(1); // three moments explained, their words fetched once
  });

  it('without data-debug nothing is printed', async () => {
    t.server.pages.set('/plain.html', journeyPage(t.server, '<h1>Checkout</h1>', debugDefs));
    const { page, log } = await t.open('/plain.html');
    await loaded(page);
    await ressenti(page, 'moment', 'purchase', { value: 20 });
    await ressenti(page, 'moment', 'purchase', { value: 80 });
    await impressionOf(t.server, 'big-order'); // both moments were decided
    expect(log.messages).toEqual([]);
  });
});
