import type { Context } from '../types';
import type { Reason } from './reason';

/*
 * The words of `data-debug` (why each survey did or did not show) and of a command called with a bad
 * argument. In the extra file (src/extra.ts), fetched only by a page that needs them.
 */

/** What a command's argument must be. */
const WANTS: Record<string, string> = {
  name: 'a non-empty string',
  flat: 'a flat context object',
  event: 'impression, response, dismissal or error',
  fn: 'a function',
};

/** JSON for reasons; `missing` for an absent value (JSON has no `undefined`). */
const show = (value: unknown): string => (value === undefined ? 'missing' : JSON.stringify(value));

// `toJSON` gives null instead of throwing on an invalid date (a corrupted history must not throw).
const at = (ms: number) => new Date(ms).toJSON();

const WORDS: Record<string, (...values: any[]) => string> = {
  if: (field: string, actual: unknown, wants: unknown) => `if.${field} is ${show(actual)}, wants ${show(wants)}`,
  on: (on: unknown, moment: string) => `on is ${show(on)}, not ${show(moment)}`,
  inline: () => 'display is "inline"',
  busy: () => 'another survey is on screen',
  sample: (drawn: number, sample: number) => `sampled out: draw ${drawn.toFixed(2)} >= ${sample}`,
  won: (id: string, a: number, b: number) => `"${id}" won (${a > b ? `priority ${a} > ${b}` : 'defined first'})`,
  once: (last: number) => `limit.once: shown on ${at(last)}`,
  cooling: (scope: string, until: number) => `${scope}.cooldownDays: cooling down until ${at(until)}`,
  max: (shown: number, max: number) => `settings.maxPerSession reached (${shown} of ${max})`,
  noUI: () => 'the UI could not load',
  cancelled: () => 'cancelled (route change or destroy)',
  waits: (id: string) => `"${id}" waits for the visitor to leave a form field`,
  notInline: (id: string, reason: Reason) => `inline "${id}" not shown: ${because(reason)}`,
  wants: (command: string, what: string, value: unknown) => `${command}: wants ${WANTS[what]}, got ${JSON.stringify(value)}`,
  noSurvey: (command: string, id: string) => `${command}: no valid survey with id "${id}"`,
};

/** A reason in words: `sampled out: draw 0.73 >= 0.5`. */
export const because = (reason: Reason): string => (typeof reason == 'string' ? reason : WORDS[reason[0]](...reason.slice(1)));

/**
 * One collapsed console group for a moment: its context, the chosen survey's outcome (`shown`, or
 * why it was not after all), and why each other survey did not show.
 */
export function explain(moment: string, context: Context, surveyId: string | undefined, notShown: Reason | undefined, reasons: { surveyId: string; reason: Reason }[]): void {
  console.groupCollapsed(`[ressenti] moment "${moment}"` + (surveyId && !notShown ? ` → "${surveyId}"` : ''));
  console.info('context', context);
  if (surveyId) console.info(`"${surveyId}": ${notShown ? 'not shown: ' + because(notShown) : 'shown'}`);
  for (const { surveyId, reason } of reasons) console.info(`"${surveyId}": ${because(reason)}`);
  console.groupEnd();
}
