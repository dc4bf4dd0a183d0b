import type { Table } from './strings';

export default {
  label: 'נשמח לשמוע',
  close: 'סגירה',
  back: 'הקודם',
  next: 'הבא',
  send: 'שליחה',
  thanks: 'תודה רבה!',
  of: '{n} מתוך {total}',
  yourAnswer: 'התשובה שלך: {answer}',
  stars_one: 'כוכב אחד',
  stars: '{n} כוכבים',
  emoji1: 'ממש לא מרוצה',
  emoji2: 'לא מרוצה',
  emoji3: 'ככה ככה',
  emoji4: 'מרוצה',
  emoji5: 'מרוצה מאוד',
  npsLow: 'בכלל לא סביר',
  npsHigh: 'סביר מאוד',
  up: 'כן',
  down: 'לא',
} satisfies Table;
