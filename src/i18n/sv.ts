import type { Table } from './strings';

export default {
  label: 'Tyck till',
  close: 'Stäng',
  back: 'Tillbaka',
  next: 'Nästa',
  send: 'Skicka',
  thanks: 'Tack!',
  of: '{n} av {total}',
  yourAnswer: 'Ditt svar: {answer}',
  stars_one: '{n} stjärna',
  stars: '{n} stjärnor',
  emoji1: 'Mycket missnöjd',
  emoji2: 'Missnöjd',
  emoji3: 'Varken eller',
  emoji4: 'Nöjd',
  emoji5: 'Mycket nöjd',
  npsLow: 'Inte alls troligt',
  npsHigh: 'Mycket troligt',
  up: 'Ja',
  down: 'Nej',
} satisfies Table;
