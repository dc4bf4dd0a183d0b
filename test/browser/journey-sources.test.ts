import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { expect, it, onTestFinished } from 'vitest';
import { describeBrowser, nextTask, stopTime, useBrowser } from './harness';
import { APPEARED_PROBE, ask, closePopover, HOST, impressionOf, impressions, journeyPage, loaded, ressenti, runTime, setHidden } from './journey-helpers';

/** A single-page app: links change the route with `pushState`, the server never sees those paths. */
const SPA = `<nav><a href="/app/products" data-route>Products</a> <a href="/app/cart" data-route>Cart</a> <a href="/app/about" data-route>About</a></nav>
<main id="view">products</main>
<script>document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-route]');
  if (!a) return;
  e.preventDefault();
  history.pushState({}, '', a.href);
  document.getElementById('view').textContent = location.pathname;
});</script>`;

const TALL = '<div style="height:4000px">A long product page</div>';

/**
 * Resolves once an IntersectionObserver of ours sees at least `ratio` of the element: the widget's
 * observers, created before it, have then been told too (one task notifies them all, in order).
 */
const seenAtLeast = (page: Page, selector: string, ratio: number) =>
  page.evaluate(
    ([selector, ratio]) =>
      new Promise<void>((done) => {
        const io = new IntersectionObserver((entries) => entries.some((e) => e.intersectionRatio >= ratio) && (io.disconnect(), done()), { threshold: ratio });
        io.observe(document.querySelector(selector)!);
      }),
    [selector, ratio] as const,
  );

