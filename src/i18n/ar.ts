import type { Table } from './strings';

// Arabic counts in six forms; a rating goes up to 10: one, two, then 3–10 ("few").
export default {
  label: 'رأيك يهمنا',
  close: 'إغلاق',
  back: 'السابق',
  next: 'التالي',
  send: 'إرسال',
  thanks: 'شكرًا لك!',
  of: '{n} من {total}',
  yourAnswer: 'إجابتك: {answer}',
  stars_one: 'نجمة واحدة',
  stars_two: 'نجمتان',
  stars_few: '{n} نجوم',
  stars: '{n} نجمة',
  emoji1: 'غير راضٍ إطلاقًا',
  emoji2: 'غير راضٍ',
  emoji3: 'محايد',
  emoji4: 'راضٍ',
  emoji5: 'سعيد جدًا',
  npsLow: 'غير محتمل إطلاقًا',
  npsHigh: 'محتمل جدًا',
  up: 'نعم',
  down: 'لا',
} satisfies Table;
