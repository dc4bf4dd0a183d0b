// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { validateDefinitions } from '../../src/config/validate';
import type { Answers, AnswerValue, Question, Survey } from '../../src/types';
import type { UiHandle } from '../../src/ui/contract';
import { open } from '../../src/ui/open';
import { linkAnswers } from '../../src/ui/state';
import { typeOf } from '../../src/ui/types';

// One question of each type, as a site owner would write it.
const SAMPLES: Question[] = [
  { id: 'q', type: 'emoji', text: 'Q' },
  { id: 'q', type: 'rating', text: 'Q', scale: 7 },
  { id: 'q', type: 'rating', text: 'Q', style: 'stars' },
  { id: 'q', type: 'nps', text: 'Q' },
  { id: 'q', type: 'thumbs', text: 'Q' },
  { id: 'q', type: 'choice', text: 'Q', options: ['a', { value: 'b', label: 'B' }, 'c'] },
  { id: 'q', type: 'choice', text: 'Q', options: ['a', 'b'], multiple: true },
  { id: 'q', type: 'text', text: 'Q', maxLength: 5 },
];
const survey = (q: Question): Survey => ({ id: 's', questions: [q] });

/** The question types the validator accepts, as its message for an unknown type lists them. */
function validTypes(): string[] {
  const { problems } = validateDefinitions([{ id: 's', questions: [{ id: 'q', type: 'slider', text: 'Q' }] }]);
  const expect_ = problems.find((p) => p.path.endsWith('.type'))!.expect as ['oneOf', string];
  return expect_[1].split(' ');
}

const handles: UiHandle[] = [];
afterEach(() => {
  handles.splice(0).forEach((h) => h.close());
});

/** Opens one question and taps each of its points in turn, each time in a fresh survey: the answers the taps gave. */
function tapAll(q: Question): AnswerValue[] {
  const taps: AnswerValue[] = [];
  for (let i = 0; ; i++) {
    let sent: Answers | undefined;
    const handle = open({ survey: survey(q), locale: 'en', onShow() {}, onAnswer: (answers) => (sent = answers), onDismiss() {}, onClose() {} });
    handles.push(handle);
    const root = document.querySelector('ressenti-widget')!.shadowRoot!;
    const points = [...root.querySelectorAll<HTMLElement>('[role=group] button, [role=group] input[type=checkbox]')];
    if (i >= points.length) {
      handle.close();
      return taps;
    }
    points[i].click();
    // A ticked box waits for Send: press it.
    if (!sent) [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent == 'Send')!.click();
    taps.push(sent!.q);
    handle.close();
  }
}

describe('question types: one declaration each, every piece present', () => {
  test('every type the validator accepts has a view, a one-tap rule and a link rule in the UI, and renders', () => {
    const types = validTypes();
    expect(types).toEqual(['emoji', 'rating', 'nps', 'thumbs', 'choice', 'text']);
    for (const type of types) {
      const q = SAMPLES.find((s) => s.type == type)!;
      expect(validateDefinitions([survey(q)]).problems).toEqual([]);
      const pieces = typeOf(q);
      expect(pieces.map((p) => typeof p)).toEqual(['function', 'function', 'function']);
      const handle = open({ survey: survey(q), locale: 'en', onShow() {}, onAnswer() {}, onDismiss() {}, onClose() {} });
      handles.push(handle);
      expect(document.querySelector('ressenti-widget')!.shadowRoot!.querySelector('[role=group], textarea')).not.toBeNull();
      handle.close();
    }
  });

  test('an unknown type is refused by the validator and has no UI piece: no default stands in for it', () => {
    const { surveys, problems } = validateDefinitions([{ id: 's', questions: [{ id: 'q', type: 'slider', text: 'Q' }] }]);
    expect(surveys).toEqual([]);
    expect(problems.map((p) => [p.path, p.level])).toEqual([['surveys[0].questions[0].type', 'error']]);
    expect(typeOf({ id: 'q', type: 'slider', text: 'Q' } as unknown as Question)).toBeUndefined();
    // Not even Object's own names.
    expect(validTypes()).not.toContain('constructor');
    expect(validateDefinitions([{ id: 's', questions: [{ id: 'q', type: 'constructor', text: 'Q' }] }]).surveys).toEqual([]);
  });
});

describe('a link answers exactly what a tap can (one rule for both)', () => {
  test.each(SAMPLES.filter((q) => q.type != 'text').map((q) => [JSON.stringify(q), q] as const))('%s', (_, q) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const taps = tapAll(q);
    expect(taps.length).toBeGreaterThan(1);
    for (const answer of taps) {
      // A multiple choice's tick answers [value]; its link carries the value.
      const raw = String(Array.isArray(answer) ? answer[0] : answer);
      expect(linkAnswers(survey(q), raw)).toEqual({ q: answer });
    }
    // Anything else is no answer: out of range, not written plainly, not an option.
    const written = taps.map((a) => String(Array.isArray(a) ? a[0] : a));
    for (const raw of ['0', '11', '-1', '07', '7.0', ' 5', 'x', 'B', 'yes', '']) {
      if (!written.includes(raw)) expect(linkAnswers(survey(q), raw)).toEqual({});
    }
    warn.mockRestore();
  });

  test('a text link is cut at the maxLength the validator checks, and blank is no answer', () => {
    const q = SAMPLES.find((s) => s.type == 'text')!;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(linkAnswers(survey(q), 'wonderful')).toEqual({ q: 'wonde' });
    expect(linkAnswers(survey(q), '')).toEqual({});
    expect(validateDefinitions([survey({ ...q, maxLength: 10001 } as Question)]).problems).toHaveLength(1);
    warn.mockRestore();
  });

  test('per-point labels are accepted in the number of points a tap offers, and not in another', () => {
    for (const q of SAMPLES.filter((s) => s.type == 'emoji' || s.type == 'thumbs' || s.type == 'rating')) {
      const n = tapAll(q).length;
      const labels = (k: number) => Array.from({ length: k }, (_, i) => 'L' + i);
      expect(validateDefinitions([survey({ ...q, labels: labels(n) } as Question)]).problems).toEqual([]);
      expect(validateDefinitions([survey({ ...q, labels: labels(n + 1) } as Question)]).problems).toHaveLength(1);
    }
  });
});
