import type { Stop } from '../platform/listen';
import type { Context, Scalar } from '../types';
import type { Emit } from './types';
import { wrap } from './wrap';

type Data = { [key: string]: unknown };

/** `window.dataLayer`, created when the page has none yet (as Tag Manager's snippet does). */
const layer = (win: Window) => {
  const w = win as Window & { dataLayer?: unknown };
  return w.dataLayer || (w.dataLayer = []);
};

const isScalar = (value: unknown): value is Scalar => /^(string|number|boolean)$/.test(typeof value);

/** GA4 fields as context: scalars of the push (and of its `ecommerce`), plus the order in a few flat fields. */
function dataContext(data?: Data): Context {
  // `event` names the moment; it is not context.
  const { event, transaction_id, items, ...fields }: Data = { ...(data?.ecommerce as Data), ...data };
  const context: Context = {};
  for (const key in fields) if (isScalar(fields[key]) && !/^gtm\./.test(key)) context[key] = fields[key] as Scalar;
  if (transaction_id != null) context.transactionId = String(transaction_id);
  if (Array.isArray(items)) {
    context.itemCount = items.length;
    context.items = items
      .map((item) => item?.item_name ?? item?.name)
      .filter(isScalar)
      .join(', ')
      .slice(0, 100);
  }
  return context;
}

/**
 * Every `dataLayer.push({event: NAME, ...})` (or `gtag('event', NAME, params)`) fires moment NAME,
 * entries already in `dataLayer` first, in order. The page's `push` keeps working as before.
 */
export function watchDataLayer(emit: Emit, win: Window): Stop {
  const list = layer(win);
  // An entry is `{event, ...}` or gtag's `['event', name, params]`.
  const read = (entries: unknown[]) =>
    (entries as (Data | undefined)[]).forEach((entry) => {
      const [name, data] = entry?.[0] === 'event' ? [entry[1], entry[2]] : [entry?.event, entry];
      // Tag Manager's own events and the ones we push back are not visitor moments.
      if (typeof name == 'string' && /^(?!gtm\.|ressenti_)./.test(name)) emit(name, dataContext(data as Data));
    });
  if (!Array.isArray(list)) return () => {};
  read(list); // forEach does not visit what is pushed meanwhile
  return wrap(list, 'push', read);
}

/** Pushes `{ event, ...data }` to `dataLayer` for the site's analytics; it fires no moment. */
export function pushDataLayer(win: Window, event: string, data: object): void {
  try {
    (layer(win) as unknown[]).push({ event, ...data });
  } catch {
    // a page's broken dataLayer must not break ours, nor theirs
  }
}
