import { expect, test } from 'vitest';
import { fill, pick, strings } from '../../src/i18n/strings';

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

test('built-in strings come in English and French, with the same fallback', () => {
  expect(strings('fr-CA').send).toBe('Envoyer');
  expect(strings('en-GB').send).toBe('Send');
  expect(strings('ja').close).toBe('Close');
  expect(Object.keys(strings('fr')).sort()).toEqual(Object.keys(strings('en')).sort());
});

test('overrides replace built-in strings and add languages, keys they lack fall back', () => {
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
