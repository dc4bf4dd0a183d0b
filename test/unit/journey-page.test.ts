// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { readLink } from '../../src/journey/link';
import { formFocused, isQuiet, waitUntilFree, whenFree } from '../../src/journey/quiet';

const goTo = (url: string, state: unknown = null) => History.prototype.replaceState.call(history, state, '', url);
const html = (markup: string) => {
  const box = document.createElement('div');
  box.innerHTML = markup;
  return document.body.appendChild(box).firstElementChild as HTMLElement;
};
const rect = (el: Element, top: number, height = 100, width = 300) =>
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({ top, bottom: top + height, left: 0, right: width, width, height } as DOMRect);

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  (document.activeElement as HTMLElement | null)?.blur?.();
  document.body.innerHTML = '';
  document.body.removeAttribute('data-ressenti-quiet');
});

describe('readLink', () => {
  test('reads the survey and the answer, then removes both from the address bar and keeps the rest', () => {
    goTo('/orders/12?utm_source=mail&ressenti=nps&q=a%20b+c&ressenti_answer=9#details', { order: 12 });
    const replace = vi.spyOn(history, 'replaceState');
    expect(readLink(window)).toEqual({ surveyId: 'nps', answer: '9' });
    expect(location.pathname + location.search + location.hash).toBe('/orders/12?utm_source=mail&q=a%20b+c#details');
    expect(history.state).toEqual({ order: 12 });
    expect(replace).toHaveBeenCalledTimes(1);
  });

  test('a link without an answer leaves a clean address', () => {
    goTo('/welcome?ressenti=onboarding');
    expect(readLink(window)).toEqual({ surveyId: 'onboarding', answer: undefined });
    expect(location.href).toBe(location.origin + '/welcome');
  });

  test('a page without the parameters is left alone', () => {
    goTo('/shop?ressentiment=high&not_ressenti=1');
    const replace = vi.spyOn(history, 'replaceState');
    expect(readLink(window)).toBeUndefined();
    expect(replace).not.toHaveBeenCalled();
    expect(location.search).toBe('?ressentiment=high&not_ressenti=1');
  });

  test('an answer without a survey is cleaned up but shows nothing', () => {
    goTo('/?ressenti_answer=3');
    expect(readLink(window)).toBeUndefined();
    expect(location.search).toBe('');
  });
});

describe('isQuiet', () => {
  beforeEach(() => {
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 });
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1200 });
  });

  test('a page is not quiet by default', () => {
    html('<p>content</p>');
    expect(isQuiet(window)).toBe(false);
  });

  test('body marked quiet silences the whole page', () => {
    document.body.setAttribute('data-ressenti-quiet', '');
    expect(isQuiet(window)).toBe(true);
  });

  test('a quiet element counts only while on screen and rendered', () => {
    const form = html('<form data-ressenti-quiet></form>');
    rect(form, 900); // below the fold
    expect(isQuiet(window)).toBe(false);
    rect(form, 700); // its top edge shows
    expect(isQuiet(window)).toBe(true);
    rect(form, -150); // scrolled past
    expect(isQuiet(window)).toBe(false);
    rect(form, 0, 0, 0); // display: none
    expect(isQuiet(window)).toBe(false);
  });

  // happy-dom does not know :modal; these stand in for Chromium (which the browser tests use) and for older engines.
  test("an open modal dialog of the site's is quiet", () => {
    const dialog = html('<dialog open></dialog>');
    const query = document.querySelector.bind(document);
    vi.spyOn(document, 'querySelector').mockImplementation((s: string) => (s === 'dialog:modal' ? dialog : query(s)));
    expect(isQuiet(window)).toBe(true);
  });

  test('a browser that does not know :modal is not quiet for it, and does not throw', () => {
    vi.spyOn(document, 'querySelector').mockImplementation(() => {
      throw new DOMException('bad selector', 'SyntaxError');
    });
    expect(isQuiet(window)).toBe(false);
  });

  test('fullscreen content (a video) is quiet', () => {
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, value: html('<video></video>') });
    expect(isQuiet(window)).toBe(true);
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, value: null });
  });
});

