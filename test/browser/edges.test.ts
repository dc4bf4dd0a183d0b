import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, stopTime, useBrowser } from './harness';
import { ask, closePopover, explanation, HOST, impressionOf, impressions, journeyPage, loaded, ressenti, runTime, setHidden } from './journey-helpers';

/** Page time run after a moment that must not show a popover, before looking for one. */
const GRACE_MS = 400;

/** A phone: touch screen, coarse pointer, small viewport. */
const PHONE = { hasTouch: true, isMobile: true, viewport: { width: 390, height: 700 } };

const TALL = '<div style="height:6000px">A long product page</div>';

/** Scrolls to `y` and resolves once the `scroll` event has reached the widget's listener (added before this one). */
const scrollTo = (page: Page, y: number) =>
  page.evaluate((y) => new Promise((done) => {
    addEventListener('scroll', done, { once: true });
    scrollTo(0, y);
  }), y);

/** How many debug groups the widget printed for `moment`. */
const groups = (log: { messages: { type: string; text: string }[] }, moment: string) =>
  log.messages.filter((m) => m.type === 'startGroupCollapsed' && m.text.startsWith(`[ressenti] moment "${moment}"`)).length;

describeBrowser('edges in Chromium: touch exit intent, hash and replaceState routes, quiet pages, no storage, cooldown, outbox bounds', () => {
  const t = useBrowser();

  /** A tall page with an exit-intent survey, opened on a phone, time stopped as the script loads (the moment's sources start then). */
  const onPhone = async (path: string) => {
    t.server.pages.set(path, journeyPage(t.server, TALL, { surveys: [ask('leaving', 'exit-intent')] }));
    const { page } = await t.open(undefined, PHONE);
    await stopTime(page);
    await page.goto(t.server.url + path);
    await loaded(page);
    return page;
  };

  it('on a phone, a fast flick up toward the top after a few seconds is exit intent; slow reading back or an early flick is not', async () => {
    const page = await onPhone('/phone.html');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await scrollTo(page, 3000);
    await scrollTo(page, 0); // a flick, but the visitor only just arrived
    await scrollTo(page, 3000);
    // Reading back up slowly: 100 px every 150 ms.
    for (let y = 2900; y >= 2400; y -= 100) {
      await page.clock.runFor(150);
      await scrollTo(page, y);
    }
    await page.clock.runFor(3300 - 6 * 150);
    await scrollTo(page, 2300); // still slow, now past the first seconds
    await runTime(page, GRACE_MS);
    expect(await page.locator(HOST).count()).toBe(0);
    expect(impressions(t.server)).toEqual([]);

    await scrollTo(page, 0); // 2300 px at once: reaching for the address bar
    await page.clock.resume();
    expect(await impressionOf(t.server, 'leaving')).toMatchObject({ moment: 'exit-intent', context: { device: 'mobile' } });
    await page.locator(HOST).getByText('Survey leaving?').waitFor();
  });

  it('on a phone, switching away from the tab after a few seconds is exit intent; switching away at once is not', async () => {
    const page = await onPhone('/phone-tab.html');
    await setHidden(page, true); // the visitor only just arrived
    await setHidden(page, false);
    await runTime(page, 3300);
    expect(impressions(t.server)).toEqual([]);
    expect(await page.locator(HOST).count()).toBe(0);

    await setHidden(page, true);
    await setHidden(page, false);
    await page.clock.resume();
    expect(await impressionOf(t.server, 'leaving')).toMatchObject({ moment: 'exit-intent' });
    await page.locator(HOST).getByText('Survey leaving?').waitFor();
  });

  it('an SPA route changed by location.hash or by replaceState to a new path is a page view; replaceState on the same path is not', async () => {
    const defs = {
      surveys: [
        ask('reviews', 'page-view', { if: { url: '**#reviews' } }),
        ask('moved', 'page-view', { if: { path: '/spa/moved' } }),
        ask('sorted', 'page-view', { if: { url: '**?sort=price' } }),
      ],
    };
    t.server.pages.set('/spa.html', journeyPage(t.server, '<h1>Product</h1>', defs, { debug: true }));
    const { page, log } = await t.open('/spa.html');
    await loaded(page);
    await explanation(log, 'page-view', 1);

    await page.evaluate(() => (location.hash = 'reviews'));
    const reviews = await impressionOf(t.server, 'reviews');
    // The condition saw the fragment; the event carries the URL without it (issue 10, visitors' privacy).
    expect(reviews).toMatchObject({ moment: 'page-view', context: { path: '/spa.html', url: t.server.url + '/spa.html' } });
    await closePopover(page, 'Survey reviews?');

    // Same path, new query: a filter, not a new page; "sorted" would show if it were a page view.
    // No sleep: had it been a page view, "sorted" would be on screen when the next route change comes,
    // and the page-view groups below would be four, with "moved" not shown.
    await page.evaluate(() => history.replaceState({}, '', '/spa.html?sort=price'));
    await expect.poll(() => groups(log, 'page-view')).toBe(2); // the hash change's (console messages reach the test after the network)
    expect(await page.locator(HOST).count()).toBe(0);

    await page.evaluate(() => history.replaceState({}, '', '/spa/moved'));
    const moved = await impressionOf(t.server, 'moved');
    expect(moved).toMatchObject({ moment: 'page-view', context: { path: '/spa/moved', url: t.server.url + '/spa/moved' } });
    await expect.poll(() => groups(log, 'page-view')).toBe(3); // console messages reach the test after the network
    expect(impressions(t.server).map((e) => e.surveyId)).toEqual(['reviews', 'moved']);
    expect(t.server.hits('/spa/moved')).toBe(0);
  });

  it('<body data-ressenti-quiet> keeps every popover off the page, while the inline survey on it still renders and answers', async () => {
    const defs = {
      surveys: [
        ask('pop', 'page-view'),
        ask('later', 'purchase'),
        { id: 'helpful', display: 'inline', questions: [{ id: 'ok', type: 'thumbs', text: 'Was this article helpful?' }] },
      ],
    };
    const html = journeyPage(t.server, '<h1>Checkout</h1><div id="slot" data-ressenti-inline="helpful"></div>', defs, { debug: true });
    t.server.pages.set('/quiet.html', html.replace('<body>', '<body data-ressenti-quiet>'));
    const { page, log } = await t.open('/quiet.html');
    const up = page.locator('#slot').locator(HOST).getByRole('button', { name: 'Yes', exact: true });
    await up.waitFor();
    expect((await explanation(log, 'page-view')).lines).toContain('"pop": not shown: quiet zone on screen');

    await ressenti(page, 'moment', 'purchase');
    expect((await explanation(log, 'purchase')).lines).toContain('"later": not shown: quiet zone on screen');
    await up.click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')).toMatchObject({ surveyId: 'helpful', answers: { ok: 'up' }, complete: true });
    expect(await page.locator(HOST).count()).toBe(1); // the inline one only
    expect(impressions(t.server).map((e) => e.surveyId)).toEqual(['helpful']);
  });

  it('where localStorage and sessionStorage throw, the survey still shows and the answer is delivered, with no page error', async () => {
    t.server.pages.set('/locked.html', journeyPage(t.server, '<h1>Order confirmed</h1>', { surveys: [ask('thanks', 'page-view')] }));
    const { page, context, log } = await t.open();
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage'])
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException(`access to ${name} is denied`, 'SecurityError');
          },
        });
    });
    await page.goto(t.server.url + '/locked.html');
    expect(await page.evaluate(() => { try { return !localStorage; } catch { return 'throws'; } })).toBe('throws');
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    const [impression, response] = [events.find((e) => e.type === 'impression')!, events.find((e) => e.type === 'response')!];
    expect(response).toMatchObject({ surveyId: 'thanks', complete: true, responseId: impression.responseId });
    expect(response.visitor).toBe(impression.visitor);
    expect(log.errors).toEqual([]);
    expect(log.ressenti()).toEqual([]);
  });

  it('settings.cooldownDays: after one popover, no other popover shows after a reload', async () => {
    const defs = { surveys: [ask('first', 'viewed'), ask('second', 'searched')], settings: { cooldownDays: 2 } };
    t.server.pages.set('/cool.html', journeyPage(t.server, '<h1>Shop</h1>', defs, { debug: true }));
    const { page, log } = await t.open('/cool.html');
    await loaded(page);
    await ressenti(page, 'moment', 'viewed');
    await closePopover(page, 'Survey first?');

    await page.reload();
    await loaded(page);
    await ressenti(page, 'moment', 'searched');
    const { title, lines } = await explanation(log, 'searched');
    expect(lines).toContainEqual(expect.stringMatching(/^"second": settings\.cooldownDays: cooling down until \d{4}-\d\d-\d\d/));
    expect(title).toBe('[ressenti] moment "searched"'); // nothing chosen: a decision explained is final, nothing to wait for
    expect(await page.locator(HOST).count()).toBe(0);
    expect(impressions(t.server).map((e) => e.surveyId)).toEqual(['first']);
  });

  it('outbox bounds: with the collector unreachable, at most 500 events wait, the oldest impressions and week-old events go first, answers stay', async () => {
    t.server.pages.set('/full.html', journeyPage(t.server, '<h1>Shop</h1>', { surveys: [ask('mood', 'page-view')] }));
    const { page, context, log } = await t.open();
    // An earlier visit left a full outbox: 500 impressions from an hour ago and one answer from 8 days ago.
    await context.addInitScript(() => {
      if (localStorage.length) return;
      const event = (id: string, type: string, ago: number) => ({
        v: 1, type, eventId: id, responseId: 'r-' + id, surveyId: 'seed', moment: 'page-view', session: 's', context: {}, ts: new Date(Date.now() - ago).toISOString(),
      });
      localStorage.setItem('ressenti:o:old', JSON.stringify({ e: event('old', 'response', 8 * 864e5), n: 0, at: 0 }));
      for (let i = 0; i < 500; i++) localStorage.setItem('ressenti:o:seed-' + i, JSON.stringify({ e: event('seed-' + i, 'impression', 36e5 - i), n: 0, at: 0 }));
    });
    let reachable = false;
    await context.route('**/collect', (route) => (reachable ? route.fallback() : route.abort('internetdisconnected')));
    await page.goto(t.server.url + '/full.html');
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    const outbox = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).map((k) => k.slice(11)));
    await expect.poll(async () => (await outbox()).length).toBe(500);
    const kept = await outbox();
    expect(kept).not.toContain('old');
    expect(kept).not.toContain('seed-0');
    expect(kept).not.toContain('seed-1');
    expect(kept).toContain('seed-2');
    expect(log.ressenti().filter((m) => /outbox over 500 events or 7 days: dropped 1 events/.test(m))).toHaveLength(3);

    reachable = true;
    await page.evaluate(() => dispatchEvent(new Event('online')));
    const events = await t.server.collector.waitFor((e) => e.length >= 500 && e.some((x) => x.type === 'response'));
    expect(events).toHaveLength(500);
    expect(events.map((e) => e.eventId)).not.toContain('old');
    expect(events.filter((e) => e.surveyId === 'mood').map((e) => e.type).sort()).toEqual(['impression', 'response']);
    await expect.poll(outbox).toEqual([]);
    expect(t.server.collector.duplicates).toBe(0);
  });
});
