import type { Table } from './strings';

export default {
  label: 'Ihre Meinung',
  close: 'Schließen',
  back: 'Zurück',
  next: 'Weiter',
  send: 'Absenden',
  thanks: 'Vielen Dank!',
  of: '{n} von {total}',
  yourAnswer: 'Ihre Antwort: {answer}',
  stars_one: '{n} Stern',
  stars: '{n} Sterne',
  emoji1: 'Sehr unzufrieden',
  emoji2: 'Unzufrieden',
  emoji3: 'Neutral',
  emoji4: 'Zufrieden',
  emoji5: 'Begeistert',
  npsLow: 'Sehr unwahrscheinlich',
  npsHigh: 'Äußerst wahrscheinlich',
  up: 'Ja',
  down: 'Nein',
} satisfies Table;