describe('formFocused', () => {
  test.each([
    ['<input>', true],
    ['<input type="email">', true],
    ['<textarea></textarea>', true],
    ['<select><option>1</option></select>', true],
    ['<div contenteditable="true" tabindex="0"></div>', true],
    ['<input type="checkbox">', false],
    ['<input type="radio">', false],
    ['<input type="submit">', false],
    ['<button>Pay</button>', false],
    ['<a href="#x">link</a>', false],
  ])('focus in %s: %s', (markup, typing) => {
    html(markup).focus();
    expect(formFocused(document)).toBe(typing);
  });

  test('nothing focused', () => {
    expect(formFocused(document)).toBe(false);
  });

  test('a field inside an open shadow root (a web component form)', () => {
    const host = html('<checkout-form></checkout-form>');
    const input = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('input'));
    input.focus();
    expect(formFocused(document)).toBe(true);
  });
});

describe('waitUntilFree', () => {
  beforeEach(() => vi.useFakeTimers());

  test('resolves true once focus leaves the form, not while it moves to the next field', async () => {
    const name = html('<input>');
    const email = html('<input type="email">');
    name.focus();
    let result: boolean | undefined;
    waitUntilFree(window, 8000).promise.then((free) => (result = free));
    email.focus(); // focusout of name, focus lands on email
    await vi.advanceTimersByTimeAsync(10);
    expect(result).toBeUndefined();
    email.blur();
    await vi.advanceTimersByTimeAsync(10);
    expect(result).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('gives up after maxMs while the visitor keeps typing', async () => {
    html('<textarea></textarea>').focus();
    let result: boolean | undefined;
    waitUntilFree(window, 8000).promise.then((free) => (result = free));
    await vi.advanceTimersByTimeAsync(7999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe(false);
  });

  test('cancel leaves no timer nor listener, and never resolves', async () => {
    const field = html('<input>');
    field.focus();
    const remove = vi.spyOn(document, 'removeEventListener');
    const wait = waitUntilFree(window, 8000);
    let settled = false;
    wait.promise.then(() => (settled = true));
    wait.cancel();
    expect(vi.getTimerCount()).toBe(0);
    expect(remove).toHaveBeenCalledWith('focusout', expect.any(Function), expect.anything());
    field.blur();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(settled).toBe(false);
  });
});

describe('whenFree: may a popover interrupt now?', () => {
  beforeEach(() => vi.useFakeTimers());

  test('yes at once on a calm page; no on a quiet page, saying why', async () => {
    expect(await whenFree(window, 8000).promise).toBeNull();
    document.body.setAttribute('data-ressenti-quiet', '');
    expect(await whenFree(window, 8000).promise).toBe('quiet zone on screen');
    document.body.removeAttribute('data-ressenti-quiet');
  });

  test('waits for the visitor to leave a form field, then checks the quiet zones', async () => {
    const field = html('<input>');
    field.focus();
    let result: string | null | undefined;
    whenFree(window, 8000).promise.then((why) => (result = why));
    await vi.advanceTimersByTimeAsync(1000);
    expect(result).toBeUndefined();
    html('<div data-ressenti-quiet style="height:10px">card</div>').getBoundingClientRect = () => new DOMRect(0, 0, 100, 10);
    field.blur();
    await vi.advanceTimersByTimeAsync(10);
    expect(result).toBe('quiet zone on screen');
  });

  test('gives up after maxMs in a field', async () => {
    html('<textarea></textarea>').focus();
    let result: string | null | undefined;
    whenFree(window, 8000).promise.then((why) => (result = why));
    await vi.advanceTimersByTimeAsync(8000);
    expect(result).toBe('a form field kept focus');
  });
});
