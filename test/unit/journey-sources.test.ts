// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startSources } from '../../src/journey/start';

const define = (obj: object, key: string, value: unknown) =>
  Object.defineProperty(obj, key, { configurable: true, writable: true, value });

let hidden = false;
Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });

/** Listeners currently added to window and document, to prove disposers remove them all. */
function trackListeners() {
  const count = new Map<string, number>();
  const bump = (key: string, by: number) => count.set(key, (count.get(key) || 0) + by);
  for (const target of [window, document]) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    const name = target === window ? 'window' : 'document';
    vi.spyOn(target, 'addEventListener').mockImplementation((type, fn, opts) => {
      bump(`${name}:${type}`, 1);
      add(type, fn, opts);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type, fn, opts) => {
      bump(`${name}:${type}`, -1);
      remove(type, fn, opts);
    });
  }
  return () => [...count].filter(([, n]) => n > 0).map(([key]) => key);
}

let stop = () => {};
const emit = vi.fn();
const start = (...names: string[]) => (stop = startSources(names, emit, window));

const page = (height: number, scrollY = 0) => {
  define(document.documentElement, 'scrollHeight', height);
  define(window, 'innerHeight', 1000);
  define(window, 'scrollY', scrollY);
};
const scrollTo = (y: number) => {
  define(window, 'scrollY', y);
  window.dispatchEvent(new Event('scroll'));
};
const setHidden = (value: boolean) => {
  hidden = value;
  document.dispatchEvent(new Event('visibilitychange'));
};
const click = (el: Element, x: number, y: number) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y, detail: 1 }));
const mouseout = (init: MouseEventInit) => document.dispatchEvent(new MouseEvent('mouseout', init));
const touch = (coarse: boolean) =>
  define(window, 'matchMedia', (q: string) => ({ matches: coarse && q === '(pointer: coarse)' }));

