import type { Table } from './strings';

export default {
  label: 'Twoja opinia',
  close: 'Zamknij',
  back: 'Wstecz',
  next: 'Dalej',
  send: 'Wyślij',
  thanks: 'Dziękujemy!',
  of: '{n} z {total}',
  stars_one: '{n} gwiazdka',
  stars_few: '{n} gwiazdki',
  stars_many: '{n} gwiazdek',
  stars: '{n} gwiazdki',
  emoji1: 'Bardzo niezadowolony',
  emoji2: 'Niezadowolony',
  emoji3: 'Bez zdania',
  emoji4: 'Zadowolony',
  emoji5: 'Zachwycony',
  npsLow: 'Zdecydowanie nie',
  npsHigh: 'Zdecydowanie tak',
  up: 'Tak',
  down: 'Nie',
} satisfies Table;
