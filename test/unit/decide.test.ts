import { describe, expect, it } from 'vitest';
import { decide, qualifies, type DecideInput } from '../../src/decide/decide';
import { because } from '../../src/decide/explain';
import { record, type History } from '../../src/decide/history';
import type { Survey } from '../../src/types';

const DAY = 86_400_000;
const NOV_20 = Date.parse('2026-11-20T10:00:00Z');
const q = [{ id: 'mood', type: 'emoji', text: 'How was it?' }] as Survey['questions'];
const survey = (id: string, more: Partial<Survey> = {}): Survey => ({ id, on: 'purchase', questions: q, ...more });

function input(surveys: Survey[], more: Partial<DecideInput> = {}): DecideInput {
  return {
    moment: 'purchase',
    context: { path: '/checkout/done', url: 'https://shop.example/checkout/done', device: 'mobile', value: 129.9 },
    surveys,
    settings: {},
    history: { seen: {} },
    sessionShown: 0,
    now: NOV_20,
    draw: () => 0.5,
    ...more,
  };
}
const reasonsOf = (d: ReturnType<typeof decide>) => Object.fromEntries(d.reasons.map((r) => [r.surveyId, because(r.reason)]));
/** The reasons in the words debug prints. */
const worded = (d: ReturnType<typeof decide>) => d.reasons.map((r) => ({ ...r, reason: because(r.reason) }));
/** qualifies' reason in words, or null. */
const why = (...args: Parameters<typeof qualifies>) => {
  const reason = qualifies(...args);
  return reason && because(reason);
};
/** Shows `id` at `at` as the widget would: records it and counts the popover. */
const shown = (h: History, id: string, at: number) => record(h, id, at, true);

describe('decision: triggers', () => {
  it('a survey whose trigger matches the moment shows', () => {
    const s = survey('post-purchase');
    expect(decide(input([s]))).toEqual({ survey: s, reasons: [] });
  });

  it('a survey waiting for another moment does not, and says which', () => {
    const d = decide(input([survey('a', { on: 'purchase' })], { moment: 'page-view' }));
    expect(d.survey).toBeUndefined();
    expect(worded(d)).toEqual([{ surveyId: 'a', reason: 'on is "purchase", not "page-view"' }]);
  });

  it('any of several triggers will do', () => {
    const s = survey('a', { on: ['add_to_cart', 'purchase'] });
    expect(decide(input([s])).survey).toBe(s);
    expect(reasonsOf(decide(input([s], { moment: 'page-view' })))).toEqual({ a: 'on is ["add_to_cart","purchase"], not "page-view"' });
  });

  it('a survey without a trigger never shows on a moment', () => {
    expect(reasonsOf(decide(input([survey('a', { on: undefined })])))).toEqual({ a: 'on is missing, not "purchase"' });
  });

  it('an inline survey never pops over', () => {
    expect(reasonsOf(decide(input([survey('a', { display: 'inline' })])))).toEqual({ a: 'display is "inline"' });
  });
});

