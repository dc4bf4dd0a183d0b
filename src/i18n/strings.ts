import * as emoji from '../questions/emoji';
import * as nps from '../questions/nps';
import * as rating from '../questions/rating';
import * as thumbs from '../questions/thumbs';
import type { Strings, Text } from '../types';
import { registered } from './registry';

/**
 * The built-in English strings, inside the UI: every other language is a file of its own
 * (`ar.ts`, `de.ts`…, one per code of `LANGUAGES`), fetched only for a visitor who reads it.
 * `{n}`, `{total}` and `{answer}` are filled in by `fill`. Override any key with `data-strings`. A
 * question type's own strings are declared with it (`questions/<type>.ts` `strings`).
 */
export const en = {
  /** The widget's accessible name. */
  label: 'Feedback',
  close: 'Close',
  back: 'Back',
  next: 'Next',
  send: 'Send',
  thanks: 'Thank you!',
  /** Progress ("2 of 3") and the name of a numbered rating point ("4 of 5"). */
  of: '{n} of {total}',
  /** What a tap answered on the step before, shown with the next step's progress ("Your answer: 9 · 2 of 3"). */
  yourAnswer: 'Your answer: {answer}',
  ...emoji.strings,
  ...rating.strings,
  ...nps.strings,
  ...thumbs.strings,
};

/** Plural forms of a counted key (`stars`), named after `Intl.PluralRules` categories: a language has those it uses. */
export type PluralKey = `stars_${'zero' | 'one' | 'two' | 'few' | 'many'}`;
export type Key = Exclude<keyof typeof en, PluralKey>;
/** A language's built-in strings: every key (the compiler says which is missing), plus the plural forms it needs. */
export type Table = { [K in Key]: string } & { [K in PluralKey]?: string };

/** The values of a per-locale map, best first: exact locale, its language (`fr-CA` → `fr`), `en`, then any. Case-insensitive. */
function byLocale<T>(map: { [locale: string]: T }, locale: string): T[] {
  const keys = Object.keys(map);
  const wanted = locale.toLowerCase();
  return [wanted, wanted.split(/[-_]/)[0], 'en']
    .flatMap((l) => keys.filter((k) => k.toLowerCase() == l))
    .concat(keys)
    .map((k) => map[k]);
}

/** A definition text in `locale`, with the fallback `fr-CA` → `fr` → `en` → first value; `''` when absent. */
export function pick(text: Text | undefined, locale: string): string {
  return (text && typeof text == 'object' ? byLocale(text, locale)[0] : text) || '';
}

/**
 * Every string for `locale`: English, the languages loaded (see registry.ts), then `overrides`,
 * merged per locale; each key with the same fallback as `pick`.
 */
export function strings(locale: string, overrides: Strings = {}): { [key: string]: string } {
  const all: Strings = { en };
  for (const layer of [registered(), overrides]) for (const l in layer) all[l] = { ...all[l], ...layer[l] };
  return Object.assign({}, ...byLocale(all, locale).reverse());
}

/** `"{n} of {total}"` with its placeholders filled in. */
export const fill = (template: string, vars: { [name: string]: string | number }): string =>
  template.replace(/\{(\w+)\}/g, (all, name) => String(vars[name] ?? all));

/** `key` for `n` things in `locale`'s plural form (`stars_few` for 3 in Polish), else its general form, filled in. */
export function count(t: { [key: string]: string }, key: string, n: number, locale: string): string {
  let form;
  try {
    form = new Intl.PluralRules(locale.replace(/_/g, '-')).select(n);
  } catch {
    form = n == 1 ? 'one' : 'other'; // not a BCP 47 tag ("english"): counted as English counts
  }
  return fill(t[key + '_' + form] || t[key], { n });
}

/** Whether `locale` is written right to left (Arabic, Hebrew, Persian, Urdu and a few more). */
export const rtl = (locale: string) => /^(ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb)(?![a-z])/i.test(locale);
