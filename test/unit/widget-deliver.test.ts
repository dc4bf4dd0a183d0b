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
  const fetchDelivery = vi.fn(load ?? (async () => ({ createSender: () => sender })));
  const fake = fakeCore({ _fetchDelivery: fetchDelivery as Core['_fetchDelivery'] });
  fake.w._options = { endpoint: '/collect' };
  fake.w._consent(true);
  return { ...fake, sender, fetchDelivery };
}

describe('handing events over for delivery (widget/deliver.ts)', () => {
  it('stores the events at once, then fetches the sender once and wakes it', async () => {
    const { w, sender, fetchDelivery } = setup();
    deliver(w, [event('a')]);
    expect(w._kv.get('o:a')).toMatchObject({ event: { eventId: 'a' }, attempts: 0, page: w._me });
    deliver(w, [event('b')]);
    await vi.waitFor(() => expect(sender._wake).toHaveBeenCalledTimes(2));
    expect(sender._wake).toHaveBeenCalledWith(0);
    expect(fetchDelivery).toHaveBeenCalledTimes(1);
    expect(w._disposers).toContain(sender._dispose);
  });

  it('a sender that cannot load is reported, leaves the events stored, and is tried again with the next ones', async () => {
    const { w, errors, fetchDelivery } = setup(() => Promise.reject(Error('could not load the sender from /x')));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    deliver(w, [event('a')]);
    await vi.waitFor(() => expect(errors).toEqual([{ source: 'delivery', message: 'could not load the sender from /x' }]));
    expect(w._kv.get('o:a')).toBeTruthy();
    deliver(w, [event('b')]);
    expect(fetchDelivery).toHaveBeenCalledTimes(2);
  });

  it('before consent events wait in memory, unstored and unsent; consent stores them', () => {
    const { w, fetchDelivery } = setup();
    w._consent(false);
    deliver(w, [event('a')]);
    expect(w._kv.get('o:a')).toBeUndefined();
    expect(fetchDelivery).not.toHaveBeenCalled();
    w._consent(true);
    deliver(w, []);
    expect(w._kv.get('o:a')).toBeTruthy();
    expect(fetchDelivery).toHaveBeenCalledTimes(1);
  });

  it('without an endpoint nothing is kept or fetched', () => {
    const { w, fetchDelivery } = setup();
    w._options = {};
    deliver(w, [event('a')]);
    expect(w._kv.keys('')).toEqual([]);
    expect(w._held).toEqual([]);
    expect(fetchDelivery).not.toHaveBeenCalled();
  });

  it('3 s after the page has loaded, only an outbox that is not empty fetches the sender', async () => {
    vi.useFakeTimers();
    try {
      const empty = setup();
      Object.assign(empty.win.document, { readyState: 'complete' });
      resume(empty.w);
      await vi.runAllTimersAsync();
      expect(empty.fetchDelivery).not.toHaveBeenCalled();

      const left = setup();
      const loading = Object.assign(new EventTarget(), left.win);
      left.w._win = loading;
      Object.assign(loading.document, { readyState: 'loading' });
      left.w._kv.set('o:old', { event: event('old'), attempts: 0, due: 0 });
      resume(left.w);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(left.fetchDelivery).not.toHaveBeenCalled(); // not while the page loads
      loading.dispatchEvent(new Event('load'));
      await vi.advanceTimersByTimeAsync(2_999);
      expect(left.fetchDelivery).not.toHaveBeenCalled(); // nor during its own start-up
      await vi.advanceTimersByTimeAsync(1);
      await vi.runAllTimersAsync();
      expect(left.fetchDelivery).toHaveBeenCalledTimes(1);
      expect(left.sender._wake).toHaveBeenCalledWith(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