describe('decision: conditions and sample', () => {
  it('a failed condition is the reason, with the actual value', () => {
    const d = decide(input([survey('a', { if: { context: { value: { lt: 100 } } } }), survey('b', { if: { device: 'desktop' } })]));
    expect(d.survey).toBeUndefined();
    expect(reasonsOf(d)).toEqual({ a: 'if.context.value is 129.9, wants {"lt":100}', b: 'if.device is "mobile", wants "desktop"' });
  });

  it('numeric strings in the context satisfy numeric conditions', () => {
    const s = survey('a', { if: { context: { value: { gte: 50 } } } });
    expect(decide(input([s], { context: { value: '129.90' } })).survey).toBe(s);
  });

  it('a visitor whose draw is at or above the sample is sampled out', () => {
    expect(reasonsOf(decide(input([survey('a', { sample: 0.5 })], { draw: () => 0.73 })))).toEqual({ a: 'sampled out: draw 0.73 >= 0.5' });
    expect(reasonsOf(decide(input([survey('a', { sample: 0.5 })], { draw: () => 0.5 })))).toEqual({ a: 'sampled out: draw 0.50 >= 0.5' });
    expect(decide(input([survey('a', { sample: 0.5 })], { draw: () => 0.49 })).survey?.id).toBe('a');
    expect(reasonsOf(decide(input([survey('a', { sample: 0 })], { draw: () => 0 })))).toEqual({ a: 'sampled out: draw 0.00 >= 0' });
  });

  it('the draw is per survey', () => {
    const draws: { [id: string]: number } = { a: 0.9, b: 0.1 };
    const d = decide(input([survey('a', { sample: 0.5 }), survey('b', { sample: 0.5 })], { draw: (id) => draws[id] }));
    expect(d.survey?.id).toBe('b');
    expect(reasonsOf(d)).toEqual({ a: 'sampled out: draw 0.90 >= 0.5' });
  });

  it('checks run in order: trigger, inline, conditions, sample, limits, fatigue, busy', () => {
    const all = survey('a', { display: 'inline', if: { device: 'desktop' }, sample: 0.1, limit: { once: true } });
    const h = shown({ seen: {} }, 'a', NOV_20 - DAY);
    const more = { history: h, draw: () => 0.9, busy: true, sessionShown: 1, settings: { maxPerSession: 1 } };
    const steps = [
      [{}, 'on is "purchase", not "cart"', { moment: 'cart' }],
      [{}, 'display is "inline"', {}],
      [{ display: undefined }, 'if.device is "mobile", wants "desktop"', {}],
      [{ if: undefined }, 'sampled out: draw 0.90 >= 0.1', {}],
      [{ sample: undefined }, 'limit.once: shown on 2026-11-19T10:00:00.000Z', {}],
      [{ limit: undefined }, 'settings.maxPerSession reached (1 of 1)', {}],
      [{}, 'another survey is on screen', { settings: {} }],
    ] as const;
    let s = all;
    let extra: Partial<DecideInput> = more;
    for (const [change, reason, inputChange] of steps) {
      s = { ...s, ...change };
      expect(reasonsOf(decide(input([s], { ...extra, ...inputChange })))).toEqual({ a: reason });
      extra = { ...extra, ...(inputChange as Partial<DecideInput>), moment: 'purchase' };
    }
  });
});