beforeEach(() => {
  vi.useFakeTimers();
  emit.mockReset();
  hidden = false;
  page(3000);
  touch(false);
});
afterEach(() => {
  stop();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('scroll:N', () => {
  test('fires once when the visitor scrolls past N % of the scrollable height', () => {
    start('scroll:50');
    scrollTo(900); // 45 % of 2000
    expect(emit).not.toHaveBeenCalled();
    scrollTo(1000);
    scrollTo(1500);
    expect(emit.mock.calls).toEqual([['scroll:50', undefined]]);
  });

  test('fires on its own for a page that does not scroll, once it has had time to render', () => {
    page(800);
    start('scroll:75');
    expect(emit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(emit.mock.calls).toEqual([['scroll:75', undefined]]);
  });

  test('each depth fires on its own', () => {
    start('scroll:25', 'scroll:90');
    scrollTo(600);
    expect(emit.mock.calls).toEqual([['scroll:25', undefined]]);
    scrollTo(2000);
    expect(emit.mock.calls.map((c) => c[0])).toEqual(['scroll:25', 'scroll:90']);
  });
});

describe('dwell:N', () => {
  test('counts only the time the page is visible', () => {
    start('dwell:10');
    vi.advanceTimersByTime(6000);
    setHidden(true);
    vi.advanceTimersByTime(60_000);
    setHidden(false);
    vi.advanceTimersByTime(3900);
    expect(emit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(emit.mock.calls).toEqual([['dwell:10', undefined]]);
    vi.advanceTimersByTime(60_000);
    expect(emit).toHaveBeenCalledTimes(1);
  });

  test('a page opened in a background tab starts counting when shown', () => {
    hidden = true;
    start('dwell:5');
    vi.advanceTimersByTime(30_000);
    expect(emit).not.toHaveBeenCalled();
    setHidden(false);
    vi.advanceTimersByTime(5000);
    expect(emit).toHaveBeenCalledWith('dwell:5', undefined);
  });
});

describe('idle:N', () => {
  test('fires after N seconds without input; any input starts the count again', () => {
    start('idle:5');
    vi.advanceTimersByTime(4000);
    document.body.dispatchEvent(new Event('pointermove', { bubbles: true }));
    vi.advanceTimersByTime(4000);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    vi.advanceTimersByTime(4999);
    expect(emit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(emit.mock.calls).toEqual([['idle:5', undefined]]);
  });

  test('scrolling inside an element counts as input', () => {
    const box = document.body.appendChild(document.createElement('div'));
    start('idle:2');
    vi.advanceTimersByTime(1500);
    box.dispatchEvent(new Event('scroll')); // does not bubble
    vi.advanceTimersByTime(1500);
    expect(emit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(emit).toHaveBeenCalledTimes(1);
  });

  test('fires once per page view', () => {
    start('idle:1');
    vi.advanceTimersByTime(10_000);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    vi.advanceTimersByTime(10_000);
    expect(emit).toHaveBeenCalledTimes(1);
  });
});

describe('exit-intent', () => {
  test('desktop: the pointer leaving through the top of the window, after 3 s on the page, once', () => {
    start('exit-intent');
    vi.advanceTimersByTime(1000);
    mouseout({ clientY: 0 });
    expect(emit).not.toHaveBeenCalled(); // too early
    vi.advanceTimersByTime(2000);
    mouseout({ clientY: 300 }); // out through the side or bottom
    mouseout({ clientY: -5, relatedTarget: document.body }); // moving between elements
    expect(emit).not.toHaveBeenCalled();
    mouseout({ clientY: -5 });
    mouseout({ clientY: 0 });
    expect(emit.mock.calls).toEqual([['exit-intent', undefined]]);
  });

  test('touch: a fast upward scroll', () => {
    touch(true);
    page(10_000, 4000);
    start('exit-intent');
    vi.advanceTimersByTime(5000);
    scrollTo(3900); // slow: reading back
    vi.advanceTimersByTime(16);
    scrollTo(3880);
    expect(emit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(16);
    scrollTo(3800); // 80 px in 16 ms
    expect(emit.mock.calls).toEqual([['exit-intent', undefined]]);
  });

  test('touch: the tab being hidden; the pointer leaving means nothing there', () => {
    touch(true);
    start('exit-intent');
    vi.advanceTimersByTime(3000);
    mouseout({ clientY: 0 });
    expect(emit).not.toHaveBeenCalled();
    setHidden(true);
    setHidden(false);
    setHidden(true);
    expect(emit.mock.calls).toEqual([['exit-intent', undefined]]);
  });

  test('never touches history or the back button', () => {
    const length = history.length;
    const calls = ['pushState', 'replaceState', 'back', 'go'].map((m) => vi.spyOn(history, m as 'go'));
    start('exit-intent');
    vi.advanceTimersByTime(3000);
    mouseout({ clientY: 0 });
    expect(emit).toHaveBeenCalledTimes(1);
    expect(history.length).toBe(length);
    for (const spy of calls) expect(spy).not.toHaveBeenCalled();
  });
});

describe('rage-click', () => {
  test('three fast clicks in one spot name the element', () => {
    const button = document.body.appendChild(document.createElement('button'));
    button.id = 'pay';
    button.textContent = '  Pay   now — a label that goes on and on and on and on ';
    start('rage-click');
    click(button, 100, 100);
    vi.advanceTimersByTime(300);
    click(button, 110, 95);
    vi.advanceTimersByTime(300);
    click(button, 105, 110);
    expect(emit.mock.calls).toEqual([
      ['rage-click', { elementTag: 'button', elementId: 'pay', elementText: 'Pay now — a label that goes on and on an' }],
    ]);
  });

  test('slow clicks, or clicks far apart, are not rage', () => {
    const el = document.body.appendChild(document.createElement('div'));
    start('rage-click');
    click(el, 10, 10);
    click(el, 10, 10);
    vi.advanceTimersByTime(800);
    click(el, 10, 10); // the first two are too old now
    click(el, 200, 10);
    click(el, 400, 10);
    expect(emit).not.toHaveBeenCalled();
  });

  test('fires again after another burst, not on every click of one burst', () => {
    const el = document.body.appendChild(document.createElement('span'));
    start('rage-click');
    for (let i = 0; i < 5; i++) click(el, 50, 50);
    expect(emit).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    for (let i = 0; i < 3; i++) click(el, 50, 50);
    expect(emit).toHaveBeenCalledTimes(2);
    expect(emit.mock.calls[1][1]).toMatchObject({ elementTag: 'span', elementId: undefined, elementText: '' });
  });

  test('quick clicks on the widget itself are not rage', () => {
    const host = document.body.appendChild(document.createElement('div'));
    host.setAttribute('data-ressenti-host', '');
    start('rage-click');
    for (let i = 0; i < 3; i++) click(host, 5, 5);
    expect(emit).not.toHaveBeenCalled();
  });

  test('keyboard activation is not a rage click', () => {
    const el = document.body.appendChild(document.createElement('button'));
    start('rage-click');
    for (let i = 0; i < 3; i++) el.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
    expect(emit).not.toHaveBeenCalled();
  });
});

describe('startSources', () => {
  test('custom moments and malformed names start nothing', () => {
    const live = trackListeners();
    start('purchase', 'page-view', 'scroll:', 'scroll:abc', 'dwell', 'exit-intent:3', 'constructor', 'toString');
    expect(live()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('only the sources named are started', () => {
    const live = trackListeners();
    start('dwell:5', 'dwell:5');
    expect(live()).toEqual(['document:visibilitychange']);
    expect(vi.getTimerCount()).toBe(1);
  });

  test('listeners are passive', () => {
    const add = vi.spyOn(document, 'addEventListener');
    start('idle:3', 'rage-click', 'exit-intent');
    expect(add.mock.calls.length).toBeGreaterThan(3);
    for (const [, , opts] of add.mock.calls) expect(opts).toMatchObject({ passive: true });
  });

  test('a source that has fired stops listening at once', () => {
    const live = trackListeners();
    start('scroll:10');
    scrollTo(2000);
    expect(emit).toHaveBeenCalledTimes(1);
    expect(live()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a source due at once fires right after starting, never during it, and leaves nothing running', () => {
    const live = trackListeners();
    start('idle:0', 'dwell:0');
    expect(emit).not.toHaveBeenCalled(); // the moment that started it is decided first
    vi.advanceTimersByTime(0);
    expect(emit.mock.calls).toEqual([
      ['idle:0', undefined],
      ['dwell:0', undefined],
    ]);
    expect(live()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('disposing removes every listener and timer, and nothing fires afterwards', () => {
    const live = trackListeners();
    const el = document.body.appendChild(document.createElement('div'));
    start('scroll:50', 'dwell:1', 'idle:1', 'exit-intent', 'rage-click');
    expect(live().length).toBeGreaterThan(5);
    stop();
    expect(live()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    scrollTo(3000);
    vi.advanceTimersByTime(10_000);
    mouseout({ clientY: 0 });
    for (let i = 0; i < 3; i++) click(el, 1, 1);
    expect(emit).not.toHaveBeenCalled();
  });
});
