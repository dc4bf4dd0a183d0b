// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildEvent, type Display } from '../../src/delivery/events';
import { add, MAX_AGE, MAX_EVENTS } from '../../src/delivery/outbox';
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

  it('when full, the oldest impressions go first, then dismissals, and answers last', () => {
    const old = [ev('response'), ev('dismissal'), ev('impression'), ev('impression')];
    const filler = Array.from({ length: MAX_EVENTS - old.length }, () => ev('response'));
    const [start] = add([], [...old, ...filler], NOW);
    expect(start).toHaveLength(MAX_EVENTS);

    const [after2, dropped2] = add(start, [ev('response'), ev('response')], NOW);
    expect(dropped2).toBe(2);
    expect(after2).toHaveLength(MAX_EVENTS);
    expect(after2.map((x) => x.e)).not.toContain(old[2]);
    expect(after2.map((x) => x.e)).not.toContain(old[3]);

    const [after3] = add(after2, [ev('response')], NOW);
    expect(after3.map((x) => x.e)).not.toContain(old[1]); // the dismissal, before any answer
    const [after4] = add(after3, [ev('response')], NOW);
    expect(after4.map((x) => x.e)).not.toContain(old[0]); // now the oldest answer
    expect(after4.at(-1)!.e.type).toBe('response');
  });

  it('events older than the age bound are dropped and counted', () => {
    const stale = ev('response', NOW - MAX_AGE - 1);
    const fresh = ev('response', NOW - MAX_AGE + 60_000);
    const [list, dropped] = add([], [stale, fresh], NOW);
    expect(list.map((x) => x.e)).toEqual([fresh]);
    expect(dropped).toBe(1);
  });

  it('a new event waits for its first attempt at once, with no attempts yet', () => {
    const e = ev('impression');
    expect(add([], [e], NOW)).toEqual([[{ e, n: 0, at: NOW }], 0]);
  });
});