describeBrowser('journey moments in Chromium', () => {
  const t = useBrowser();
  // The app's paths have no extension: say they are HTML.
  const app = (path: string, defs: object) =>
    t.server.pages.set(path, { body: journeyPage(t.server, SPA, defs), headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  /** Opens `path` with time stopped in the page from before it loads (see stopTime), once the script has loaded. */
  const openStopped = async (path: string) => {
    const { page } = await t.open();
    await stopTime(page);
    await page.goto(t.server.url + path);
    await loaded(page);
    return page;
  };

  it('every SPA route change is a page view with the new path: pushState to the cart, back to the products', async () => {
    app('/app/products', {
      surveys: [ask('browse', 'page-view', { if: { path: '/app/products' } }), ask('cart', 'page-view', { if: { path: '/app/cart' } })],
    });
    const { page } = await t.open('/app/products');
    expect((await impressionOf(t.server, 'browse')).context.path).toBe('/app/products');
    await closePopover(page, 'Survey browse?');

    await page.getByRole('link', { name: 'Cart' }).click();
    const cart = await impressionOf(t.server, 'cart');
    expect(cart).toMatchObject({ moment: 'page-view', context: { path: '/app/cart', url: t.server.url + '/app/cart' } });
    await closePopover(page, 'Survey cart?');

    await page.goBack();
    expect(page.url()).toBe(t.server.url + '/app/products');
    const again = await impressionOf(t.server, 'browse', 2);
    expect(again).toMatchObject({ moment: 'page-view', context: { path: '/app/products' } });
    expect(impressions(t.server).map((e) => e.surveyId)).toEqual(['browse', 'cart', 'browse']);
    expect(t.server.hits('/app/cart')).toBe(0); // the route changes never reloaded the page
  });

  it('a survey waiting out its delay is dropped when the visitor moves to another route before it shows', async () => {
    app('/app/home', { surveys: [ask('promo', 'promo-seen', { delay: 1000 })] });
    const page = await openStopped('/app/home');
    await ressenti(page, 'moment', 'promo-seen');
    await page.getByRole('link', { name: 'About' }).click();
    await runTime(page, 1500); // the delay has passed
    expect(await page.locator(HOST).count()).toBe(0);
    expect(impressions(t.server)).toEqual([]);

    // The same moment on the new route shows it, after its delay, for the page the visitor is on.
    await page.clock.resume();
    await ressenti(page, 'moment', 'promo-seen');
    expect((await impressionOf(t.server, 'promo')).context.path).toBe('/app/about');
  });

  it('a survey whose UI is still downloading when the visitor changes route does not appear on the new page', async () => {
    // A slow network: the UI (fetched on the first survey) takes 1.5 s.
    const ui = '/dist/ressenti-ui.min.js';
    t.server.pages.set(ui, { body: readFileSync(new URL('../..' + ui, import.meta.url)), delay: 1500, headers: { 'Content-Type': 'text/javascript' } });
    onTestFinished(() => void t.server.pages.delete(ui));
    app('/app/home', { surveys: [ask('promo', 'promo-seen', { if: { path: '/app/home' } }), ask('about', 'page-view', { if: { path: '/app/about' } })] });
    const { page } = await t.open('/app/home');
    await loaded(page);
    await ressenti(page, 'moment', 'promo-seen');
    await page.getByRole('link', { name: 'About' }).click();
    await page.locator(HOST).getByText('Survey about?').waitFor();
    // Both waited for the same download: "promo", had it not been dropped, would have shown first, in the same task.
    expect(await page.locator(HOST).count()).toBe(1); // one survey at a time
    await impressionOf(t.server, 'about'); // an impression of "promo" would have gone with it or before
    expect(impressions(t.server).map((e) => e.surveyId)).toEqual(['about']);
  });

  it('exit intent: the pointer leaving through the top of the window after a few seconds, once per page view', async () => {
    t.server.pages.set('/exit.html', journeyPage(t.server, '<h1>Your cart</h1>', { surveys: [ask('leaving', 'exit-intent')] }));
    const page = await openStopped('/exit.html'); // the moment's sources start as the script loads
    // Chromium dispatches `mouseout` with `relatedTarget` null and clientY < 0 for a move to y < 0, then `mouseleave`.
    await page.mouse.move(640, 300);
    await page.mouse.move(640, -5, { steps: 4 }); // too early: the visitor only just arrived
    await page.mouse.move(640, 300);
    await page.clock.runFor(3200);
    await page.mouse.move(-5, 300, { steps: 4 }); // out through the left edge: reaching for another window, not leaving
    await page.mouse.move(640, 300);
    await runTime(page, 300);
    expect(await page.locator(HOST).count()).toBe(0);
    expect(impressions(t.server)).toEqual([]);

    await page.mouse.move(640, -5, { steps: 4 });
    await page.clock.resume();
    expect(await impressionOf(t.server, 'leaving')).toMatchObject({ moment: 'exit-intent' });
    await closePopover(page, 'Survey leaving?');
    await stopTime(page);
    await page.mouse.move(640, 300);
    await page.mouse.move(640, -5, { steps: 4 });
    await runTime(page, 500);
    expect(await page.locator(HOST).count()).toBe(0);
    await page.clock.resume();
    await expect.poll(() => t.server.collector.events.some((e) => e.type === 'dismissal')).toBe(true); // sent after the impression, and before another would be
    expect(impressions(t.server)).toHaveLength(1);
  });

  it('scroll:50 fires when the visitor has scrolled half the page, not before', async () => {
    t.server.pages.set('/long.html', journeyPage(t.server, TALL, { surveys: [ask('halfway', 'scroll:50')] }));
    const page = await openStopped('/long.html');
    await page.mouse.move(640, 360);
    const half = await page.evaluate(() => (document.documentElement.scrollHeight - innerHeight) / 2);
    await page.mouse.wheel(0, half * 0.6);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(half * 0.5);
    await runTime(page, 1200); // past the settle check the source makes once the page has rendered
    expect(await page.locator(HOST).count()).toBe(0);

    await page.clock.resume();
    await page.mouse.wheel(0, half * 0.6);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(half);
    expect(await impressionOf(t.server, 'halfway')).toMatchObject({ moment: 'scroll:50' });
  });

  it('dwell:2 counts only the seconds the page is visible: time in a hidden tab does not count', async () => {
    // Headless Chromium keeps every page `visible` (another page brought to front, a minimised window:
    // neither changes it), so the tab is hidden the way the browser reports it to the page: `document.hidden`,
    // `visibilityState` and the `visibilitychange` event, while time runs on the page's (stopped) clock.
    t.server.pages.set('/dwell.html', journeyPage(t.server, '<h1>Help article</h1>', { surveys: [ask('reader', 'dwell:2')] }, {}, APPEARED_PROBE));
    const page = await openStopped('/dwell.html');
    const loadedAt = await page.evaluate(() => performance.now());
    await page.clock.runFor(600);
    const hiddenAt = await setHidden(page, true);
    await page.clock.runFor(1900); // a wall clock would reach 2 s in here
    const visibleAt = await setHidden(page, false);
    await runTime(page, 1399); // 1.999 s visible
    expect(await page.locator(HOST).count()).toBe(0);

    await runTime(page, 1);
    expect(await page.locator(HOST).count()).toBe(1); // in the page at 2 s visible; visible to Playwright once time flows
    await page.clock.resume();
    await page.locator(HOST).waitFor();
    const appeared = (await page.evaluate(() => (window as unknown as { appeared: number }).appeared)) - visibleAt;
    // Visible time before it appeared: at least 2 s counted from navigation (the source started later)…
    expect(hiddenAt + appeared).toBeGreaterThanOrEqual(1990);
    // …and the visible time before hiding counted: it did not start again from zero on return.
    expect(hiddenAt - loadedAt + appeared).toBeLessThan(2000 + 400);
    expect(await impressionOf(t.server, 'reader')).toMatchObject({ moment: 'dwell:2' });
  });

  it('idle:1 fires a second after the last input, not while the visitor is moving the pointer', async () => {
    const probe = APPEARED_PROBE + '<script>addEventListener("pointermove", () => (window.lastInput = performance.now()), true)</script>';
    t.server.pages.set('/idle.html', journeyPage(t.server, '<h1>Checkout</h1>', { surveys: [ask('stuck', 'idle:1')] }, {}, probe));
    const page = await openStopped('/idle.html');
    for (let i = 0; i < 8; i++) {
      await page.mouse.move(300 + i * 20, 300);
      await runTime(page, 250);
    }
    expect(await page.locator(HOST).count()).toBe(0); // 2 s on the page, never 1 s without input

    await runTime(page, 750);
    expect(await page.locator(HOST).count()).toBe(1); // in the page 1 s after the last input; visible once time flows
    await page.clock.resume();
    await page.locator(HOST).waitFor();
    const gap = await page.evaluate(() => {
      const w = window as unknown as { appeared: number; lastInput: number };
      return w.appeared - w.lastInput;
    });
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(1000 + 700);
    expect(await impressionOf(t.server, 'stuck')).toMatchObject({ moment: 'idle:1' });
  });

  it('rage clicks: three fast clicks on one spot fire rage-click naming the element; scattered or slow clicks do not', async () => {
    const body = '<p style="margin:100px">Coupon <input id="code"> <button id="apply-coupon">  Apply\n coupon </button></p>';
    t.server.pages.set('/rage.html', journeyPage(t.server, body, { surveys: [ask('frustrated', 'rage-click')] }));
    const page = await openStopped('/rage.html'); // the clicks of a burst come within its 700 ms, however slow the machine
    const box = (await page.locator('#apply-coupon').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.click(x, y);
    await page.mouse.click(x + 4, y);
    await page.mouse.click(x + 120, y + 60); // a third click, far away
    await page.mouse.click(x, y + 2);
    await page.mouse.click(x + 2, y);
    await page.clock.runFor(800);
    await page.mouse.click(x, y); // a third click, too late
    await runTime(page, 300);
    expect(await page.locator(HOST).count()).toBe(0);

    await page.mouse.click(x - 3, y);
    await page.mouse.click(x, y - 2);
    await page.clock.resume();
    const event = await impressionOf(t.server, 'frustrated');
    expect(event).toMatchObject({
      moment: 'rage-click',
      context: { elementTag: 'button', elementId: 'apply-coupon', elementText: 'Apply coupon' },
    });
  });

  it('markup hooks on elements added after load: a moment when half visible, once per page view, with its context', async () => {
    const body = '<h1>Trail boots</h1>';
    t.server.pages.set('/boots.html', journeyPage(t.server, body, { surveys: [ask('reviews', 'reviews-seen')] }).replace('<body>', '<body data-ressenti-context-page-type="product">'));
    const { page } = await t.open('/boots.html');
    await loaded(page);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<div style="height:2000px"></div><section id="reviews" style="height:400px" data-ressenti-moment="reviews-seen" data-ressenti-context-product-id="sku-42">Reviews</section><div style="height:2000px"></div>',
      );
    });
    // The scroll position at which the section's top meets the bottom of the window.
    const below = await page.locator('#reviews').evaluate((el) => el.getBoundingClientRect().top + scrollY - innerHeight);
    const scrollTo = (y: number) => page.evaluate((y) => window.scrollTo(0, y), y);
    await scrollTo(below + 120); // 120 of 400 px on screen
    await seenAtLeast(page, '#reviews', 0.25);
    await nextTask(page);
    expect(await page.locator(HOST).count()).toBe(0);
    expect(t.server.hits('/dist/ressenti-ui.min.js')).toBe(0); // not even on its way

    await scrollTo(below + 240); // 60 % on screen
    expect(await impressionOf(t.server, 'reviews')).toMatchObject({
      moment: 'reviews-seen',
      context: { productId: 'sku-42', pageType: 'product' },
    });
    await closePopover(page, 'Survey reviews?');
    await scrollTo(0);
    await expect.poll(() => page.locator('#reviews').evaluate((el) => el.getBoundingClientRect().top > innerHeight)).toBe(true);
    await scrollTo(below + 400);
    await seenAtLeast(page, '#reviews', 1);
    await nextTask(page);
    expect(await page.locator(HOST).count()).toBe(0);
    await expect.poll(() => t.server.collector.events.some((e) => e.type === 'dismissal')).toBe(true); // sent before another impression would be
    expect(impressions(t.server)).toHaveLength(1);
  });

  it('a data-ressenti-click button added after load fires its moment on each click, with its context', async () => {
    t.server.pages.set('/size.html', journeyPage(t.server, '<h1>Trail boots</h1>', { surveys: [ask('sizing', 'size-guide')] }));
    const { page } = await t.open('/size.html');
    await loaded(page);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<button data-ressenti-click="size-guide" data-ressenti-context-guide-kind="shoes"><b>Size guide</b></button>');
    });
    await page.getByRole('button', { name: 'Size guide' }).click(); // on the <b> inside: delegated to the hooked button
    expect(await impressionOf(t.server, 'sizing')).toMatchObject({ moment: 'size-guide', context: { guideKind: 'shoes' } });
    await closePopover(page, 'Survey sizing?');
    await page.getByRole('button', { name: 'Size guide' }).click();
    await impressionOf(t.server, 'sizing', 2);
  });

  type Layer = { dataLayer: Record<string, unknown>[] };
  const layerEvents = (page: Page) =>
    page.evaluate(() => (window as unknown as Layer).dataLayer.filter((e) => String(e.event).startsWith('ressenti_')));

  it('data-datalayer: an e-commerce event already in dataLayer fires its moment with the order as context, and feedback is pushed back', async () => {
    const order = { transaction_id: 'T-1001', value: 129.9, currency: 'EUR', items: [{ item_name: 'Trail boots' }, { item_name: 'Wool socks' }] };
    const head = `<script>window.dataLayer = [{ event: 'gtm.js' }, { event: 'purchase', ecommerce: ${JSON.stringify(order)} }]</script>`;
    const defs = { surveys: [ask('post-purchase', 'purchase', { if: { context: { value: { gte: 50 } } } })] };
    t.server.pages.set('/thanks.html', journeyPage(t.server, '<h1>Thanks for your order</h1>', defs, { datalayer: true }, head));
    const { page } = await t.open('/thanks.html');
    const impression = await impressionOf(t.server, 'post-purchase');
    expect(impression).toMatchObject({
      moment: 'purchase',
      context: { value: 129.9, currency: 'EUR', transactionId: 'T-1001', itemCount: 2, items: 'Trail boots, Wool socks' },
    });
    await page.locator(HOST).getByRole('button', { name: /delighted/i }).click();
    await expect.poll(() => layerEvents(page)).toEqual([
      expect.objectContaining({ event: 'ressenti_impression', surveyId: 'post-purchase', responseId: impression.responseId }),
      expect.objectContaining({ event: 'ressenti_response', surveyId: 'post-purchase', responseId: impression.responseId, answers: { mood: 5 } }),
    ]);
  });

  it('data-datalayer: dataLayer.push and gtag("event", …) after load fire moments; the page\'s push still returns what it did; a dismissal is pushed back', async () => {
    const head = '<script>window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments) }</script>';
    const defs = { surveys: [ask('cart', 'add_to_cart'), ask('checkout', 'begin_checkout')] };
    t.server.pages.set('/cart.html', journeyPage(t.server, '<h1>Cart</h1>', defs, { datalayer: true }, head));
    const { page } = await t.open('/cart.html');
    await loaded(page);
    await page.waitForFunction(() => (window as unknown as Layer).dataLayer.push !== Array.prototype.push);
    const [before, returned] = await page.evaluate(() => {
      const { dataLayer } = window as unknown as Layer;
      const before = dataLayer.length;
      return [before, dataLayer.push({ event: 'add_to_cart', ecommerce: { value: 20, currency: 'EUR', items: [{ item_name: 'Cap' }] } })];
    });
    expect(returned).toBe(before + 1);
    expect(await impressionOf(t.server, 'cart')).toMatchObject({ moment: 'add_to_cart', context: { value: 20, currency: 'EUR', itemCount: 1, items: 'Cap' } });
    await closePopover(page, 'Survey cart?');
    await expect.poll(() => layerEvents(page)).toContainEqual(expect.objectContaining({ event: 'ressenti_dismissal', surveyId: 'cart' }));

    await page.evaluate(() => (window as unknown as { gtag: (...a: unknown[]) => void }).gtag('event', 'begin_checkout', { value: 20, coupon: 'SPRING' }));
    expect(await impressionOf(t.server, 'checkout')).toMatchObject({ moment: 'begin_checkout', context: { value: 20, coupon: 'SPRING' } });
  });

  it('a link from an e-mail (?ressenti=nps&ressenti_answer=9) records 9 at once, asks the follow-up, and cleans the address bar', async () => {
    const nps = {
      id: 'nps',
      questions: [
        { id: 'score', type: 'nps', text: 'How likely are you to recommend us?' },
        { id: 'why', type: 'text', text: 'What is the main reason for your score?' },
      ],
    };
    // A page-view survey on the same page waits: the visitor came for the link's survey, and one shows at a time.
    t.server.pages.set('/order.html', journeyPage(t.server, '<h1>Your order has shipped</h1>', { surveys: [ask('welcome', 'page-view'), nps] }));
    const { page } = await t.open('/order.html?ressenti=nps&ressenti_answer=9&utm_source=email');
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    const impression = await impressionOf(t.server, 'nps');
    const response = events.find((x) => x.type === 'response');
    expect(impression).toMatchObject({ surveyId: 'nps', moment: 'link', context: { path: '/order.html' } });
    expect(response).toMatchObject({ type: 'response', moment: 'link', answers: { score: 9 }, complete: false, responseId: impression.responseId });
    expect(page.url()).toBe(t.server.url + '/order.html?utm_source=email');

    const widget = page.locator(HOST);
    await widget.getByText('What is the main reason for your score?').waitFor();
    expect(await widget.count()).toBe(1); // and no impression of "welcome" reaches the collector, checked below

    await widget.getByRole('textbox', { name: 'What is the main reason for your score?' }).fill('Fast delivery');
    await widget.getByRole('button', { name: 'Send' }).click();
    const done = await t.server.collector.waitFor((e) => e.some((x) => x.complete));
    expect(done.find((x) => x.complete)).toMatchObject({ answers: { score: 9, why: 'Fast delivery' }, responseId: impression.responseId });
    expect(impressions(t.server).map((e) => e.surveyId)).toEqual(['nps']);
  });
});
