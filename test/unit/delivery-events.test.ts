import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildEvent, type Display } from '../../src/delivery/events';
import { type Entry, MAX_AGE, MAX_EVENTS, over } from '../../src/delivery/outbox';
import type { FeedbackEvent } from '../../src/types';
import type { EventType } from '../../src/types';

const display: Display = {
  responseId: 'r-1',
  surveyId: 'post-purchase',
  moment: 'purchase',
  context: { url: 'https://shop.example/done', path: '/done', value: 129.9 },
};
const NOW = Date.parse('2026-11-22T10:15:00.000Z');

afterEach(() => vi.unstubAllGlobals());

describe('events the endpoint receives', () => {
  it('a finished response carries every field of SPEC §4', () => {
    const e = buildEvent('response', display, { session: 's-1', visitor: 'v-1' }, { answers: { mood: 2, why: 'slow' }, complete: true }, NOW);
    expect(e).toEqual({
      v: 1,
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'response',
      responseId: 'r-1',
      surveyId: 'post-purchase',
      moment: 'purchase',
      answers: { mood: 2, why: 'slow' },
      complete: true,
      context: display.context,
      session: 's-1',
      visitor: 'v-1',
      ts: '2026-11-22T10:15:00.000Z',
    });
  });

  it("a multiple choice answer stays an array whatever the page's Array.prototype.toJSON (Prototype.js)", () => {
    vi.stubGlobal('JSON', { parse: JSON.parse, stringify: () => '{"replaced":true}' });
    Object.assign(Array.prototype, { toJSON: () => '["patched"]' });
    try {
      const e = buildEvent('response', display, { session: 's-1' }, { answers: { topics: ['price', 'returns'] } }, NOW);
      expect(e.answers).toEqual({ topics: ['price', 'returns'] });
      expect(e.context).toEqual(display.context);
    } finally {
      delete (Array.prototype as { toJSON?: unknown }).toJSON;
    }
  });

  it('without consent to store an identifier, the event has no visitor key at all', () => {
    const e = buildEvent('impression', display, { session: 's-1' }, undefined, NOW);
    expect('visitor' in e).toBe(false);
    expect(JSON.stringify(e)).not.toContain('visitor');
  });

  it('an impression has neither answers nor complete; a partial response says complete: false', () => {
    const shown = buildEvent('impression', display, { session: 's' });
    expect('answers' in shown || 'complete' in shown).toBe(false);
    expect(buildEvent('response', display, { session: 's' }, { answers: { mood: 4 } }).complete).toBe(false);
  });

  it('answers changed after the event was built do not change the event', () => {
    const answers = { mood: 3, tags: ['price'] };
    const e = buildEvent('dismissal', display, { session: 's' }, { answers });
    answers.mood = 1;
    answers.tags.push('delivery');
    expect(e.answers).toEqual({ mood: 3, tags: ['price'] });
  });

  it('where crypto.randomUUID is missing (a page over plain http), event ids are still random version 4 UUIDs', () => {
    const { getRandomValues } = crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(crypto) });
    const ids = Array.from({ length: 1000 }, () => buildEvent('impression', display, { session: 's' }).eventId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(1000);
    // Every random digit takes every hex value: none is stuck.
    for (const i of [0, 9, 15, 20, 35]) expect(new Set(ids.map((id) => id[i])).size).toBe(16);
    expect(new Set(ids.map((id) => id[19])).size).toBe(4); // the variant: 8, 9, a or b
  });

  it('every event of one display shares its responseId and has its own eventId', () => {
    const [a, b] = (['impression', 'response'] as EventType[]).map((t) => buildEvent(t, display, { session: 's' }));
    expect(a.responseId).toBe(b.responseId);
    expect(a.eventId).not.toBe(b.eventId);
  });
});

describe('outbox bounds', () => {
  const ev = (type: EventType, at = NOW) => buildEvent(type, display, { session: 's' }, undefined, at);
  const entries = (events: FeedbackEvent[]): Entry[] => events.map((event) => ({ event, attempts: 0, due: NOW }));

  it('when full, the oldest impressions go first, then dismissals, and answers last', () => {
    const old = [ev('response'), ev('dismissal'), ev('impression'), ev('impression')];
    const filler = Array.from({ length: MAX_EVENTS - old.length }, () => ev('response'));
    let list = entries([...old, ...filler]);
    expect(over(list, NOW)).toEqual([]);
    /** Adds events as the outbox does, and returns those dropped. */
    const add = (events: FeedbackEvent[]) => {
      list = list.concat(entries(events));
      const out = over(list, NOW);
      list = list.filter((x) => !out.includes(x));
      return out.map((x) => x.event);
    };

    expect(add([ev('response'), ev('response')])).toEqual([old[2], old[3]]);
    expect(list).toHaveLength(MAX_EVENTS);
    expect(add([ev('response')])).toEqual([old[1]]); // the dismissal, before any answer
    expect(add([ev('response')])).toEqual([old[0]]); // now the oldest answer
    expect(list.at(-1)!.event.type).toBe('response');
  });

  it('events older than the age bound are dropped', () => {
    const stale = ev('response', NOW - MAX_AGE - 1);
    const fresh = ev('response', NOW - MAX_AGE + 60_000);
    expect(over(entries([stale, fresh]), NOW).map((x) => x.event)).toEqual([stale]);
  });
});