describe('fatigue', () => {
  it('limit.once: never again after any display, whatever the visitor did', () => {
    const s = survey('a', { limit: { once: true } });
    const h = shown({ seen: {} }, 'a', NOV_20);
    for (const later of [NOV_20 + 1, NOV_20 + 400 * DAY])
      expect(reasonsOf(decide(input([s], { history: h, now: later })))).toEqual({ a: 'limit.once: shown on 2026-11-20T10:00:00.000Z' });
  });

  it('limit.cooldownDays: not again within N days of the last display, then again', () => {
    const s = survey('a', { limit: { cooldownDays: 30 } });
    const h = shown({ seen: {} }, 'a', NOV_20);
    expect(reasonsOf(decide(input([s], { history: h, now: NOV_20 + 29 * DAY })))).toEqual({ a: 'limit.cooldownDays: cooling down until 2026-12-20T10:00:00.000Z' });
    expect(decide(input([s], { history: h, now: NOV_20 + 30 * DAY - 1 })).survey).toBeUndefined();
    expect(decide(input([s], { history: h, now: NOV_20 + 30 * DAY })).survey).toBe(s);
  });

  it('once wins over a cooldown in the explanation', () => {
    const s = survey('a', { limit: { once: true, cooldownDays: 30 } });
    expect(reasonsOf(decide(input([s], { history: shown({ seen: {} }, 'a', NOV_20), now: NOV_20 + DAY })))).toEqual({
      a: 'limit.once: shown on 2026-11-20T10:00:00.000Z',
    });
  });

  it("a survey's own limits do not hold back another survey", () => {
    const b = survey('b');
    const d = decide(input([survey('a', { limit: { once: true } }), b], { history: record({ seen: {} }, 'a', NOV_20, false) }));
    expect(d.survey).toBe(b);
  });

  it('settings.maxPerSession counts popovers this tab session', () => {
    const s = survey('a');
    expect(decide(input([s], { settings: { maxPerSession: 2 }, sessionShown: 1 })).survey).toBe(s);
    expect(reasonsOf(decide(input([s], { settings: { maxPerSession: 2 }, sessionShown: 2 })))).toEqual({ a: 'settings.maxPerSession reached (2 of 2)' });
    expect(reasonsOf(decide(input([s], { settings: { maxPerSession: 0 } })))).toEqual({ a: 'settings.maxPerSession reached (0 of 0)' });
  });

  it('settings.cooldownDays: no popover within N days after any popover', () => {
    const s = survey('b');
    const h = shown({ seen: {} }, 'a', NOV_20 + 3 * 3_600_000);
    const at = (days: number) => decide(input([s], { history: h, settings: { cooldownDays: 3 }, now: NOV_20 + days * DAY }));
    expect(reasonsOf(at(1))).toEqual({ b: 'settings.cooldownDays: cooling down until 2026-11-23T13:00:00.000Z' });
    expect(at(3).survey).toBeUndefined();
    expect(at(3.2).survey).toBe(s);
  });

  it('an inline display does not start the popover cooldown', () => {
    const h = record({ seen: {} }, 'help', NOV_20, false);
    expect(h.popover).toBeUndefined();
    expect(decide(input([survey('b')], { history: h, settings: { cooldownDays: 3 }, now: NOV_20 + DAY })).survey?.id).toBe('b');
  });

  it('a busy screen holds back every survey that would show', () => {
    const d = decide(input([survey('a'), survey('b', { on: 'cart' })], { busy: true }));
    expect(d.survey).toBeUndefined();
    expect(reasonsOf(d)).toEqual({ a: 'another survey is on screen', b: 'on is "cart", not "purchase"' });
  });

  it('a second moment in the same session does not show another survey when the cap is one', () => {
    const surveys = [survey('a'), survey('b', { on: 'page-view' })];
    const settings = { maxPerSession: 1 };
    const first = decide(input(surveys, { settings }));
    expect(first.survey?.id).toBe('a');
    const h = shown({ seen: {} }, 'a', NOV_20);
    const second = decide(input(surveys, { moment: 'page-view', settings, history: h, sessionShown: 1, now: NOV_20 + 60_000 }));
    expect(second.survey).toBeUndefined();
    expect(reasonsOf(second).b).toBe('settings.maxPerSession reached (1 of 1)');
    // A new tab session the next day: shown again.
    expect(decide(input(surveys, { moment: 'page-view', settings, history: h, now: NOV_20 + DAY })).survey?.id).toBe('b');
  });

  it('a corrupted history does not throw', () => {
    const s = survey('a', { limit: { once: true, cooldownDays: 1 } });
    const bad = [{} as History, { seen: { a: 1e20 } }, { seen: { a: 'x' as never }, popover: 1e20 }];
    for (const history of bad) expect(() => decide(input([s], { history, settings: { cooldownDays: 1 } }))).not.toThrow();
  });
});

describe('priority and order', () => {
  it('the highest priority wins and the others say who beat them', () => {
    const d = decide(input([survey('a'), survey('b', { priority: 2 }), survey('c', { priority: -1 })]));
    expect(d.survey?.id).toBe('b');
    expect(worded(d)).toEqual([
      { surveyId: 'a', reason: '"b" won (priority 2 > 0)' },
      { surveyId: 'c', reason: '"b" won (priority 2 > -1)' },
    ]);
  });

  it('on equal priority the first defined wins', () => {
    const d = decide(input([survey('a', { priority: 1 }), survey('b', { priority: 1 }), survey('c')]));
    expect(d.survey?.id).toBe('a');
    expect(reasonsOf(d)).toEqual({ b: '"a" won (defined first)', c: '"a" won (priority 1 > 0)' });
  });

  it('a higher-priority survey that does not qualify does not block a lower one', () => {
    const d = decide(input([survey('vip', { priority: 9, if: { path: '/vip/**' } }), survey('a')]));
    expect(d.survey?.id).toBe('a');
    expect(reasonsOf(d)).toEqual({ vip: 'if.path is "/checkout/done", wants "/vip/**"' });
  });

  it('every survey not chosen gets exactly one reason, in definition order', () => {
    const surveys = [survey('a', { on: 'cart' }), survey('b'), survey('c', { on: undefined }), survey('d', { priority: 1 })];
    const d = decide(input(surveys));
    expect(d.survey?.id).toBe('d');
    expect(d.reasons.map((r) => r.surveyId)).toEqual(['a', 'b', 'c']);
  });

  it('no surveys, no decision', () => {
    expect(decide(input([]))).toEqual({ survey: undefined, reasons: [] });
  });
});

