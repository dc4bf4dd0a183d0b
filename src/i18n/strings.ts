import type { Strings, Text } from '../types';

/** Built-in strings. `{n}` and `{total}` are filled in by `fill`. Override any key with `data-strings`. */
export const builtin: Strings = {
  en: {
    label: 'Feedback',
    close: 'Close',
    back: 'Back',
    next: 'Next',
    send: 'Send',
    thanks: 'Thank you!',
    of: '{n} of {total}',
    star: '{n} star',
    stars: '{n} stars',
    emoji1: 'Very unhappy',
    emoji2: 'Unhappy',
    emoji3: 'Neutral',
    emoji4: 'Happy',
    emoji5: 'Delighted',
    npsLow: 'Not at all likely',
    npsHigh: 'Extremely likely',
    up: 'Thumbs up',
    down: 'Thumbs down',
  },
  fr: {
    label: 'Votre avis',
    close: 'Fermer',
    back: 'Retour',
    next: 'Suivant',
    send: 'Envoyer',
    thanks: 'Merci !',
    of: '{n} sur {total}',
    star: '{n} étoile',
    stars: '{n} étoiles',
    emoji1: 'Très mécontent',
    emoji2: 'Mécontent',
    emoji3: 'Neutre',
    emoji4: 'Content',
    emoji5: 'Ravi',
    npsLow: 'Pas du tout probable',
    npsHigh: 'Extrêmement probable',
    up: 'Pouce levé',
    down: 'Pouce baissé',
  },
};

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

/** Every string for `locale`: `overrides` merged over the built-ins per locale, each key with the same fallback as `pick`. */
export function strings(locale: string, overrides: Strings = {}): { [key: string]: string } {
  const all: Strings = { ...builtin };
  for (const l in overrides) all[l] = { ...all[l], ...overrides[l] };
  return Object.assign({}, ...byLocale(all, locale).reverse());
}

/** `"{n} of {total}"` with its placeholders filled in. */
export const fill = (template: string, vars: { [name: string]: string | number }): string =>
  template.replace(/\{(\w+)\}/g, (all, name) => String(vars[name] ?? all));
