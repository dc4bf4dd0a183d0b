import type { Language } from './languages';
import type { Table } from './strings';

/** The npm build's language chunks: one `import()` per language, so that only the visitor's is fetched. */
export const chunks: { [code in Language]: () => Promise<{ default: Table }> } = {
  fr: () => import('./fr'),
  de: () => import('./de'),
  es: () => import('./es'),
  it: () => import('./it'),
  pt: () => import('./pt'),
  nl: () => import('./nl'),
  pl: () => import('./pl'),
  sv: () => import('./sv'),
  ja: () => import('./ja'),
  ar: () => import('./ar'),
  he: () => import('./he'),
};
