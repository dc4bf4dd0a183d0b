import { because } from '../../src/decide/explain';
import type { Reason } from '../../src/decide/reason';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Survey } from '../../src/types';
import { display, invite, schedule } from '../../src/widget/display';
import { clear, free, IDLE, INVITED, leave, phase, show, take, thank, WAITING } from '../../src/widget/slot';
import { fakeCore } from './widget-helpers';

const survey = (more?: Partial<Survey>): Survey => ({ id: 'nps', on: 'purchase', questions: [{ id: 'q', type: 'nps', text: 'Recommend us?' }], ...more });

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});


/** What each call of `explain` says, in the words debug prints. */
const said = (explain: { mock: { calls: unknown[][] } }) => explain.mock.calls.map(([r]) => (r === undefined ? 'shown' : 'not shown: ' + because(r as Reason)));

describe('a moment’s popover (schedule), on a fake clock', () => {
  it('waits out its delay, then renders holding the slot', async () => {
    const { w, ui } = fakeCore();
    const explain = vi.fn();
    schedule(w, survey({ delay: 5000 }), 'purchase', undefined, explain);
    expect(phase(w)).toBe(WAITING);
    await vi.advanceTimersByTimeAsync(4999);
    expect(ui._render).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(explain).toHaveBeenCalledWith();
    expect(ui._render).toHaveBeenCalledOnce();
    const [core, , shown, moment, , claim] = ui._render.mock.calls[0];
    expect([core, shown.id, moment, claim]).toEqual([w, 'nps', 'purchase', w._claim]);
  });

  it('a route change during the delay cancels it: never rendered, explained, the slot idle', async () => {
    const { w, ui } = fakeCore();
    const explain = vi.fn();
    schedule(w, survey({ delay: 5000 }), 'purchase', undefined, explain);
    await vi.advanceTimersByTimeAsync(1000);
    leave(w);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ui._render).not.toHaveBeenCalled();
    expect(said(explain)).toEqual(['not shown: cancelled (route change or destroy)']);
    expect(phase(w)).toBe(IDLE);
  });

  it('destroy (clear) while waiting for a form field cancels that wait too', async () => {
    const { w, ui } = fakeCore();
    const cancel = vi.fn();
    ui._whenFree.mockReturnValue({ promise: new Promise(() => {}), cancel });
    schedule(w, survey(), 'purchase', undefined, () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(ui._whenFree).toHaveBeenCalledOnce();
    clear(w);
    expect(cancel).toHaveBeenCalledOnce();
    expect(ui._render).not.toHaveBeenCalled();
  });

  it('a route change while the UI downloads: never rendered, even once it arrives', async () => {
    const { w, ui } = fakeCore();
    let arrive = () => {};
    w._fetchUI = () => new Promise((resolve) => (arrive = () => resolve(ui)));
    schedule(w, survey(), 'purchase', undefined, () => {});
    await vi.advanceTimersByTimeAsync(0);
    leave(w);
    arrive();
    await vi.advanceTimersByTimeAsync(0);
    expect(ui._render).not.toHaveBeenCalled();
  });

  it('a quiet zone or a survey that no longer qualifies gives up: explained, the slot idle', async () => {
    const { w, ui } = fakeCore();
    ui._whenFree.mockReturnValue({ promise: Promise.resolve('quiet zone on screen'), cancel() {} });
    const explain = vi.fn();
    schedule(w, survey(), 'purchase', undefined, explain);
    await vi.advanceTimersByTimeAsync(0);
    expect(said(explain)).toEqual(['not shown: quiet zone on screen']);
    expect(phase(w)).toBe(IDLE);
    expect(ui._render).not.toHaveBeenCalled();
  });

  it('a UI that cannot load is reported and frees the slot', async () => {
    const { w, ui, errors } = fakeCore();
    w._fetchUI = () => Promise.reject(new Error('could not load the UI from /x.js'));
    const explain = vi.fn();
    schedule(w, survey(), 'purchase', undefined, explain);
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([{ source: 'ui', message: 'could not load the UI from /x.js' }]);
    expect(said(explain)).toEqual(['not shown: the UI could not load']);
    expect(phase(w)).toBe(IDLE);
    expect(ui._render).not.toHaveBeenCalled();
  });
});

describe('explicit invitations (invite) and inline surveys (display)', () => {
  it('an invitation holds the slot from the start, and renders once the UI is there', async () => {
    const { w, ui } = fakeCore();
    invite(w, survey(), 'show');
    expect(phase(w)).toBe(INVITED);
    leave(w); // a route change does not take it back
    await vi.advanceTimersByTimeAsync(0);
    expect(ui._render).toHaveBeenCalledOnce();
    expect(ui._render.mock.calls[0][5]).toBe(w._claim);
  });

  it('an invitation while a survey is being answered is refused with a warning', async () => {
    const { w, ui } = fakeCore();
    const claim = take(w, WAITING)!;
    show(w, claim, () => {});
    invite(w, survey(), 'show');
    expect(console.warn).toHaveBeenCalledWith('[ressenti] show "nps": another survey is on screen');
    await vi.advanceTimersByTimeAsync(0);
    expect(ui._render).not.toHaveBeenCalled();
  });

  it('an invitation on a thanks screen takes it off and shows', async () => {
    const { w, ui } = fakeCore();
    const claim = take(w, WAITING)!;
    const off = vi.fn();
    show(w, claim, off);
    thank(w, claim);
    invite(w, survey(), 'show');
    expect(off).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(0);
    expect(ui._render).toHaveBeenCalledOnce();
  });

  it('an inline survey renders without the slot', async () => {
    const { w, ui } = fakeCore();
    const target = {} as Element;
    display(w, survey(), 'inline', {}, undefined, target);
    expect(phase(w)).toBe(IDLE);
    await vi.advanceTimersByTimeAsync(0);
    expect(ui._render.mock.calls[0][6]).toBe(target);
  });

  it('nothing renders after destroy', async () => {
    const { w, ui } = fakeCore();
    invite(w, survey(), 'show');
    w._destroyed = true;
    free(w, w._claim!);
    await vi.advanceTimersByTimeAsync(0);
    expect(ui._render).not.toHaveBeenCalled();
  });
});
