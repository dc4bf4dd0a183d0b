// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { pushDataLayer, watchDataLayer } from '../../src/journey/datalayer';

type Layer = unknown[] & { push: (...items: unknown[]) => number };
const w = window as unknown as { dataLayer?: Layer };
/** The site's gtag snippet: it pushes its `arguments` object. */
function gtag(..._args: unknown[]) {
  // eslint-disable-next-line prefer-rest-params
  w.dataLayer!.push(arguments);
}

const emit = vi.fn();
let stop = () => {};

beforeEach(() => {
  emit.mockReset();
  delete w.dataLayer;
});
afterEach(() => stop());

test('events already in dataLayer are replayed once, in order; Tag Manager and Ressenti events are not moments', () => {
  w.dataLayer = [
    { 'gtm.start': 1, event: 'gtm.js' },
    { event: 'view_item', item_id: 'SKU-1' },
    { ecommerce: null },
    { event: 'ressenti_response', surveyId: 'x' },
    { event: 'add_to_cart', value: 20 },
  ] as Layer;
  stop = watchDataLayer(emit, window);
  expect(emit.mock.calls).toEqual([
    ['view_item', { item_id: 'SKU-1' }],
    ['add_to_cart', { value: 20 }],
  ]);
  stop();
  stop = watchDataLayer(emit, window);
  expect(emit).toHaveBeenCalledTimes(4); // a new watcher replays; one watcher never twice
});

test('a push fires its moment, and the page gets what push returned', () => {
  stop = watchDataLayer(emit, window);
  expect(Array.isArray(w.dataLayer)).toBe(true); // created when the page had none
  const length = w.dataLayer!.push({ event: 'begin_checkout' }, { event: 'gtm.click' }, { event: 'add_payment_info' });
  expect(length).toBe(3);
  expect(w.dataLayer!.length).toBe(3);
  expect(emit.mock.calls.map((c) => c[0])).toEqual(['begin_checkout', 'add_payment_info']);
});

test('GA4 e-commerce fields become context, from the push or its ecommerce object', () => {
  stop = watchDataLayer(emit, window);
  w.dataLayer!.push({
    event: 'purchase',
    'gtm.uniqueEventId': 12,
    page_type: 'checkout',
    eventCallback: () => {},
    user: { id: 1 },
    ecommerce: {
      transaction_id: 'T-1001',
      value: 129.9,
      currency: 'EUR',
      items: [{ item_name: 'Trail shoes', price: 99.9 }, { item_name: 'Socks' }, { item_id: 'no-name' }],
    },
  });
  expect(emit).toHaveBeenCalledWith('purchase', {
    page_type: 'checkout',
    value: 129.9,
    currency: 'EUR',
    transactionId: 'T-1001',
    itemCount: 3,
    items: 'Trail shoes, Socks',
  });
});

test("gtag('event', name, params) is understood; other gtag calls are not moments", () => {
  stop = watchDataLayer(emit, window);
  gtag('js', new Date());
  gtag('config', 'G-XXXX');
  gtag('event', 'purchase', { transaction_id: 99, value: '42.00', items: Array.from({ length: 30 }, (_, i) => ({ name: 'Item ' + i })) });
  gtag('event', 'sign_up');
  expect(emit.mock.calls).toHaveLength(2);
  const [[, purchase], [name, signUp]] = emit.mock.calls;
  expect(purchase).toMatchObject({ transactionId: '99', value: '42.00', itemCount: 30 });
  expect(purchase.items).toHaveLength(100);
  expect(purchase.items.startsWith('Item 0, Item 1, ')).toBe(true);
  expect([name, signUp]).toEqual(['sign_up', {}]);
});

test('pushDataLayer tells the site analytics without firing a moment', () => {
  stop = watchDataLayer(emit, window);
  pushDataLayer(window, 'ressenti_response', { surveyId: 'nps', answers: { score: 9 } });
  expect(w.dataLayer!.at(-1)).toEqual({ event: 'ressenti_response', surveyId: 'nps', answers: { score: 9 } });
  expect(emit).not.toHaveBeenCalled();
});

test('pushDataLayer creates dataLayer when the page has none, and survives a broken one', () => {
  pushDataLayer(window, 'ressenti_impression', { surveyId: 'a' });
  expect(w.dataLayer).toEqual([{ event: 'ressenti_impression', surveyId: 'a' }]);
  (w as { dataLayer: unknown }).dataLayer = { push: () => { throw new Error('broken'); } };
  expect(() => pushDataLayer(window, 'ressenti_dismissal', {})).not.toThrow();
});

test('an error of ours never reaches the page that pushed', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  stop = watchDataLayer(() => {
    throw new Error('boom');
  }, window);
  expect(w.dataLayer!.push({ event: 'purchase' })).toBe(1);
  expect(error).toHaveBeenCalled();
  error.mockRestore();
});

test('disposing restores push and stops the moments', () => {
  stop = watchDataLayer(emit, window);
  stop();
  expect(Object.prototype.hasOwnProperty.call(w.dataLayer, 'push')).toBe(false);
  w.dataLayer!.push({ event: 'purchase' });
  expect(emit).not.toHaveBeenCalled();
});

test("Tag Manager's push installed before us keeps working and comes back on dispose", () => {
  const seen: unknown[] = [];
  const layer = [] as unknown as Layer;
  layer.push = function (...items: unknown[]) {
    seen.push(...items);
    return Array.prototype.push.apply(this, items);
  };
  const gtm = layer.push;
  w.dataLayer = layer;
  stop = watchDataLayer(emit, window);
  layer.push({ event: 'add_to_cart' });
  expect(seen).toEqual([{ event: 'add_to_cart' }]);
  expect(emit).toHaveBeenCalledWith('add_to_cart', {});
  stop();
  expect(layer.push).toBe(gtm);
});

test('a push wrapped by Tag Manager after us stays in place, and we fall silent', () => {
  stop = watchDataLayer(emit, window);
  const ours = w.dataLayer!.push;
  const theirs = (w.dataLayer!.push = function (this: unknown[], ...items: unknown[]) {
    return ours.apply(this, items);
  });
  stop();
  expect(w.dataLayer!.push).toBe(theirs);
  expect(w.dataLayer!.push({ event: 'purchase' })).toBe(1);
  expect(emit).not.toHaveBeenCalled();
});
