import { readdirSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';
import { chunks } from '../../src/i18n/chunks';
import { fileFor, LANGUAGES, withLanguage } from '../../src/i18n/languages';
import { register } from '../../src/i18n/registry';
import { count, en, fill, pick, rtl, strings, type Table } from '../../src/i18n/strings';

const tables = Object.fromEntries(await Promise.all(LANGUAGES.map(async (code) => [code, (await chunks[code]()).default] as const)));
const placeholders = (text: string) => (text.match(/\{\w+\}/g) || []).sort();

afterEach(() => {
  delete (globalThis as { __ressentiStrings?: unknown }).__ressentiStrings;
});

test('twelve languages: English inside the UI, a file in src/i18n for each other one', () => {
  expect(LANGUAGES.length + 1).toBeGreaterThanOrEqual(12);
  const files = readdirSync('src/i18n').flatMap((f) => f.match(/^([a-z]{2,3})\.ts$/)?.[1] ?? []);
  expect(files.sort()).toEqual([...LANGUAGES].sort());
});

test('every language has every key, no empty string, and the placeholders of English', () => {
  const keys = Object.keys(en).filter((k) => !k.startsWith('stars_'));
  for (const [code, table] of Object.entries<Table>(tables)) {
    const strings: { [key: string]: string | undefined } = table;
    for (const key of keys) expect(strings[key], `${code}.${key}`).toBeTruthy();
    for (const [key, text] of Object.entries(strings)) {
      expect(text!.trim(), `${code}.${key}`).not.toBe('');
      expect(key in en || /^stars_(zero|two|few|many)$/.test(key), `${code}.${key} is not a key`).toBe(true);
      // The plural forms for exactly one or two ("نجمتان", "כוכב אחד") may say the number in words.
      if (!/_(one|two)$/.test(key)) expect(placeholders(text!), `${code}.${key}`).toEqual(placeholders(en[key.replace(/_.*/, '') as 'stars']));
      // Not a copy of English left untranslated (a few words are the same in both: "Neutral", "Feedback").
    }
    expect(keys.filter((k) => strings[k] == en[k as 'send']).length, `${code}: strings still in English`).toBeLessThanOrEqual(1);
  }
});

test('a star rating names each point 1–10 in the form the language uses for that number, never an English one', () => {
  for (const [code, table] of Object.entries<Table>(tables)) {
    register(code, table);
    const t = strings(code);
    for (let n = 1; n <= 10; n++) {
      // A form English has ("one") must be the language's own, or the English one would show.
      const form = 'stars_' + new Intl.PluralRules(code).select(n);
      if (form in en) expect(form in table, `${code} ${n}: ${form}`).toBe(true);
      expect(count(t, 'stars', n, code)).not.toMatch(/star/);
    }
  }
  const t = strings('en');
  expect([1, 2].map((n) => count(t, 'stars', n, 'en'))).toEqual(['1 star', '2 stars']);
  register('pl', tables.pl);
  const pl = strings('pl');
  expect([1, 3, 5].map((n) => count(pl, 'stars', n, 'pl-PL'))).toEqual(['1 gwiazdka', '3 gwiazdki', '5 gwiazdek']);
  register('ar', tables.ar);
  expect([1, 2, 3].map((n) => count(strings('ar'), 'stars', n, 'ar'))).toEqual(['نجمة واحدة', 'نجمتان', '3 نجوم']);
  // A locale that is not a BCP 47 tag counts as English does, without throwing.
  expect(count(t, 'stars', 1, 'not a locale!')).toBe('1 star');
});

test('a text in the exact locale, else its language, else English, else the first one', () => {
  const text = { fr: 'Bonjour', 'fr-CA': 'Allô', en: 'Hello', de: 'Hallo' };
  expect(pick(text, 'fr-CA')).toBe('Allô');
  expect(pick(text, 'fr-ca')).toBe('Allô');
  expect(pick(text, 'fr-BE')).toBe('Bonjour');
  expect(pick(text, 'es')).toBe('Hello');
  expect(pick({ de: 'Hallo', it: 'Ciao' }, 'es')).toBe('Hallo');
  expect(pick('Plain', 'fr')).toBe('Plain');
  expect(pick(undefined, 'fr')).toBe('');
});

test('built-in strings: English alone until a language registers, then that language with the same fallback', () => {
  expect(strings('fr-CA').send).toBe('Send');
  register('fr', tables.fr);
  expect(strings('fr-CA').send).toBe('Envoyer');
  expect(strings('FR_be').close).toBe('Fermer');
  expect(strings('en-GB').send).toBe('Send');
  expect(strings('ja').close).toBe('Close');
});

test('overrides replace built-in strings and add languages, keys they lack fall back', () => {
  register('fr', tables.fr);
  const overrides = { de: { send: 'Senden' }, fr: { send: 'Soumettre' } };
  expect(strings('de-AT', overrides).send).toBe('Senden');
  expect(strings('de-AT', overrides).close).toBe('Close');
  expect(strings('fr-CA', overrides).send).toBe('Soumettre');
  expect(strings('fr-CA', overrides).close).toBe('Fermer');
});

test('placeholders are filled in', () => {
  expect(fill('{n} of {total}', { n: 2, total: 3 })).toBe('2 of 3');
  expect(fill('{n} sur {total}', { n: 1, total: 2 })).toBe('1 sur 2');
});

test('the file a locale needs: its language when it has one, none for English or another language', () => {
  expect(['de', 'de-AT', 'DE_ch', 'pt-BR', 'he-IL', 'ar'].map(fileFor)).toEqual(['de', 'de', 'de', 'pt', 'he', 'ar']);
  expect(['en', 'en-US', 'ko', 'zh-Hant', 'deu', 'e', ''].map(fileFor)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
});

test('the UI and the language file load together, each language once, a failure reported once, and then English', async () => {
  const load = vi.fn((code: string) => (code == 'de' ? Promise.reject(new Error('could not load the de strings from /ressenti-de.min.js')) : Promise.resolve()));
  const loadUI = vi.fn(() => Promise.resolve('ui'));
  const report = vi.fn();
  const withStrings = withLanguage(loadUI, load, report);
  expect(await withStrings('en')).toBe('ui');
  expect(load).not.toHaveBeenCalled();
  const all = await Promise.all(['de', 'de-AT', 'de-CH', 'fr', 'fr-CA'].map(withStrings));
  expect(all).toEqual(['ui', 'ui', 'ui', 'ui', 'ui']);
  expect(load.mock.calls).toEqual([['de'], ['fr']]);
  expect(report.mock.calls).toEqual([['could not load the de strings from /ressenti-de.min.js']]);
});

test('right to left: Arabic, Hebrew, Persian, Urdu…, not a language that merely starts alike', () => {
  expect(['ar', 'ar-EG', 'he', 'he_IL', 'fa', 'ur-PK', 'iw'].every(rtl)).toBe(true);
  expect(['en', 'fr', 'arn', 'hea', 'ja', 'de-AR'].some(rtl)).toBe(false);
});
