import { checkAnswers } from '../decide/conditions';
import { pick, strings } from '../i18n/strings';
import { json } from '../platform/json';
import type { AnswerValue, Answers, Question, Strings, Survey, Text, TextQuestion } from '../types';
import type { OpenOptions } from './contract';
import { computed, signal } from './signals';

/** One open survey's state and the actions on it; components read the signals and call the actions. */
export type Store = ReturnType<typeof createStore>;

/**
 * Answers by question id, without a prototype: a question named `constructor` or `__proto__` is
 * an ordinary key, never one of Object's.
 */
const bag = (...from: Answers[]): Answers => Object.assign(Object.create(null), ...from);

/**
 * The questions to ask, given the answers so far: those whose `if` holds on the answers to the
 * questions before them, minus those answered beforehand (`given`, a link's answer). `kept` is the
 * answers to the questions still asked: an answer to a question that became hidden is dropped.
 */
export function flow(questions: Question[], given: Answers, answers: Answers) {
  const kept = bag();
  const steps = questions.filter((q) => {
    if (!checkAnswers(q.if, kept)) return false;
    // Blank text and no boxes ticked are no answer: `String` makes '', '  ' and [] all blank.
    if (String(answers[q.id] ?? '').trim()) kept[q.id] = answers[q.id];
    return given[q.id] === undefined;
  });
  return { steps, kept };
}

/** A link's `ressenti_answer` as the first question's answer, or nothing (with a warning) when it is not one. */
export function linkAnswers(survey: Survey, raw: string | undefined): Answers {
  const given = bag();
  if (raw == null) return given;
  const q = survey.questions[0];
  const n = +raw;
  const scale = (low: number, high: number) => Number.isInteger(n) && n >= low && n <= high && n;
  const value =
    q.type == 'nps' ? scale(0, 10)
    : q.type == 'emoji' ? scale(1, 5)
    : q.type == 'rating' ? scale(1, q.scale || 5)
    : q.type == 'thumbs' ? (raw == 'up' || raw == 'down') && raw
    : q.type == 'choice' ? q.options.some((o) => (typeof o == 'string' ? o : o.value) == raw) && (q.multiple ? [raw] : raw)
    : raw.slice(0, textMax(q));
  if (value !== false && value !== '') given[q.id] = value;
  else console.warn(`[ressenti] link: "${raw}" is not an answer to ${survey.id}.${q.id}; the survey opens without it`);
  return given;
}

/** A text answer's length limit: the question's `maxLength`, else 1000. */
export const textMax = (q: TextQuestion) => q.maxLength || 1000;

/** Questions answered by one tap on a value (no Next needed). */
export const oneTap = (q: Question) => (q.type == 'choice' ? !q.multiple : q.type != 'text');

/** The state of one survey on screen; `end` removes the UI and reports it closed. */
export function createStore(o: OpenOptions, end: () => void) {
  const given = linkAnswers(o.survey, o.linkAnswer);
  const answers = signal(bag(given));
  const locale = signal(o.locale);
  const overrides = signal(o.strings);
  const state = computed(() => flow(o.survey.questions, given, answers.value));
  const step = signal(0);
  /** The thanks screen is on. With every question answered by a link, it is all there is to show. */
  const done = signal(!state.value.steps.length);
  /** What the live region says: a popover's arrival, once. */
  const arrival = signal('');
  const action = computed(() => {
    const a = o.survey.thanks?.action;
    return a && checkAnswers(a.if, state.value.kept) && safeUrl(a.url) ? a : undefined;
  });
  // The last answers reported, so that Back then Next without a change sends nothing new.
  let last = json(given);
  const report = (complete: boolean) => {
    const { kept } = state.value;
    const now = json(kept);
    if (complete || now != last) o.onAnswer(kept, complete);
    last = now;
  };
  const go = (by: number) => {
    s._moved = true;
    step.value += by;
  };

  const s = {
    _survey: o.survey,
    _answers: answers,
    _locale: locale,
    _state: state,
    _step: step,
    _done: done,
    _action: action,
    _arrival: arrival,
    /** Whether the visitor has moved through the survey: only then does focus follow the steps. */
    _moved: false,
    _strings: computed(() => strings(locale.value, overrides.value)),
    /** A definition text in the current locale. */
    _text: (text: Text | undefined) => pick(text, locale.value),
    /** Records an answer without moving on. */
    _set(id: string, value: AnswerValue) {
      answers.value = bag(answers.value, { [id]: value });
    },
    /** A tap on a value: sends a one-step survey at once, else records it and moves on (the last step waits for Send). */
    _pick(id: string, value: AnswerValue) {
      s._set(id, value);
      const n = state.value.steps.length;
      if (n < 2) s._send();
      else if (step.value < n - 1) s._next();
      else report(false);
    },
    _next() {
      report(false);
      go(1);
    },
    _back: () => go(-1),
    /** A link's answer is an answer: reported once the survey is on screen (open.ts). */
    _linked: () => last != '{}' && o.onAnswer(given, done.value),
    _send() {
      report(true);
      s._moved = true;
      done.value = true;
    },
    /** Escape or the close button: a dismissal before the end, a plain close on the thanks screen. */
    _dismiss() {
      if (!done.value) o.onDismiss(state.value.kept);
      end();
    },
    setLocale(code: string, more?: Strings) {
      // Overrides first: the render that the locale's change runs has both (nothing paints between the two).
      if (more) overrides.value = more;
      locale.value = code;
    },
  };
  return s;
}

/** Only http(s) and relative URLs: never `javascript:` or `data:`, whatever reached us. */
export function safeUrl(url: string): boolean {
  try {
    // Parsed as the browser will (it drops tabs and newlines: `java\nscript:`); relative resolves to http.
    return /^https?:$/.test(new URL(url, 'http://a').protocol);
  } catch {
    return false;
  }
}
