import { isLink } from '../config/rules';
import { checkAnswers } from '../decide/conditions';
import { pick, strings } from '../i18n/strings';
import type { AnswerValue, Answers, Question, Strings, Survey, Text } from '../types';
import type { OpenOptions } from './contract';
import { computed, signal } from '@preact/signals-core';
import { typeOf } from './types';

/** One open survey's state and the actions on it; components read the signals and call the actions. */
export type Store = ReturnType<typeof createStore>;

/**
 * Answers by question id, without a prototype: a question named `constructor` or `__proto__` is
 * an ordinary key, never one of Object's.
 */
const bag = (...from: Answers[]): Answers => Object.assign(Object.create(null), ...from);

/** Answers as text to compare: ids and values (numbers, strings, lists of strings) apart by NULs. */
const said = (answers: Answers) => Object.entries(answers).flat(2).join('\0');

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

/** A link's `ressenti_answer` as the first question's answer (by its type's rule), or nothing (with a warning) when it is not one. */
export function linkAnswers(survey: Survey, raw: string | undefined): Answers {
  const given = bag();
  if (raw == null) return given;
  const q = survey.questions[0];
  const [, , fromLink] = typeOf(q);
  const value = fromLink(q, raw);
  if (value !== undefined) given[q.id] = value;
  else console.warn(`[ressenti] link: "${raw}" is not an answer to ${survey.id}.${q.id}; the survey opens without it`);
  return given;
}

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
    return a && checkAnswers(a.if, state.value.kept) && isLink(a.url) ? a : undefined;
  });
  // The last answers reported, so that Back then Next without a change sends nothing new.
  let last = said(given);
  const report = (complete: boolean) => {
    const { kept } = state.value;
    const now = said(kept);
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
    /** What the point tapped for each question said ("9", "Happy", "4 stars"), shown on the step after it. */
    _tapped: bag() as { [id: string]: string },
    _strings: computed(() => strings(locale.value, overrides.value)),
    /** A definition text in the current locale. */
    _text: (text: Text | undefined) => pick(text, locale.value),
    /** Records an answer without moving on. */
    _set(id: string, value: AnswerValue) {
      answers.value = bag(answers.value, { [id]: value });
    },
    /** A tap on a value, whose point says `label`: sends a one-step survey at once, else records it and moves on (the last step waits for Send). */
    _pick(id: string, value: AnswerValue, label: string) {
      s._tapped[id] = label;
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
    _linked: () => last && o.onAnswer(given, done.value),
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
