/**
 * A survey that asks every question type, the host pages it shows on (themes, accents, languages,
 * directions), and a tour through it that stops at each step: shared by the accessibility checks
 * (a11y.test.ts) and the pictures (pictures.test.ts). Steps are found by role and accessible name,
 * in the visitor's language, never by class.
 */
import type { Page } from 'playwright-core';
import ar from '../../src/i18n/ar';
import de from '../../src/i18n/de';
import he from '../../src/i18n/he';
import { en } from '../../src/i18n/strings';
import { type Server, scriptTag, showUnasked } from './harness';

export const HOST = '[data-ressenti-host]';

export type Locale = 'en' | 'de' | 'ar' | 'he';
const STRINGS = { en, de, ar, he };

/** A definition text in the four languages of the tour. */
const text = (en: string, de: string, ar: string, he: string) => ({ en, de, ar, he });

// Each question type, with the options that change its markup.
const QUESTIONS = [
  { id: 'mood', type: 'emoji', text: text('How was your visit?', 'Wie war Ihr Besuch?', 'كيف كانت زيارتك؟', 'איך היה הביקור שלך?') },
  { id: 'stars', type: 'rating', style: 'stars', text: text('Rate the delivery', 'Wie war die Lieferung?', 'قيّم التوصيل', 'דרגו את המשלוח') },
  {
    id: 'ces',
    type: 'rating',
    scale: 7,
    labels: [text('Very hard', 'Sehr schwer', 'صعب جدًا', 'קשה מאוד'), text('Very easy', 'Sehr leicht', 'سهل جدًا', 'קל מאוד')],
    text: text('How easy was it?', 'Wie einfach war es?', 'ما مدى سهولة ذلك؟', 'כמה זה היה קל?'),
  },
  {
    id: 'nps',
    type: 'nps',
    text: text('How likely are you to recommend us?', 'Wie wahrscheinlich empfehlen Sie uns weiter?', 'ما مدى احتمال أن توصي بنا؟', 'עד כמה סביר שתמליצו עלינו?'),
  },
  { id: 'thumb', type: 'thumbs', text: text('Did you find it?', 'Haben Sie es gefunden?', 'هل وجدت ما تبحث عنه؟', 'מצאתם את מה שחיפשתם?') },
  {
    id: 'topic',
    type: 'choice',
    text: text('What is it about?', 'Worum geht es?', 'ما الموضوع؟', 'על מה מדובר?'),
    options: [
      { value: 'shipping', label: text('Shipping', 'Versand', 'الشحن', 'משלוח') },
      { value: 'cost', label: text('Price', 'Preis', 'السعر', 'מחיר') },
    ],
  },
  {
    id: 'seen',
    type: 'choice',
    multiple: true,
    text: text('Which did you use?', 'Was haben Sie benutzt?', 'ماذا استخدمت؟', 'במה השתמשתם?'),
    options: [
      { value: 'search', label: text('Search', 'Suche', 'البحث', 'חיפוש') },
      { value: 'filters', label: text('Filters', 'Filter', 'المرشحات', 'מסננים') },
      { value: 'chat', label: text('Chat', 'Chat', 'الدردشة', "צ'אט") },
    ],
  },
  {
    id: 'note',
    type: 'text',
    text: text('Anything to add?', 'Möchten Sie noch etwas sagen?', 'هل تود إضافة شيء؟', 'רוצים להוסיף משהו?'),
    placeholder: text('Your words', 'Ihre Worte', 'كلماتك', 'המילים שלכם'),
  },
];
const TYPED = text('All good, thanks.', 'Alles gut, danke.', 'كل شيء جيد، شكرًا.', 'הכול טוב, תודה.');
const ACTION = text('Talk to support', 'Mit dem Support sprechen', 'تحدث إلى الدعم', 'דברו עם התמיכה');

/** `every` asks everything and ends on a thanks action; `inline-every` is the same in the page; `one` asks one face and ends on a plain thanks. */
export const DEFINITIONS = {
  surveys: [
    { id: 'every', questions: QUESTIONS, thanks: { text: text('Thank you!', 'Danke!', 'شكرًا!', '!תודה'), action: { label: ACTION, url: '/help' } } },
    { id: 'inline-every', display: 'inline', questions: QUESTIONS, thanks: { action: { label: ACTION, url: '/help' } } },
    { id: 'one', questions: [QUESTIONS[0]] },
  ],
};

export interface HostPage {
  /** `data-theme`. */
  theme?: 'light' | 'dark';
  accent?: string;
  /** `<html lang>`: the widget follows it. */
  lang?: Locale;
  /** `<html dir>`. */
  dir?: 'rtl';
  /** `data-locale`, over the page's language. */
  locale?: Locale;
  /** Where an inline survey goes in the page. */
  inline?: boolean;
}

/** A small shop page in `lang` with the widget and the tour's definitions inline. */
export function hostPage(server: Server, o: HostPage = {}): string {
  const defs = `<script type="application/json" id="defs">${JSON.stringify(DEFINITIONS)}</script>`;
  const tag = scriptTag(server, { surveys: '#defs', theme: o.theme || 'light', accent: o.accent, locale: o.locale });
  const article = o.inline ? '<div data-ressenti-inline="inline-every"></div>' : '';
  return (
    `<!doctype html><html lang="${o.lang || 'en'}"${o.dir ? ` dir="${o.dir}"` : ''}><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><title>Atelier Nord</title>' +
    '<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:24px;color:#222;background:#f4f1ec}</style></head>' +
    `<body><main><h1>Atelier Nord</h1><p>Handmade mugs, bowls and plates from a small studio by the sea.</p>${article}</main>` +
    `${defs}${tag}</body></html>`
  );
}

/** Shows survey `id` once the script has loaded, as a page script does on its own (it does not take focus; an inline survey shows by itself). */
export const show = (page: Page, id: string): Promise<void> => showUnasked(page, id);

/** The names of the tour's stops, in order: `at` is called at each. */
export const STOPS = ['emoji', 'stars', 'rating', 'nps', 'thumbs', 'choice', 'choice-multiple', 'choice-multiple-ticked', 'text', 'thanks'] as const;
export type Stop = (typeof STOPS)[number];

/**
 * Goes through `every` (or `inline-every`) in `locale`, from its first question to the thanks
 * action, calling `at` at each stop once it is on screen. It picks each scale's first point, ticks
 * the second box, and types an answer.
 */
export async function tour(page: Page, locale: Locale, at: (stop: Stop) => Promise<void>): Promise<void> {
  const widget = page.locator(HOST);
  const t = STRINGS[locale];
  const heading = (i: number) => widget.getByRole('heading', { name: QUESTIONS[i].text[locale] });
  const pickFirst = () => widget.getByRole('group').getByRole('button').first().click();
  for (const [i, stop] of (['emoji', 'stars', 'rating', 'nps', 'thumbs', 'choice'] as const).entries()) {
    await heading(i).waitFor();
    await at(stop);
    await pickFirst();
  }
  await heading(6).waitFor();
  await at('choice-multiple');
  await widget.getByRole('checkbox').nth(1).check();
  await at('choice-multiple-ticked');
  await widget.getByRole('button', { name: t.next, exact: true }).click();
  await widget.getByRole('textbox').fill(TYPED[locale]);
  await at('text');
  await widget.getByRole('button', { name: t.send, exact: true }).click();
  await widget.getByRole('link', { name: ACTION[locale] }).waitFor();
  await at('thanks');
}
