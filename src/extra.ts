/*
 * The code most pages never need, fetched only by a page that does: the script tag loads
 * `ressenti-extra.min.js` (the npm build, a chunk) when the page has a problem to tell (the words of
 * config/messages.ts), has turned on `data-datalayer` (the watcher of journey/datalayer.ts) or
 * `data-debug` (the words of decide/explain.ts), or was reached by a survey link (journey/link.ts).
 * The script every visitor downloads carries none of it.
 */
export { formatProblem } from './config/messages';
export { watchDataLayer } from './journey/datalayer';
export { readLink } from './journey/link';
export { because, explain } from './decide/explain';

/** Loads this module (see core.ts `Platform`). */
export type FetchExtra = () => Promise<typeof import('./extra')>;
