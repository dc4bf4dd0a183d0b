// The owner's token: `Authorization: Bearer …` for scripts, an HttpOnly cookie for the dashboard.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { readCookies } from './http';

export const COOKIE = 'ressenti_token';

export const newToken = () => randomBytes(24).toString('base64url');

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in constant time (hashing first makes the lengths equal). */
export const sameToken = (given: string, token: string) => timingSafeEqual(digest(given), digest(token));

export function isOwner(req: IncomingMessage, token: string): boolean {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const given = bearer ?? readCookies(req.headers.cookie)[COOKIE];
  return given !== undefined && sameToken(given, token);
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's form can use it,
 * which is what protects DELETE and logout from cross-site requests), Secure when served over HTTPS.
 */
export function tokenCookie(value: string, secure: boolean): string {
  const maxAge = value ? 30 * 86400 : 0;
  return `${COOKIE}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