describe('inline surveys (qualifies without the popover fatigue)', () => {
  const tired = { settings: { maxPerSession: 1, cooldownDays: 3 }, sessionShown: 1, history: shown({ seen: {} }, 'x', NOV_20) };

  it('ignore the popover-wide settings', () => {
    expect(why(survey('help', { display: 'inline' }), input([], tired), false)).toBeNull();
    expect(why(survey('help'), input([], tired), true)).toBe('settings.maxPerSession reached (1 of 1)');
  });

  it('respect their own limit, sample and conditions', () => {
    const inline = (more: Partial<Survey>, extra: Partial<DecideInput> = {}) =>
      why(survey('help', { display: 'inline', ...more }), input([], { ...tired, ...extra }), false);
    expect(inline({ if: { path: '/help/**' } })).toBe('if.path is "/checkout/done", wants "/help/**"');
    expect(inline({ sample: 0.2 })).toBe('sampled out: draw 0.50 >= 0.2');
    expect(inline({ limit: { once: true } }, { history: record({ seen: {} }, 'help', NOV_20 - DAY, false) })).toBe(
      'limit.once: shown on 2026-11-19T10:00:00.000Z',
    );
  });

  it('ignore the trigger and whether a popover is on screen', () => {
    expect(why(survey('help', { on: 'cart' }), input([], { busy: true }), false)).toBeNull();
  });

  it('does not draw for a survey without a sample', () => {
    let draws = 0;
    qualifies(survey('a'), input([], { draw: () => (draws++, 0.99) }), true);
    expect(draws).toBe(0);
  });
});

describe('history', () => {
  it('records the last display of each survey and of the last popover, without changing the old one', () => {
    const h0: History = { seen: {} };
    const h1 = record(h0, 'a', 1000, true);
    const h2 = record(h1, 'b', 2000, false);
    const h3 = record(h2, 'a', 3000, false);
    expect(h0).toEqual({ seen: {} });
    expect(h1).toEqual({ seen: { a: 1000 }, popover: 1000 });
    expect(h3).toEqual({ seen: { a: 3000, b: 2000 }, popover: 1000 });
  });

  it('survives a round trip through JSON storage', () => {
    const h = JSON.parse(JSON.stringify(record({ seen: {} }, 'a', NOV_20, false))) as History;
    expect(decide(input([survey('a', { limit: { once: true } })], { history: h })).reasons.map((r) => because(r.reason))[0]).toBe('limit.once: shown on 2026-11-20T10:00:00.000Z');
  });
});

describe('decision at volume', () => {
  it('looks only at the surveys listening to the moment; why the others do not show is worked out when asked', () => {
    let looked = 0;
    /** A survey on `on` that counts every look at what a decision checks. */
    const watched = (id: string, on: string) => {
      const s = survey(id, { on });
      for (const key of ['if', 'display', 'sample', 'limit'] as const)
        Object.defineProperty(s, key, { enumerable: true, get: () => void looked++ });
      return s;
    };
    const others = Array.from({ length: 1000 }, (_, i) => watched('other-' + i, 'moment-' + i));
    const listening = survey('cart', { on: ['add_to_cart', 'purchase'] });
    const surveys = [...others, listening];
    const d = decide(input(surveys));
    expect(d.survey).toBe(listening);
    expect(looked).toBe(0);
    // The same definitions again: the index is built once, and still right.
    expect(decide(input(surveys, { moment: 'moment-7' })).survey).toBe(others[7]);
    expect(reasonsOf(d)['other-3']).toBe('on is "moment-3", not "purchase"');
    expect(d.reasons).toHaveLength(1000);
  });
});
