// The demo's static files (the widget's dist/, the shop's assets), served as a site owner should
// serve them: brotli when the browser accepts it, else gzip, compressed once per file version.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// What the shop serves: the widget's scripts, its own script, styles and pictures, surveys.json.
const MIME = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json; charset=utf-8' };
const COMPRESS = {
  br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  gzip: (body) => gzipSync(body, { level: 9 }),
};

/** The encoding to send for an `Accept-Encoding` header: `br`, else `gzip`, else none (q=0 refuses one). */
export function negotiate(header = '') {
  const q = {};
  for (const part of String(header).toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    const weight = params.find((p) => p.startsWith('q='));
    q[name] = weight ? Number(weight.slice(2)) : 1;
  }
  const ok = (name) => (q[name] ?? q['*'] ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

// file → { mtimeMs, body, br?, gzip? }: a rebuilt file (new mtime) is read and compressed again.
const cache = new Map();

/**
 * A file under `base` (never outside it, whatever `..` the path holds) as `{ body, headers }`,
 * encoded as `acceptEncoding` allows; undefined when there is no such file.
 */
export async function staticFile(base, rel, acceptEncoding) {
  let file;
  try {
    file = join(base, normalize(decodeURIComponent(rel)));
  } catch {
    return;
  }
  if (!file.startsWith(base + sep)) return;
  let entry;
  try {
    const { mtimeMs } = await stat(file);
    entry = cache.get(file);
    if (entry?.mtimeMs !== mtimeMs) cache.set(file, (entry = { mtimeMs, body: await readFile(file) }));
  } catch {
    return undefined;
  }
  const type = MIME[extname(file)];
  const headers = { 'Content-Type': type || 'application/octet-stream', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
  // Every type the demo knows is text; anything else goes out as it is.
  const encoding = type && negotiate(acceptEncoding);
  if (!encoding) return { body: entry.body, headers };
  entry[encoding] ??= COMPRESS[encoding](entry.body);
  return { body: entry[encoding], headers: { ...headers, 'Content-Encoding': encoding } };
}
