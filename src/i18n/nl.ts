import type { Table } from './strings';

export default {
  label: 'Jouw mening',
  close: 'Sluiten',
  back: 'Vorige',
  next: 'Volgende',
  send: 'Versturen',
  thanks: 'Bedankt!',
  of: '{n} van {total}',
  yourAnswer: 'Jouw antwoord: {answer}',
  stars_one: '{n} ster',
  stars: '{n} sterren',
  emoji1: 'Zeer ontevreden',
  emoji2: 'Ontevreden',
  emoji3: 'Neutraal',
  emoji4: 'Tevreden',
  emoji5: 'Heel blij',
  npsLow: 'Zeer onwaarschijnlijk',
  npsHigh: 'Zeer waarschijnlijk',
  up: 'Ja',
  down: 'Nee',
} satisfies Table;
