// /results: the dashboard's static files (dist/dashboard/, built by its own Rollup config), behind
// the owner's token, with a strict Content-Security-Policy.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendText } from './http';

const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const PAGE = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' };
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// Used when dist/dashboard/login.html is missing: no script, no style, just the form.
const LOGIN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Ressenti results: sign in</title></head><body><main><h1>Ressenti results</h1>
<form method="post" action="/login"><label>Owner token <input name="token" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form></main></body></html>`;

/** dist/dashboard/ seen from the built collector (dist/collector/) or from its source (collector/). */
export function defaultDashboardDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', 'dashboard'), join(here, '..', 'dist', 'dashboard')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}

async function file(dir: string, rel: string): Promise<Buffer | undefined> {
  const path = resolve(dir, '.' + rel);
  if (!path.startsWith(resolve(dir) + sep)) return undefined; // never outside the folder
  return readFile(path).catch(() => undefined);
}

/**
 * Serves `/results…`. Files with an extension (scripts, styles, the login page's assets) are public
 * code; pages are the dashboard for the owner and the login form for anyone else.
 */
export async function serveDashboard(req: IncomingMessage, res: ServerResponse, path: string, owner: boolean, dir: string) {
  const rel = path.slice('/results'.length) || '/';
  if (extname(rel)) {
    const body = await file(dir, rel);
    if (!body) return sendText(res, 404, `not found: ${path}`);
    const headers = { ...PAGE, 'Content-Type': TYPES[extname(rel)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    return res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  }
  const page = owner ? await file(dir, '/index.html') : ((await file(dir, '/login.html')) ?? LOGIN);
  if (!page) return sendText(res, 503, 'dashboard not built: npm run build');
  res.writeHead(owner ? 200 : 401, { ...PAGE, 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' }).end(req.method === 'HEAD' ? undefined : page);
}
