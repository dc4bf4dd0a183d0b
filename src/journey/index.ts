/** Journey moments: the sources the widget listens to, and the page-side helpers around them. */
export type { Emit } from './types';
export { watchNavigation } from './navigation';
export { bodyContext, watchHooks, watchInline } from './hooks';
export { pushDataLayer, watchDataLayer } from './datalayer';
export { readLink } from './link';
