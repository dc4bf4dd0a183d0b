/**
 * Journey moments as the script on every page watches them. Fetched only when needed, elsewhere:
 * the built-in sources (start.ts), the dataLayer watcher and the survey-link reader (src/extra.ts).
 */
export type { Emit } from './types';
export { watchNavigation } from './navigation';
export { bodyContext, watchHooks, watchInline } from './hooks';
