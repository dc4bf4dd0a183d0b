import type { Table } from './strings';

// Japanese has one plural form: "stars" alone, no "stars_one" (`count`).
export default {
  label: 'ご意見',
  close: '閉じる',
  back: '戻る',
  next: '次へ',
  send: '送信',
  thanks: 'ご協力ありがとうございました',
  of: '{n}/{total}',
  yourAnswer: 'ご回答：{answer}',
  stars: '星{n}',
  emoji1: 'とても不満',
  emoji2: 'やや不満',
  emoji3: 'ふつう',
  emoji4: 'やや満足',
  emoji5: 'とても満足',
  npsLow: '全くそう思わない',
  npsHigh: '非常にそう思う',
  up: 'はい',
  down: 'いいえ',
} satisfies Table;
