// Which web pages may post events here. The widget posts `text/plain` (a CORS-simple request, so
// no preflight): the browser sends it whatever we answer, which is why a page outside the
// allow-list is refused here, and not only hidden from the page by the missing headers.
import type { IncomingMessage } from 'node:http';

/** `'*'`: any page; a list: those origins; empty: only pages of this server's own origin. */
export type Origins = '*' | string[];

/** Parses `RESSENTI_ORIGINS`: a comma-separated list, or `*` alone. */
export function parseOrigins(value: string | undefined): Origins {
  const list = (value ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  return list.includes('*') ? '*' : list;
}

/**
 * The CORS headers for this request, or null when its origin may not post. Requests without an
 * `Origin` (servers, curl) are not from a web page and are allowed; a page of this server's own
 * origin always is.
 */
export function corsHeaders(req: IncomingMessage, origins: Origins): Record<string, string> | null {
  const origin = req.headers.origin;
  const base = { 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
  if (!origin) return base;
  if (origins === '*') return { ...base, 'Access-Control-Allow-Origin': '*' };
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    return null;
  }
  if (origins.includes(origin) || host === req.headers.host) return { ...base, 'Access-Control-Allow-Origin': origin };
  return null;
}
