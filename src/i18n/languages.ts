/**
 * The languages with a built-in strings file besides English (which is inside the UI): each is
 * `src/i18n/<code>.ts`, built as `dist/ressenti-<code>.min.js` and as an npm chunk.
 */
export const LANGUAGES = ['fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ja', 'ar', 'he'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language file `locale` needs (`fr` for `fr-CA`); none for English or a language without one. */
export const fileFor = (locale: string): Language | undefined => LANGUAGES.find((code) => code == locale.toLowerCase().split(/[-_]/)[0]);

/**
 * `loadUI` that also fetches the language file of the locale it is given, at the same time, once per
 * language; it resolves with the UI once both are there. A language file that fails leaves English
 * (inside the UI) and is reported once, by `report`.
 */
export function withLanguage<UI>(loadUI: () => Promise<UI>, load: (code: Language) => Promise<unknown>, report: (message: string) => void) {
  const started: { [code: string]: Promise<unknown> } = {};
  return (locale: string) => {
    const code = fileFor(locale);
    return Promise.all([loadUI(), code && (started[code] ||= load(code).catch((err: Error) => report(err.message)))]).then(([ui]) => ui);
  };
}
