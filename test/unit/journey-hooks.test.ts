// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { bodyContext, watchHooks, watchInline } from '../../src/journey';

/** A stand-in IntersectionObserver: the test says how much of an element is visible. */
const observers: FakeIO[] = [];
class FakeIO {
  targets = new Set<Element>();
  constructor(
    public callback: IntersectionObserverCallback,
    public options?: IntersectionObserverInit,
  ) {
    observers.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
}
const show = (el: Element, ratio: number) => {
  for (const io of observers)
    if (io.targets.has(el))
      io.callback([{ target: el, isIntersecting: ratio > 0, intersectionRatio: ratio } as IntersectionObserverEntry], io as never);
};
/** Lets MutationObserver callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));
const html = (markup: string) => {
  const box = document.createElement('div');
  box.innerHTML = markup;
  return document.body.appendChild(box).firstElementChild as HTMLElement;
};

const emit = vi.fn();
let stop = () => {};
(window as { IntersectionObserver: unknown }).IntersectionObserver = FakeIO;

beforeEach(() => {
  emit.mockReset();
  observers.length = 0;
});
afterEach(() => {
  stop();
  document.body.innerHTML = '';
  for (const name of [...document.body.getAttributeNames()]) document.body.removeAttribute(name);
});

describe('data-ressenti-moment', () => {
  test('fires once, with its context, when at least half of the element is visible', () => {
    const el = html('<section data-ressenti-moment="reviews-seen" data-ressenti-context-product-id="0042" data-ressenti-context-in-stock="true" data-other="x"></section>');
    stop = watchHooks(emit, window);
    expect(observers[0].options).toEqual({ threshold: 0.5 });
    show(el, 0.3);
    expect(emit).not.toHaveBeenCalled();
    show(el, 0.6);
    show(el, 0);
    show(el, 1);
    expect(emit.mock.calls).toEqual([['reviews-seen', { productId: '0042', inStock: 'true' }]]);
  });

  test('elements added after load are watched too', async () => {
    stop = watchHooks(emit, window);
    const el = html('<div><p data-ressenti-moment="faq-seen"></p></div>').firstElementChild!;
    const later = html('<p>no hook yet</p>');
    later.setAttribute('data-ressenti-moment', 'late');
    await settle();
    show(el, 0.5);
    show(later, 1);
    expect(emit.mock.calls).toEqual([
      ['faq-seen', {}],
      ['late', {}],
    ]);
  });
});

describe('data-ressenti-click', () => {
  test('fires on every click, from the element or anything inside it', () => {
    const button = html('<button data-ressenti-click="add-to-cart" data-ressenti-context-sku="A-1"><span>Add</span></button>');
    stop = watchHooks(emit, window);
    (button.firstElementChild as HTMLElement).click();
    button.click();
    expect(emit.mock.calls).toEqual([
      ['add-to-cart', { sku: 'A-1' }],
      ['add-to-cart', { sku: 'A-1' }],
    ]);
  });

  test('works for elements added later and for clicks the page stops', () => {
    stop = watchHooks(emit, window);
    const link = html('<a data-ressenti-click="help-opened">Help</a>');
    link.addEventListener('click', (e) => e.stopPropagation());
    link.click();
    html('<p>plain</p>').click();
    expect(emit.mock.calls).toEqual([['help-opened', {}]]);
  });
});

test('disposing stops both hooks, for present and later elements', async () => {
  const el = html('<div data-ressenti-moment="seen" data-ressenti-click="clicked"></div>');
  stop = watchHooks(emit, window);
  stop();
  html('<div data-ressenti-moment="later"></div>');
  await settle();
  expect(observers[0].targets.size).toBe(0);
  el.click();
  expect(emit).not.toHaveBeenCalled();
});

test('page context comes from data-ressenti-context-* on body, keys in camelCase, values as written', () => {
  document.body.setAttribute('data-ressenti-context-page-type', 'product');
  document.body.setAttribute('data-ressenti-context-cart-value', '42.50');
  document.body.setAttribute('data-ressenti-context-', 'ignored');
  document.body.setAttribute('data-ressenti-moment', 'not context');
  expect(bodyContext(document)).toEqual({ pageType: 'product', cartValue: '42.50' });
});

describe('watchInline', () => {
  test('finds each inline survey once: present, added later, or given the attribute later', async () => {
    const found = vi.fn();
    const first = html('<div data-ressenti-inline="helpful"></div>');
    stop = watchInline(window, found);
    expect(found.mock.calls).toEqual([[first, 'helpful']]);
    const second = html('<article><div data-ressenti-inline="rate-article"></div></article>').firstElementChild;
    const third = html('<div></div>');
    third.setAttribute('data-ressenti-inline', 'late');
    document.body.appendChild(first); // moved: still the same element
    await settle();
    expect(found.mock.calls).toEqual([
      [first, 'helpful'],
      [second, 'rate-article'],
      [third, 'late'],
    ]);
  });

  test('an element already on the page that is given the attribute later is found too', async () => {
    const found = vi.fn();
    const el = html('<div></div>');
    await settle();
    stop = watchInline(window, found);
    el.setAttribute('data-ressenti-inline', 'late');
    await settle();
    expect(found.mock.calls).toEqual([[el, 'late']]);
  });

  test('stops looking once disposed', async () => {
    const found = vi.fn();
    stop = watchInline(window, found);
    stop();
    html('<div data-ressenti-inline="helpful"></div>');
    await settle();
    expect(found).not.toHaveBeenCalled();
  });
});
