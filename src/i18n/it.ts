import type { Table } from './strings';

export default {
  label: 'La tua opinione',
  close: 'Chiudi',
  back: 'Indietro',
  next: 'Avanti',
  send: 'Invia',
  thanks: 'Grazie mille!',
  of: '{n} di {total}',
  yourAnswer: 'La tua risposta: {answer}',
  stars_one: '{n} stella',
  stars: '{n} stelle',
  emoji1: 'Per niente soddisfatto',
  emoji2: 'Poco soddisfatto',
  emoji3: 'Così così',
  emoji4: 'Soddisfatto',
  emoji5: 'Entusiasta',
  npsLow: 'Per niente probabile',
  npsHigh: 'Estremamente probabile',
  up: 'Sì',
  down: 'No',
} satisfies Table;
