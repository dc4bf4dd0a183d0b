import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UiHandle } from '../../src/ui/contract';
import { commands, whenReady } from '../../src/widget/commands';
import { phase, take, WAITING, IDLE } from '../../src/widget/slot';
import type { FeedbackEvent } from '../../src/types';
import type { Core } from '../../src/widget/core';
import { fakeCore } from './widget-helpers';

/** The public commands over a fake widget state, with the moment handler recorded. */
function setup(more: Partial<Core> = {}) {
  const fake = fakeCore({ _surveys: [{ id: 'nps', questions: [{ id: 'q', type: 'nps', text: 'Q' }] }], ...more });
  const moments: unknown[][] = [];
  const widget = commands(fake.w, (...args) => moments.push(args));
  return { ...fake, widget, moments };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('the command dispatcher: arguments are checked first', () => {
  it.each([
    ['moment', [42], 'moment: wants a non-empty string, got 42'],
    ['moment', [''], 'moment: wants a non-empty string, got ""'],
    ['moment', ['purchase', [1]], 'moment: wants a flat context object, got [1]'],
    ['context', ['cart'], 'context: wants a flat context object, got "cart"'],
    ['show', [7], 'show: wants a non-empty string, got 7'],
    ['locale', [null], 'locale: wants a non-empty string, got null'],
    ['on', ['nope', () => {}], 'on: wants impression, response, dismissal or error, got "nope"'],
    ['on', ['response', 1], 'on: wants a function, got "number"'],
  ])('%s(%j) is reported once as a command error and does nothing', async (command, args, message) => {
    const { w, widget, moments, errors } = setup();
    const page = { ...w._page };
    const result = (widget as unknown as Record<string, (...a: unknown[]) => unknown>)[command](...args);
    // Worded by the extra file, fetched for it.
    await vi.waitFor(() => expect(errors).toEqual([{ source: 'command', message }]));
    expect(moments).toEqual([]);
    expect(w._page).toEqual(page);
    expect(w._locale).toBe('en');
    if (command == 'on') expect(result).toBeTypeOf('function'); // `off` works, and does nothing
  });

  it('good arguments reach the widget: moment, context, locale, on', async () => {
    const { w, widget, moments } = setup();
    widget.moment('purchase', { value: 1 });
    widget.context({ pageType: 'cart' });
    const handle = { setLocale: vi.fn(), close() {} } as UiHandle;
    w._handles.add(handle);
    widget.locale('fr');
    const seen: unknown[] = [];
    const off = widget.on('response', (e) => seen.push(e));
    w._fire('response', { type: 'response' } as never);
    off();
    w._fire('response', { type: 'response' } as never);
    await settle();
    expect(moments).toEqual([['purchase', { value: 1 }]]);
    expect(w._page).toEqual({ pageType: 'cart' });
    expect([w._locale, handle.setLocale]).toEqual(['fr', expect.any(Function)]);
    expect(handle.setLocale).toHaveBeenCalledWith('fr', undefined);
    expect(seen).toHaveLength(1);
  });

  it('show with an unknown survey is reported, naming it', async () => {
    const { widget, errors } = setup();
    widget.show('nope');
    await settle();
    expect(errors).toEqual([{ source: 'command', message: 'show: no valid survey with id "nope"' }]);
  });
});

describe('the command queue: moment and show wait for the definitions, in order', () => {
  it('runs nothing before the definitions are loaded, then everything in order', async () => {
    const { w, widget, moments } = setup();
    let loaded = () => {};
    w._ready = new Promise<void>((resolve) => (loaded = resolve));
    widget.moment('a');
    whenReady(w, () => moments.push(['between']));
    widget.moment('b');
    await settle();
    expect(moments).toEqual([]);
    loaded();
    await settle();
    expect(moments).toEqual([['a', {}], ['between'], ['b', {}]]);
  });

  it('a command that throws is reported, and the queue goes on', async () => {
    const { w, errors, moments } = setup();
    whenReady(w, () => {
      throw new Error('boom');
    });
    whenReady(w, () => moments.push(['after']));
    await settle();
    expect(errors).toEqual([{ source: 'command', message: 'Error: boom' }]);
    expect(moments).toEqual([['after']]);
  });

  it('after destroy, what waits never runs; destroy stops everything once', async () => {
    const { w, widget, moments } = setup();
    const dispose = vi.fn();
    const close = vi.fn();
    const stop = vi.fn();
    w._disposers.push(dispose);
    w._handles.add({ setLocale() {}, close } as UiHandle);
    take(w, WAITING, stop);
    widget.moment('late');
    widget.destroy();
    widget.destroy();
    await settle();
    expect(moments).toEqual([]);
    expect([dispose, close, stop].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    expect(phase(w)).toBe(IDLE);
  });
});

describe('consent and reset', () => {
  it('consent(true) turns storage on and hands over what waited; anything else withdraws', async () => {
    const { w, widget } = setup({ _options: { consent: 'required', endpoint: '/collect' } });
    const wake = vi.fn();
    w._sender = Promise.resolve({ _wake: wake, _dispose() {} });
    const event = { eventId: 'e1' } as FeedbackEvent;
    w._held.push(event); // given before consent
    widget.consent(true);
    expect(w._consented).toBe(true);
    expect(w._held).toEqual([]);
    expect(w._kv.get('o:e1')).toMatchObject({ event, attempts: 0 });
    await Promise.resolve();
    expect(wake).toHaveBeenCalledWith(0);
    widget.consent('yes' as never);
    expect(w._consented).toBe(false);
    expect(w._kv.get('o:e1')).toBeUndefined(); // withdrawn: what was stored is forgotten
  });

  it('reset forgets the display history and the tab’s popover count', () => {
    const { w, widget } = setup();
    w._kv.set('history', { seen: { nps: 1 } });
    w._skv.set('session', { id: 's', n: 2 });
    widget.reset();
    expect(w._history()).toEqual({ seen: {} });
    expect(w._session()).toEqual({ id: 's', n: 0 });
  });
});
