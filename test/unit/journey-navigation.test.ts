// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { watchNavigation } from '../../src/journey';

const { pushState, replaceState } = History.prototype;
/** Moves the address bar without going through the (patched) history methods, like the browser's back button. */
const browserGoesTo = (url: string) => replaceState.call(history, null, '', url);

const emit = vi.fn();
let stop = () => {};

beforeEach(() => {
  browserGoesTo('/start?x=1');
  emit.mockReset();
  stop = watchNavigation(emit, window);
});
afterEach(() => {
  stop();
  vi.restoreAllMocks();
});

test('pushState to another page is a page view with the new path; the page gets what pushState returned', () => {
  const result = history.pushState({ id: 7 }, '', '/products/7?ref=home');
  expect(result).toBeUndefined();
  expect(location.pathname).toBe('/products/7');
  expect(history.state).toEqual({ id: 7 });
  expect(emit.mock.calls).toEqual([['page-view', { path: '/products/7' }]]);
});

test('pushState to the same URL is not a new page view', () => {
  history.pushState({ again: true }, '', '/start?x=1');
  expect(emit).not.toHaveBeenCalled();
});

test('replaceState counts only when the path changes', () => {
  history.replaceState(null, '', '/start?x=2&sort=price');
  expect(emit).not.toHaveBeenCalled();
  history.replaceState(null, '', '/cart');
  expect(emit.mock.calls).toEqual([['page-view', { path: '/cart' }]]);
});

test('back and forward (popstate) are page views', () => {
  browserGoesTo('/previous');
  window.dispatchEvent(new PopStateEvent('popstate'));
  expect(emit.mock.calls).toEqual([['page-view', { path: '/previous' }]]);
});

test('a hash route change is one page view, though popstate and hashchange both fire', () => {
  browserGoesTo('/start?x=1#/orders');
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  expect(emit.mock.calls).toEqual([['page-view', { path: '/start' }]]);
});

test('an error of ours never reaches the page that called pushState', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  stop();
  stop = watchNavigation(() => {
    throw new Error('boom');
  }, window);
  expect(() => history.pushState(null, '', '/elsewhere')).not.toThrow();
  expect(location.pathname).toBe('/elsewhere');
  expect(error).toHaveBeenCalled();
});

test('the page still sees its own errors from pushState', () => {
  vi.spyOn(History.prototype, 'pushState').mockImplementation(() => {
    throw new DOMException('cross-origin', 'SecurityError');
  });
  stop();
  stop = watchNavigation(emit, window);
  expect(() => history.pushState(null, '', 'https://elsewhere.example/')).toThrow('cross-origin');
  expect(emit).not.toHaveBeenCalled();
});

test('disposing restores history as it was and stops page views', () => {
  expect(Object.prototype.hasOwnProperty.call(history, 'pushState')).toBe(true);
  stop();
  expect(Object.prototype.hasOwnProperty.call(history, 'pushState')).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(history, 'replaceState')).toBe(false);
  expect(history.pushState).toBe(pushState);
  history.pushState(null, '', '/after');
  browserGoesTo('/after-2');
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  expect(emit).not.toHaveBeenCalled();
});

test("a router that wrapped pushState after us keeps its wrapper, and we fall silent", () => {
  const ours = history.pushState;
  const seen: string[] = [];
  history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    seen.push(String(args[2]));
    return ours.apply(this, args);
  };
  const theirs = history.pushState;
  stop();
  expect(history.pushState).toBe(theirs);
  history.pushState(null, '', '/router');
  expect(seen).toEqual(['/router']);
  expect(location.pathname).toBe('/router');
  expect(emit).not.toHaveBeenCalled();
  delete (history as Partial<History>).pushState;
});
