import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackEvent } from '../../src/types';
import type { Core } from '../../src/widget/core';
import { deliver, resume } from '../../src/widget/deliver';
import { fakeCore } from './widget-helpers';

afterEach(() => vi.restoreAllMocks());

const event = (eventId: string) => ({ eventId }) as FeedbackEvent;

/** A consented widget with an endpoint whose sender download is recorded (and resolves, or fails, as `load` says). */
function setup(load?: () => Promise<unknown>) {
  const sender = { _wake: vi.fn(), _dispose: vi.fn() };
  const fetchSurvey = vi.fn(load ?? (async () => ({ _createSender: () => sender })));
  const fake = fakeCore({ _fetchSurvey: fetchSurvey as Core['_fetchSurvey'] });
  fake.w._options = { endpoint: '/collect' };
  fake.w._consent(true);
  return { ...fake, sender, fetchSurvey };
}

describe('handing events over for delivery (widget/deliver.ts)', () => {
  it('stores the events at once, then fetches the sender once and wakes it', async () => {
    const { w, sender, fetchSurvey } = setup();
    deliver(w, [event('a')]);
    expect(w._kv.get('o:a')).toMatchObject({ event: { eventId: 'a' }, attempts: 0, page: w._me });
    deliver(w, [event('b')]);
    await vi.waitFor(() => expect(sender._wake).toHaveBeenCalledTimes(2));
    expect(sender._wake).toHaveBeenCalledWith(0);
    expect(fetchSurvey).toHaveBeenCalledTimes(1);
    expect(w._disposers).toContain(sender._dispose);
  });

  it('a sender that cannot load is reported, leaves the events stored, and is tried again with the next ones', async () => {
    const { w, errors, fetchSurvey } = setup(() => Promise.reject(Error('could not load the sender from /x')));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    deliver(w, [event('a')]);
    await vi.waitFor(() => expect(errors).toEqual([{ source: 'delivery', message: 'could not load the sender from /x' }]));
    expect(w._kv.get('o:a')).toBeTruthy();
    deliver(w, [event('b')]);
    expect(fetchSurvey).toHaveBeenCalledTimes(2);
  });

  it('before consent events wait in memory, unstored and unsent; consent stores them', () => {
    const { w, fetchSurvey } = setup();
    w._consent(false);
    deliver(w, [event('a')]);
    expect(w._kv.get('o:a')).toBeUndefined();
    expect(fetchSurvey).not.toHaveBeenCalled();
    w._consent(true);
    deliver(w, []);
    expect(w._kv.get('o:a')).toBeTruthy();
    expect(fetchSurvey).toHaveBeenCalledTimes(1);
  });

  it('without an endpoint nothing is kept or fetched', () => {
    const { w, fetchSurvey } = setup();
    w._options = {};
    deliver(w, [event('a')]);
    expect(w._kv.keys('')).toEqual([]);
    expect(w._held).toEqual([]);
    expect(fetchSurvey).not.toHaveBeenCalled();
  });

  it('3 s after the page has loaded, only an outbox that is not empty fetches the sender', async () => {
    vi.useFakeTimers();
    try {
      const empty = setup();
      Object.assign(empty.win.document, { readyState: 'complete' });
      resume(empty.w);
      await vi.runAllTimersAsync();
      expect(empty.fetchSurvey).not.toHaveBeenCalled();

      const left = setup();
      const loading = Object.assign(new EventTarget(), left.win);
      left.w._win = loading;
      Object.assign(loading.document, { readyState: 'loading' });
      left.w._kv.set('o:old', { event: event('old'), attempts: 0, due: 0 });
      resume(left.w);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(left.fetchSurvey).not.toHaveBeenCalled(); // not while the page loads
      loading.dispatchEvent(new Event('load'));
      await vi.advanceTimersByTimeAsync(2_999);
      expect(left.fetchSurvey).not.toHaveBeenCalled(); // nor during its own start-up
      await vi.advanceTimersByTimeAsync(1);
      await vi.runAllTimersAsync();
      expect(left.fetchSurvey).toHaveBeenCalledTimes(1);
      expect(left.sender._wake).toHaveBeenCalledWith(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
