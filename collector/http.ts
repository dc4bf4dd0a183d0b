// Small HTTP helpers on node:http, shared by the routes.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest body POST /collect takes (SPEC §4 batches are a few kilobytes). */
export const MAX_BODY = 1 << 20;

export class TooLarge extends Error {}

/** The body as text; rejects with TooLarge past `max` bytes, without reading the rest into memory. */
export function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > max) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume(); // drain what is still coming, so the client reads our 413 instead of a reset
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const BASE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) {
  res.writeHead(status, { ...BASE, 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}) {
  res.writeHead(status, { ...BASE, 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(body);
}

export function readCookies(header = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    try {
      out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // a malformed cookie is as good as none
    }
  }
  return out;
}

/**
 * The client's address. Behind a load balancer every request comes from the balancer, so with
 * `trustProxy` the left-most X-Forwarded-For address is taken instead (only safe when the balancer
 * sets that header itself).
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy && String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim();
  return forwarded || req.socket.remoteAddress || 'unknown';
}
